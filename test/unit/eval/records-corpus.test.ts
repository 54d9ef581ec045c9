import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import { loadGoldCases } from '../../support/gold-score';
import { corpusDir } from '../../support/corpus-dir';
import { REPO_ROOT } from '../../support/paths';
import { readSplit, REAL_DIR } from '../../support/corpus-split';
import {
  emptyRecordsScore,
  evaluateRecords,
  loadGoldRecords,
  readGoldRecords,
  recordCasesOf,
  matchRecords,
  prfOf,
  scoreRecordsPage,
  type GoldRecord,
  type RecordsScore,
} from '../../support/records-score';
import type { MeetingRecord } from '../../../src/core/types';

/** Records score of the pages of one set that have gold records. */
async function recordsScore(
  textDir: string,
  goldDir: string,
  recordsDir: string,
  only?: readonly string[],
): Promise<RecordsScore> {
  const wanted = only ? new Set(only) : undefined;
  const records = await loadGoldRecords(recordsDir, wanted);
  const cases = recordCasesOf(await loadGoldCases(textDir, goldDir), records);
  return evaluateRecords(cases, annotate);
}

const exact = (s: RecordsScore, f: keyof RecordsScore['exact']): number =>
  s.exact[f].correct / Math.max(1, s.exact[f].total);

describe('meeting records on the seeds', () => {
  it('give the right body, ordinals, date, chair and attendees for every report', async () => {
    const corpus = corpusDir();
    const s = await recordsScore(
      join(corpus, 'seeds'),
      join(corpus, 'gold'),
      join(REPO_ROOT, 'test/fixtures/corpus/records'),
    );
    expect(s.pages).toBe(5);
    expect(s.matched).toBe(s.gold);
    expect(s.predicted).toBe(s.gold);
    for (const f of ['body', 'ordinals', 'date', 'type', 'place'] as const)
      expect(exact(s, f), f).toBe(1);
    expect(prfOf(s.lists.chairs).f1).toBe(1);
    expect(prfOf(s.lists.attendees).f1).toBe(1);
  });
});

const split = readSplit();

describe.runIf(split && existsSync(join(REAL_DIR, 'records')))(
  'meeting records on the dev split',
  () => {
    it('stay where tuning left them (floors)', async () => {
      const s = await recordsScore(
        join(REAL_DIR, 'pages'),
        join(REAL_DIR, 'gold'),
        join(REAL_DIR, 'records'),
        split?.dev,
      );
      expect(s.pages).toBeGreaterThanOrEqual(40);
      const records = prfOf({ tp: s.matched, fp: s.predicted - s.matched, fn: s.gold - s.matched });
      expect(records.f1).toBeGreaterThanOrEqual(FLOORS.records);
      expect(prfOf(s.lists.chairs).f1).toBeGreaterThanOrEqual(FLOORS.chairs);
      expect(prfOf(s.lists.speakers).f1).toBeGreaterThanOrEqual(FLOORS.speakers);
      expect(prfOf(s.lists.attendees).f1).toBeGreaterThanOrEqual(FLOORS.attendees);
      expect(exact(s, 'ordinals')).toBeGreaterThanOrEqual(FLOORS.ordinals);
      expect(exact(s, 'date')).toBeGreaterThanOrEqual(FLOORS.date);
    });
  },
);

