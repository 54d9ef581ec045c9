import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../../src/cli/html-page';
import { buildClipDraft } from '../../../src/content/selection-clip';
import { createClipFromDraft, type Clip } from '../../../src/core/clips/model';
import { cslItemOf } from '../../../src/core/export/citation-csl';
import { annotate, toSimplified } from '../../../src/core/index';
import { citeClip, formatCitation } from '../../../src/library/citation-render';
import { REPO_ROOT } from '../../support/paths';

/** A "save whole article" clip of a seed page, as the content script would make it. */
function seedClip(n: number): Clip {
  const file = `seed-00${n}.html`;
  const page = readHtmlPage(readFileSync(join(REPO_ROOT, 'test/fixtures/pages', file), 'utf8'));
  const url = `https://news.example.gov.cn/seeds/${file}`;
  const result = annotate({ text: page.text, url, meta: page.meta });
  const draft = buildClipDraft(
    { text: page.text, result, url, title: page.title ?? '', toSimplified },
    { start: 0, end: page.text.length },
    true,
  );
  if (!draft) throw new Error(`no clip from ${file}`);
  return createClipFromDraft(draft, new Date('2026-11-01T10:00:00Z'), `seed-${n}`);
}

/** What each seed page says about itself: headline, reporters, source and publication day. */
const SEEDS = [
  {
    headline: '韋韜主持召開市疫情防控工作領導小組第115次會議',
    authors: [
      ['殷', '雪鸢'],
      ['梁', '涛'],
    ],
    source: '太原日報',
    chicagoDate: 'April 30, 2022',
    apaDate: '(2022, April 30)',
  },
  {
    headline: '堅持總策略總方針不動搖不走樣 堅決打贏疫情防控阻擊戰攻堅戰',
    authors: [['杨', '文']],
    source: '山西日報',
    chicagoDate: 'November 24, 2022',
    apaDate: '(2022, November 24)',
  },
  {
    headline: '董一兵主持召开市委第二十六次专题会议暨市防控工作领导小组会议',
    authors: [['张', '浩']],
    source: '临汾日报',
    chicagoDate: 'March 26, 2020',
    apaDate: '(2020, March 26)',
  },
  {
    headline: '市委第二十四次专题会议暨市疫情防控工作领导小组会议召开',
    authors: [['李', '雅萍']],
    source: '吕梁日报',
    chicagoDate: 'March 14, 2020',
    apaDate: '(2020, March 14)',
  },
  {
    headline: '全市疫情防控工作視頻會議召開',
    authors: [],
    source: '濟寧新聞網',
    chicagoDate: 'February 7, 2020',
    apaDate: '(2020, February 7)',
  },
] as const;

describe.each(SEEDS.map((seed, n) => [n, seed] as const))('citations of seed %i', (n, seed) => {
  const clip = seedClip(n);
  const url = `https://news.example.gov.cn/seeds/seed-00${n}.html`;

  it('maps the page to a CSL item with split names', () => {
    const item = cslItemOf(clip);
    expect(item.title).toBe(seed.headline);
    expect(item['container-title']).toBe(seed.source);
    expect(item.author ?? []).toEqual(seed.authors.map(([family, given]) => ({ family, given })));
  });

  it('renders Chicago with citeproc: author, headline, source, day, URL', () => {
    const text = citeClip(clip, 'chicago');
    for (const [family, given] of seed.authors) expect(text).toContain(`${family}${given}`);
    expect(text).toContain(`“${seed.headline}`);
    expect(text).toContain(seed.source);
    expect(text).toContain(seed.chicagoDate);
    expect(text).toContain(url);
    expect(text).not.toContain('_');
  });

  it('renders APA with citeproc: author, (year, month day), headline, source, URL', () => {
    const text = citeClip(clip, 'apa');
    const first = seed.authors[0];
    if (first) {
      expect(text.startsWith(`${first[0]}${first[1]}`)).toBe(true);
      expect(text).toContain(`${seed.apaDate}. ${seed.headline}. ${seed.source}.`);
    } else {
      // No author: APA moves the headline to the front.
      expect(text.startsWith(`${seed.headline}. ${seed.apaDate}. ${seed.source}.`)).toBe(true);
    }
    expect(text.endsWith(url)).toBe(true);
  });
});

describe('formatCitation', () => {
  it('formats an undated item (n.d., or the access day) and then a dated one again', () => {
    const item = { ...cslItemOf(seedClip(2)), id: 'no-date' };
    delete item.issued;
    expect(formatCitation(item, 'apa')).toContain('(n.d.)');
    expect(formatCitation(item, 'chicago')).toContain('Accessed November 1, 2026');
    expect(formatCitation(cslItemOf(seedClip(2)), 'apa')).toContain('(2020, March 26)');
  });
});
