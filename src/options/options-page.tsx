/**
 * The settings page: kinds to highlight, automatic annotation and its detection threshold, sites
 * always on / never on, and the user lexicon (extra titles, organisations and slogans) that the
 * engine receives as `AnnotateInput.lexicon`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../core/types';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../shared/settings';

/** Message look-up (`browser.i18n.getMessage`). */
export type Translate = (key: string) => string;

/** Storage operations the page needs (injected so tests can use an in-memory store). */
export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

const KIND_KEYS: Record<EntityKind, string> = {
  official: 'kindOfficials',
  meeting: 'kindMeetings',
  directive: 'kindDirectives',
};

/** One entry per non-empty line. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The settings form. */
export function OptionsPage({ store, t }: { store: SettingsStore; t: Translate }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    store.load().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
  }, [store]);
  if (!settings) return <p>…</p>;

  const update = (patch: Partial<Settings>): void => {
    setSettings(parseSettings({ ...settings, ...patch }));
    setMessage('');
  };
  const listField = (id: string, label: string, value: string[], set: (v: string[]) => void) => (
    <p class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        cols={40}
        value={value.join('\n')}
        onChange={(e) => set(linesOf(e.currentTarget.value))}
      />
    </p>
  );
  const onSubmit = (e: Event): void => {
    e.preventDefault();
    store.save(settings).then(
      () => setMessage(t('optSaved')),
      (err: unknown) => setMessage(`${t('optSaveFailed')} ${String(err)}`),
    );
  };

  return (
    <form class="options" onSubmit={onSubmit}>
      <h1>{t('optTitle')}</h1>
      <fieldset>
        <legend>{t('optKinds')}</legend>
        <p class="choices">
          {(Object.keys(KIND_KEYS) as EntityKind[]).map((kind) => (
            <label key={kind} class="choice">
              <input
                type="checkbox"
                name={`kind-${kind}`}
                checked={settings.kinds[kind]}
                onChange={(e) =>
                  update({ kinds: { ...settings.kinds, [kind]: e.currentTarget.checked } })
                }
              />{' '}
              {t(KIND_KEYS[kind])}
            </label>
          ))}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('optDetection')}</legend>
        <p>
          <label class="choice">
            <input
              type="checkbox"
              name="autoAnnotate"
              checked={settings.autoAnnotate}
              onChange={(e) => update({ autoAnnotate: e.currentTarget.checked })}
            />{' '}
            {t('optAuto')}
          </label>
        </p>
        <p class="choice">
          <label for="threshold">{t('optThreshold')}</label>{' '}
          <input
            id="threshold"
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={settings.threshold}
            onChange={(e) => update({ threshold: Number(e.currentTarget.value) })}
          />
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('optSites')}</legend>
        <p class="hint">{t('optSitesHint')}</p>
        {listField('alwaysOn', t('optAlwaysOn'), settings.alwaysOn, (v) => update({ alwaysOn: v }))}
        {listField('neverOn', t('optNeverOn'), settings.neverOn, (v) => update({ neverOn: v }))}
      </fieldset>
      <fieldset>
        <legend>{t('optLexicon')}</legend>
        <p class="hint">{t('optOnePerLine')}</p>
        {listField('titles', t('optTitles'), settings.lexicon.titles, (v) =>
          update({ lexicon: { ...settings.lexicon, titles: v } }),
        )}
        {listField('organisations', t('optOrganisations'), settings.lexicon.organisations, (v) =>
          update({ lexicon: { ...settings.lexicon, organisations: v } }),
        )}
        {listField('slogans', t('optSlogans'), settings.lexicon.slogans, (v) =>
          update({ lexicon: { ...settings.lexicon, slogans: v } }),
        )}
      </fieldset>
      <p class="form-actions">
        <button type="submit">{t('optSave')}</button>{' '}
        <button type="button" onClick={() => update(DEFAULT_SETTINGS)}>
          {t('optReset')}
        </button>{' '}
        <span role="status">{message}</span>
      </p>
    </form>
  );
}
