/**
 * Fuzz of the annotation engine: random mixes of Han, ASCII, punctuation, inline pinyin glosses,
 * paired and unpaired surrogates, random page metadata and user lexicons (with regex
 * metacharacters), plus huge inputs. The engine must never throw, every offset must lie inside the
 * text on a code-point boundary, and every entity's text must be exactly `input.slice(start, end)`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate, annotateSteps, hasChineseText, toSimplified } from '../../../src/core/index';
import type { AnnotateInput, AnnotateResult, Entity } from '../../../src/core/types';

/** Fixed seed, printed, so a failure can be replayed with the same cases. */
const SEED = 20261122;
const RUNS = 10_000;

const tally = { cases: 0, chars: 0, entities: 0, official: 0, meeting: 0, directive: 0, steps: 0 };

afterAll(() => {
  console.log(
    `[fuzz engine] seed=${SEED} cases=${tally.cases} chars=${tally.chars} ` +
      `entities=${tally.entities} (official ${tally.official}, meeting ${tally.meeting}, ` +
      `directive ${tally.directive}) annotateSteps runs=${tally.steps}: all survived`,
  );
});

/** Generic vocabulary of the genre (titles, bodies, formula shapes), not names from the corpus. */
const WORDS = [
  '省委常委',
  '市委书记',
  '市长',
  '副市长',
  '县委书记',
  '主持召开',
  '常委会',
  '常务会议',
  '第十五次',
  '第3次',
  '第一百二十三次',
  '全体会议',
  '专题会议',
  '领导小组',
  '十四届',
  '会议',
  '强调',
  '要坚持',
  '坚决贯彻落实',
  '两个维护',
  '四个意识',
  '“三个必须”',
  '一是',
  '二是',
  '三是',
  '二十条',
  '同志',
  '出席',
  '讲话',
  '市委書記',
  '會議',
  '國務院',
  '办公厅',
  '、',
  '，',
  '。',
  '：',
  '王',
  '李',
  '张',
  '欧阳',
  '韩',
  '伟',
  '明',
  '华',
  '强',
];
const GLOSSES = ['網(wǎng)', '节(jié)', '（lǐ）', '調(diào)', '(xí)'];
const SURROGATES = ['𠀀', '𪚥', '𫠝', '😀', '\uD800', '\uDC00', '\uDBFF\uDBFF', '\uDC00\uD800'];
const PUNCT = [...'，。、；：「」《》（）！？…—·“”‘’\n\t '];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...GLOSSES) },
  { weight: 2, arbitrary: fc.constantFrom(...SURROGATES) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map(String) },
);
const textArb = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

const regexy = fc.constantFrom('(', '.*', '[', '\\', '$', '^', '|', '?', '+', '{2}', '', ' ');
const lexiconArb = fc.option(
  fc.record(
    {
      titles: fc.array(fc.oneof(fc.constantFrom(...WORDS), regexy, fc.string()), { maxLength: 4 }),
      organisations: fc.array(fc.oneof(fc.constantFrom(...WORDS), regexy), { maxLength: 4 }),
      slogans: fc.array(fc.oneof(fc.constantFrom(...WORDS), regexy), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const metaArb = fc.option(
  fc.dictionary(
    fc.constantFrom('pubdate', 'contentsource', 'author', 'articletitle', 'sitename', 'keywords'),
    fc.oneof(textArb, fc.constantFrom('2022-04-30 06:30', 'not a date', '9999-99-99')),
  ),
  { nil: undefined },
);
const urlArb = fc.option(
  fc.oneof(
    fc.constantFrom('https://www.example.gov.cn/a/1.html', 'http://news.example.com/', 'not a url'),
    fc.webUrl(),
  ),
  { nil: undefined },
);
const inputArb: fc.Arbitrary<AnnotateInput> = fc
  .record({ text: textArb, url: urlArb, meta: metaArb, lexicon: lexiconArb })
  .map(({ text, url, meta, lexicon }) => ({
    text,
    ...(url !== undefined ? { url } : {}),
    ...(meta !== undefined ? { meta } : {}),
    ...(lexicon !== undefined ? { lexicon } : {}),
  }));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether offset `i` of `text` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Problems with an offset pair, as text (empty when none). Plain checks: `expect` per entity is slow. */
function spanProblems(text: string, start: number, end: number, what: string): string[] {
  const out: string[] = [];
  if (!Number.isInteger(start) || !Number.isInteger(end)) out.push(`${what}: non-integer offsets`);
  if (!(start >= 0 && start <= end && end <= text.length)) out.push(`${what}: [${start},${end})`);
  if (splitsPair(text, start) || splitsPair(text, end))
    out.push(`${what}: splits a surrogate pair`);
  return out;
}

/** Checks every invariant of `result` for `input`; fails with the list of problems. */
function checkResult(input: AnnotateInput, result: AnnotateResult): void {
  const { text } = input;
  const problems: string[] = [];
  tally.cases += 1;
  tally.chars += text.length;
  if (!(result.page.score >= 0 && result.page.score <= 1))
    problems.push(`score ${result.page.score}`);
  let prevStart = -1;
  for (const e of result.entities as Entity[]) {
    tally.entities += 1;
    tally[e.kind] += 1;
    problems.push(...spanProblems(text, e.start, e.end, e.kind));
    if (e.end <= e.start) problems.push(`${e.kind}: empty span at ${e.start}`);
    if (e.text !== text.slice(e.start, e.end)) {
      problems.push(
        `${e.kind}: text ${JSON.stringify(e.text)} is not input.slice(${e.start}, ${e.end})`,
      );
    }
    if (e.start < prevStart) problems.push(`${e.kind}: not sorted by start at ${e.start}`);
    prevStart = e.start;
    if (e.kind === 'official') {
      problems.push(...spanProblems(text, e.nameStart, e.nameEnd, 'official name'));
      if (e.nameStart < e.start || e.nameEnd > e.end)
        problems.push('official name outside mention');
    }
  }
  expect(problems, `input ${JSON.stringify(text.slice(0, 200))}`).toEqual([]);
}

describe(`engine fuzz (seed ${SEED})`, () => {
  it(`annotates ${RUNS} generated inputs without throwing, offsets exact`, () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        checkResult(input, annotate(input));
        expect(typeof toSimplified(input.text)).toBe('string');
        expect(typeof hasChineseText(input.text)).toBe('boolean');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it('annotateSteps ends with the same result as annotate', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const steps = annotateSteps(input);
        let step = steps.next();
        while (!step.done) step = steps.next();
        tally.steps += 1;
        expect(step.value).toEqual(annotate(input));
      }),
      { seed: SEED + 1, numRuns: 500 },
    );
  }, 60_000);

  it('survives huge inputs: a 1,000,000-character text and a 200,000-character line', () => {
    const unit = '省委常委、市委书记王明主持召开市委常委会第十五次会议，强调要坚持“两个维护”。';
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    checkResult({ text: huge }, annotate({ text: huge }));
    const line = '𠀀a\uD800，'.repeat(50_000);
    checkResult({ text: line }, annotate({ text: line }));
  }, 60_000);
});
