/**
 * The annotation engine's one entry point: `annotate({ text, url?, meta?, lexicon? })` finds
 * officials, numbered meetings and directive phrases in the text of a Chinese government news
 * page and scores whether the page is one. Pure: no DOM, no browser APIs, no Node APIs.
 */
import { findDirectives, type DirectiveOptions, type RawDirective } from './directives';
import { findMeetings, type RawMeeting } from './meeting-numbers';
import { publicationFromUrl, yearFromText } from './dates';
import { findRecordsSteps, toMeetingRecords } from './meeting-records';
import { findOfficials, type OfficialsOptions, type RawOfficial } from './officials';
import { keepWrittenNames } from './written-names';
import {
  detectionFeatures,
  detectPage,
  type DetectionFeature,
  type DetectionInput,
} from './page-detection';
import { extractMetadataSteps } from './page-metadata';
import { normalize, normalizeSteps, scriptOf, type NormalizedText } from './text/normalize';
import { originalCharsOf } from './text/offset-mapping';
import { buildEntitiesSteps } from './entity-building';
import { runSteps, type Recogniser } from './steps';
import { getSimplifyTable } from './text/script-convert';
import type { AnnotateInput, AnnotateResult } from './types';

export type * from './types';
export { isGovNewsScore } from './gov-news-decision';

/** The recognisers, each behind the one interface (the compiler checks it), run in this order. */
const RECOGNISERS = {
  officials: findOfficials satisfies Recogniser<RawOfficial, OfficialsOptions>,
  meetings: findMeetings satisfies Recogniser<RawMeeting, void>,
  directives: findDirectives satisfies Recogniser<RawDirective, DirectiveOptions>,
};

/** Characters checked by {@link hasChineseText} at the start of the text. */
const CHINESE_PROBE_HEAD = 20_000;
/** Size of each further window probed in long texts. */
const CHINESE_PROBE_WINDOW = 2_000;
const HAN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Cheap check for Chinese text: any CJK ideograph at the start of the text or in a few sampled
 * windows further on. Lets non-Chinese pages leave the engine in well under a millisecond.
 */
export function hasChineseText(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  if (HAN_RE.test(text.slice(0, CHINESE_PROBE_HEAD))) return true;
  if (text.length <= CHINESE_PROBE_HEAD) return false;
  for (const f of [0.25, 0.5, 0.75]) {
    const at = Math.floor(text.length * f);
    if (HAN_RE.test(text.slice(at, at + CHINESE_PROBE_WINDOW))) return true;
  }
  return HAN_RE.test(text.slice(-CHINESE_PROBE_WINDOW));
}

/**
 * Builds the engine's lookup tables before the first page needs them, one table per step (a
 * content script runs each step in a task of its own, so no single task pays for all of them).
 */
export function* prepareEngine(): Generator<undefined, void> {
  getSimplifyTable();
  yield;
  normalize('中文');
}

/** Simplified form of a text for search and clip indexing: pinyin glosses stripped, t2s applied. */
export function toSimplified(text: string): string {
  return normalize(typeof text === 'string' ? text : '').text;
}

/** The result for text without Chinese: nothing to mark, not government news. */
function emptyResult(): AnnotateResult {
  return {
    page: {
      isGovNews: false,
      score: 0,
      signals: [],
      script: 'none',
      pinyinAnnotations: false,
      byline: [],
      editors: [],
    },
    entities: [],
    meetings: [],
  };
}

/**
 * How much the signs of a story together must weigh against a page that is not government news
 * before its quotes are taken for dialogue: a leader's visit of a few hundred characters with one
 * 说：“ and two 他 weighs about 4.5, a novel's chapter 8 or more.
 */
const STORY_WEIGHT_FLOOR = -5;
/** Signals of a story, whose quotations are dialogue rather than directives. */
const STORY_SIGNALS: ReadonlySet<string> = new Set([
  'genre.fiction',
  'genre.narrative',
  'genre.dialogue',
  'genre.quoted-speech',
  'genre.story-particles',
]);

/**
 * Annotates a page step by step: yields after roughly every 8,000 characters of work so a
 * content script can spread a long page over many short tasks. Returns the same as `annotate`.
 */
export function* annotateSteps(input: AnnotateInput): Generator<undefined, AnnotateResult> {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (!hasChineseText(text)) return emptyResult();
  const norm = yield* normalizeSteps(text);
  return yield* annotateNormalized(input, norm);
}

/** What detection reads of a page: its text and address, and what the recognisers found. */
function detectionInputOf(
  text: string,
  input: AnnotateInput,
  officials: readonly RawOfficial[],
  meetings: readonly RawMeeting[],
): DetectionInput {
  return {
    text,
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.meta !== undefined ? { meta: input.meta } : {}),
    titledOfficials: new Set(
      officials.filter((o) => o.role !== 'mention' && o.titles.length > 0).map((o) => o.name),
    ).size,
    meetings: meetings.length,
  };
}