/** What the engine reached on the dev split when tuning stopped, rounded down. */
const FLOORS = {
  // 0.75 until session 38, which reached 0.815 (study groups' sessions, when a meeting was held);
  // 0.8 until session 40, which reached 0.834 (meetings held together, meetings that decided).
  records: 0.82,
  chairs: 0.92,
  // 0.742 until session 12's round ci/cj/ck, whose annotators count the sixteen members listed
  // before 等16位同志分别代表…发言 as speakers: 0.736.
  speakers: 0.73,
  // 0.88 until session 11's last rounds, whose annotators list rostrum lists and chairs as
  // attendees more often; reading the numbered meeting that opens a sentence then matched 18
  // more records (records F1 0.757 → 0.765), whose attendees count too: 0.870. Session 18's
  // rounds du–dz, whose annotators list untitled names on the rostrum (在主席台就座的领导还有:甲、乙…)
  // as attendees: 0.858. Session 21's rounds gj/gk/gl (lists of a congress's presidium and of
  // provincial leaders the reading stops before): 0.8499. Session 22 reads those untitled rostrum
  // lists: 0.854; its rounds hw–ib (attendees 0.78 on arrival): 0.849. Session 24's rounds
  // js–jz (people's congress sessions whose elected members the annotators list as attendees,
  // 0.75 on arrival): 0.844. Session 25's rounds ky–lf (provincial congresses' rostrum lists,
  // township meetings' leaders; 0.79 on arrival): 0.8396.
  attendees: 0.835,
  ordinals: 0.97,
  // 0.740 until session 11's last round, whose annotators leave a date out when the page gives
  // no year: 0.737. Session 12 reads a gold date written "" as unknown, as null is: 0.764;
  // 0.760 with the rounds after it. Session 19's rounds eg–er, whose annotators date meetings the
  // text gives no date or year for from the page's address or content (83 of 122 exact on their
  // dev records): 0.746. Session 24's rounds ka–kh, whose annotators infer years from budget
  // years and anniversaries in the text (23 of 46 exact on their dev records): 0.736. Session 35
  // reads a day between a meeting's name and its cue, a day alone (28日), a dateline before the
  // lead's date and the year after a page's most written one when that is written too: 0.764.
  date: 0.75,
};

describe('matchRecords', () => {
  const gold = (over: Partial<GoldRecord>): GoldRecord => ({
    body: '市委',
    type: 'meeting',
    term: null,
    ordinals: [],
    expanded: false,
    date: null,
    place: null,
    chairs: [],
    speakers: [],
    attendees: [],
    relayed: [],
    ...over,
  });
  const found = (over: Partial<MeetingRecord>): MeetingRecord => ({
    ...gold({}),
    type: 'meeting',
    start: 0,
    end: 0,
    sources: { meeting: [], chairs: [], speakers: [], attendees: [] },
    ...over,
  });

  it('pairs by ordinals first, then body, and leaves strangers unpaired', () => {
    const g = [gold({ ordinals: [5], body: '市委' }), gold({ body: '市政府常务会' })];
    const p = [
      found({ body: '市政府常务会', date: '2024-01-02' }),
      found({ ordinals: [5], body: '中共临汾市委' }),
      found({ body: '县人大' }),
    ];
    const pairs = matchRecords(g, p);
    expect(pairs.map(([a, b]) => [a.body, b.body])).toEqual([
      ['市委', '中共临汾市委'],
      ['市政府常务会', '市政府常务会'],
    ]);
  });

  it('compares a province or a city in its short form (福建 = 福建省, 株洲 = 株洲市), not a county', () => {
    const score = emptyRecordsScore();
    const pairs: [string, string][] = [
      ['福建', '福建省'],
      ['株洲', '株洲市'],
      ['义乌市', '义乌'],
      ['宁晋', '宁晋县'],
      ['株洲', '湘潭市'],
    ];
    for (const [g, p] of pairs)
      scoreRecordsPage(score, 'x', [gold({ place: g })], [found({ place: p })]);
    expect(score.exact.place).toEqual({ correct: 3, total: 5 });
  });

  it('reads an unknown date or place written as "" as null, like the engine', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zl-records-')), 'x.json');
    const record = { ...gold({}), date: '', place: '' };
    writeFileSync(path, JSON.stringify({ doc: 'x', meetings: [record] }));
    const [read] = (await readGoldRecords(path)).meetings;
    expect([read?.date, read?.place]).toEqual([null, null]);
  });
});
