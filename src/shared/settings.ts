/**
 * User settings of the in-page annotation: which kinds to highlight, when to annotate on its own,
 * per-site overrides and the user's extra vocabulary. Stored in `browser.storage.local` under one
 * key and validated on every read, so a damaged or older value falls back to the defaults field by
 * field instead of breaking the content script.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import type { UserLexicon } from '../core/types';
import { GOV_NEWS_THRESHOLD } from '../core/gov-news-decision';

/** Storage key of the settings object. */
const SETTINGS_KEY = 'settings';

const words = v.fallback(v.array(v.pipe(v.string(), v.trim(), v.maxLength(200))), []);

/** Schema of stored settings; every field falls back to its default when invalid. */
const SettingsSchema = v.object({
  kinds: v.fallback(
    v.object({
      official: v.fallback(v.boolean(), true),
      meeting: v.fallback(v.boolean(), true),
      directive: v.fallback(v.boolean(), true),
    }),
    { official: true, meeting: true, directive: true },
  ),
  autoAnnotate: v.fallback(v.boolean(), true),
  /** Detection score from which a page counts as government news (0–1; the engine's by default). */
  threshold: v.fallback(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), GOV_NEWS_THRESHOLD),
  /** Host names (a name also covers its subdomains) annotated on every visit. */
  alwaysOn: words,
  /** Host names never annotated on their own. */
  neverOn: words,
  lexicon: v.fallback(v.object({ titles: words, organisations: words, slogans: words }), {
    titles: [],
    organisations: [],
    slogans: [],
  }),
});

/** Validated settings. */
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Parses any stored value into settings, keeping every valid field and defaulting the rest. */
export function parseSettings(raw: unknown): Settings {
  const result = v.safeParse(SettingsSchema, typeof raw === 'object' && raw !== null ? raw : {});
  return result.success ? result.output : DEFAULT_SETTINGS;
}

/** Reads the settings from extension storage. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Writes the settings to extension storage (validated first). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(settings) });
}

/** Calls `onChange` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) onChange(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}

/** Whether `hostname` is listed in `sites` (an entry also covers its subdomains). */
export function isSiteListed(hostname: string, sites: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return sites.some((entry) => {
    const site = entry
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[/:].*$/, '')
      .replace(/^\*\./, '');
    return site !== '' && (host === site || host.endsWith(`.${site}`));
  });
}

/** The user lexicon in the engine's input shape (empty lists left out). */
export function userLexicon(settings: Settings): UserLexicon {
  const { titles, organisations, slogans } = settings.lexicon;
  const clean = (list: string[]): string[] => list.map((s) => s.trim()).filter((s) => s !== '');
  return { titles: clean(titles), organisations: clean(organisations), slogans: clean(slogans) };
}