/** The engine's passes over normalised text. */
function* annotateNormalized(
  input: AnnotateInput,
  norm: NormalizedText,
): Generator<undefined, AnnotateResult> {
  const lexicon = input.lexicon && typeof input.lexicon === 'object' ? input.lexicon : {};
  // Settings come from storage: tolerate anything that is not a list of strings.
  const simplifyAll = (xs: readonly string[] | undefined): string[] =>
    (Array.isArray(xs) ? (xs as unknown[]) : [])
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
      .map((x) => toSimplified(x.trim()));

  // Normalisation ended with turning the code units into a string: the metadata scans come next.
  yield;
  const metadata = yield* extractMetadataSteps(norm.text, input.meta);
  yield;
  const excludedNames = new Set([...metadata.byline, ...metadata.editors]);
  const officials = yield* RECOGNISERS.officials(norm.text, {
    excludedNames,
    extraTitles: simplifyAll(lexicon.titles),
    extraOrganisations: simplifyAll(lexicon.organisations),
  });
  keepWrittenNames(officials, norm);
  const meetings = yield* RECOGNISERS.meetings(norm.text);
  const threshold =
    typeof input.threshold === 'number' && input.threshold >= 0 && input.threshold <= 1
      ? input.threshold
      : undefined;
  const detection = detectPage(detectionInputOf(norm.text, input, officials, meetings), threshold);
  yield;
  // Directives only mean something in political text (quotes in a novel are dialogue). Only
  // signs of a story count against them: a report on schools or hospitals still quotes formulas.
  const storyWeight = detection.signals
    .filter((s) => STORY_SIGNALS.has(s.name))
    .reduce((sum, s) => sum + s.weight, 0);
  const otherGenre = storyWeight <= STORY_WEIGHT_FLOOR;
  const political =
    detection.isGovNews ||
    (!otherGenre && (officials.some((o) => o.role === 'titled') || meetings.length > 0));
  const directives = political
    ? yield* RECOGNISERS.directives(norm.text, { slogans: simplifyAll(lexicon.slogans) })
    : [];

  const entities = yield* buildEntitiesSteps(norm, officials, meetings, directives);
  yield;
  // Only the records need the publication date; the page's years are a last resort for them.
  const publishedOf = (): string | undefined =>
    typeof input.published === 'string' && input.published.trim() !== ''
      ? input.published.trim()
      : (metadata.publishedAt ?? publicationFromUrl(input.url) ?? yearFromText(norm.text));
  const published = political ? publishedOf() : undefined;
  const records = political
    ? yield* findRecordsSteps(norm.text, {
        officials,
        meetings,
        ...(published !== undefined ? { published } : {}),
        ...(metadata.source !== undefined ? { source: metadata.source } : {}),
        ...(typeof input.url === 'string' ? { url: input.url } : {}),
      })
    : [];

  const title = metadata.titleRange
    ? originalCharsOf(norm, metadata.titleRange[0], metadata.titleRange[1])
    : metadata.title;
  return {
    page: {
      isGovNews: detection.isGovNews,
      score: detection.score,
      signals: detection.signals,
      script: scriptOf(norm),
      pinyinAnnotations: norm.pinyinStripped,
      ...(title !== undefined ? { title } : {}),
      ...(metadata.source !== undefined ? { source: metadata.source } : {}),
      ...(metadata.publishedAt !== undefined ? { publishedAt: metadata.publishedAt } : {}),
      byline: metadata.byline,
      editors: metadata.editors,
    },
    entities,
    meetings: toMeetingRecords(records, entities, norm),
  };
}

/**
 * The page's detection features (what the fitted weights multiply), for `npm run fit:detection`:
 * the same reading of the page as `annotate` does, before any weight is applied.
 */
export function pageFeatures(input: AnnotateInput): DetectionFeature[] {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (!hasChineseText(text)) return [];
  return runSteps(
    (function* () {
      const norm = yield* normalizeSteps(text);
      const metadata = yield* extractMetadataSteps(norm.text, input.meta);
      const officials = yield* findOfficials(norm.text, {
        excludedNames: new Set([...metadata.byline, ...metadata.editors]),
      });
      const meetings = yield* findMeetings(norm.text);
      return detectionFeatures(detectionInputOf(norm.text, input, officials, meetings));
    })(),
  );
}

/** Annotates a page in one go: officials, meetings, directives, detection and metadata. */
export function annotate(input: AnnotateInput): AnnotateResult {
  return runSteps(annotateSteps(input));
}
