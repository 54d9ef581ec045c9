// @vitest-environment happy-dom
/**
 * The panel's "Why" list reads as sentences in the UI language: every signal detection can give
 * (the fitted model's features, and every name page-detection.ts writes) has a sentence in every
 * locale, and the rendered list shows that sentence, never the machine name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import weights from '../../../src/core/lexicons/detection-weights.json';
import { detectionFeatures } from '../../../src/core/page-detection';
import type { PageSignal } from '../../../src/core/types';
import { PageUi, type PanelActions, type PanelView } from '../../../src/content/panel/page-panel';
import { signalMessageKey } from '../../../src/content/panel/signal-sentence';

const ROOT = join(__dirname, '../../..');
const LOCALES = readdirSync(join(ROOT, 'public/_locales'));

/** A locale's messages as the `t` the content script passes (`browser.i18n.getMessage`). */
function translatorOf(locale: string): (key: string) => string {
  const file = join(ROOT, 'public/_locales', locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  return (key) => messages[key]?.message ?? '';
}

/** Every signal name: the model's features and each name the detection source can emit. */
function allSignalNames(): string[] {
  const source = readFileSync(join(ROOT, 'src/core/page-detection.ts'), 'utf8');
  const written = [...source.matchAll(/'((?:url|meta|chrome|content|genre)\.[a-z-]+)'/g)].map(
    (m) => m[1]!,
  );
  return [...new Set([...Object.keys(weights.weights), ...written])].sort();
}

const NO_ACTIONS = new Proxy({}, { get: () => () => {} }) as PanelActions;

/** The expanded panel of an annotated page whose detection gave `signals`. */
function viewWith(signals: PageSignal[]): PanelView {
  return {
    state: 'annotated',
    expanded: true,
    detection: { isGov: true, score: 0.97, signals, script: 'simplified' },
    entities: [],
    meetings: [],
    summary: { officials: [], meetings: [], directives: [] },
    counts: { official: 0, meeting: 0, directive: 0 },
    visible: { official: true, meeting: true, directive: true },
    status: null,
    card: null,
    darkPage: false,
    busy: false,
    savedHere: 0,
  };
}

describe('the Why list', () => {
  const names = allSignalNames();

  it('knows the signals detection gives on a real page', () => {
    const features = detectionFeatures({
      text: '来源：新华社 责任编辑：王五 会议强调，要坚持……市委书记张三主持会议。',
      url: 'https://www.example.gov.cn/a.html',
      titledOfficials: 2,
      meetings: 1,
    });
    expect(features.length).toBeGreaterThan(3);
    for (const f of features) expect(names).toContain(f.name);
    expect(names.length).toBeGreaterThanOrEqual(29);
  });

  it.each(LOCALES)('has a sentence for every signal in %s', (locale) => {
    const t = translatorOf(locale);
    const missing = names.filter((name) => !t(signalMessageKey(name)).trim());
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('renders sentences, not signal keys, in %s', (locale) => {
    const t = translatorOf(locale);
    const signals = names.map((name, i) => ({ name, weight: i % 2 ? -0.5 : 1.25, evidence: '×2' }));
    const root = document.createElement('div');
    render(<PageUi view={viewWith(signals)} actions={NO_ACTIONS} t={t} />, root);
    const items = [...root.querySelectorAll('details li')];
    expect(items).toHaveLength(names.length);
    for (const [i, li] of items.entries()) {
      const name = names[i]!;
      expect(li.getAttribute('data-signal')).toBe(name);
      const text = li.textContent ?? '';
      expect(text.startsWith(t(signalMessageKey(name)))).toBe(true);
      expect(text).not.toContain(name);
      expect(text).toContain(i % 2 ? '-0.50' : '+1.25');
    }
    render(null, root);
  });

  it('sentences differ between languages', () => {
    const [en, zh] = [translatorOf('en'), translatorOf('zh_CN')];
    for (const name of names)
      expect(en(signalMessageKey(name))).not.toBe(zh(signalMessageKey(name)));
  });

  it('falls back to the machine name for a signal the locale files do not know', () => {
    const root = document.createElement('div');
    const signals = [{ name: 'content.brand-new', weight: 0.3 }];
    render(<PageUi view={viewWith(signals)} actions={NO_ACTIONS} t={translatorOf('en')} />, root);
    expect(root.querySelector('details li')?.textContent).toContain('content.brand-new');
  });
});
