/**
 * Which mentions of held meetings name one meeting (a headline's 市政府常务会 and the text's
 * 市十五届人民政府第46次常务会议; one session mentioned on two days), for `meeting-records.ts`.
 */
import { mapOf } from './lexicons/index';
import { ORGAN_TYPES } from './meeting-numbers';
import { CHINESE_NUMERAL_CHARS, NUMERAL_PATTERN } from './numerals';
import { bodyOfName } from './record-bodies';
import type { Mention } from './record-mentions';
import { recordWords as words } from './record-text';

const MEETING_KINDS = words('meetingKindsInBody');
const ORGAN_ALIASES = Object.entries(mapOf('records', 'organAliases'));
/** Level units (省, 市, 县, 镇 …) that tell a meeting's level from its name. */
const LEVEL_UNITS = new Set(words('topicLevelUnits'));

/** The organ types as a list, made once: bodies are compared with them pair by pair. */
const ORGAN_TYPE_LIST = [...ORGAN_TYPES];

/**
 * A body without the organ its numbered meetings name (市人大常委会主任会议 → 市人大常委会): a
 * headline's 召开市人大常委会主任会议 is read up to the first 会, as 市人大常委会.
 */
const withoutOrgan = (body: string): string => {
  const organ = ORGAN_TYPE_LIST.find((w) => body.endsWith(w) && body.length > w.length);
  return organ ? body.slice(0, -organ.length) : body;
};

const SESSION_BODY_FAMILIES = Object.entries(mapOf('records', 'sessionBodyFamilies'));
/** Which kind of body holds a session (政协南阳市 → cppcc), if its name says. */
const familyOf = (body: string): string | undefined =>
  SESSION_BODY_FAMILIES.find(([word]) => body.includes(word))?.[1];

/** The ordinal of a numbered meeting's name (第四次, 三十五次): a plain mention may leave it out. */
const ORDINAL_RE = new RegExp(`第?${NUMERAL_PATTERN}次`);

/** True when two mentions name the same meeting (`dateA`, `dateB`: the days they give). */
export function sameMeeting(
  a: Mention,
  b: Mention,
  dateA: string | null,
  dateB: string | null,
): boolean {
  // 召开党组会议和常务会议: names joined after one cue are meetings held together.
  if (a.cue === b.cue) return false;
  // 第十四届…第六次会议 and 第七届…第六次会议: two bodies' sessions with the same number.
  const ta = a.numbered[0]?.term;
  const tb = b.numbered[0]?.term;
  if (ta !== undefined && tb !== undefined && ta !== tb) return false;
  const oa = a.numbered.flatMap((m) => m.ordinals).join(',');
  const ob = b.numbered.flatMap((m) => m.ordinals).join(',');
  // 市一届人大一次会议 and 市政协一届一次会议: the two sessions of a 两会 share their numbers.
  const family = familyOf(a.body);
  const otherFamily = familyOf(b.body);
  if (family && otherFamily && family !== otherFamily) return false;
  // 2月5日…五届四次会议开幕 and 今天…五届四次会议开幕: a session of one term and number is one
  // meeting, whatever day each mention gives (it lasts days; 今天 counts from the page's date).
  const sameSession =
    ta !== undefined && ta === tb && oa !== '' && oa === ob && family !== undefined;
  if (dateA && dateB && dateA !== dateB && !(sameSession && family === otherFamily)) return false;
  const ca = withoutOrgan(a.body);
  const cb = withoutOrgan(b.body);
  const sameBody = ca === cb || ca.endsWith(cb) || cb.endsWith(ca);
  if (oa === ob) return oa !== '' || sameBody || sameTopic(ca, cb);
  // 召开主席会议 … 召开第十一次主席会议: a plain mention and a numbered one of the same kind.
  if (oa !== '' && ob !== '') return false;
  const [plain, numbered] = oa === '' ? [a, b] : [b, a];
  if (plain.body === '' || numbered.body === '') return false;
  return (
    sameBody ||
    bodyOfName(numbered.name).includes(plain.body) ||
    sameKind(plain, numbered) ||
    sameTopic(numbered.name, plain.name) ||
    sameTopic(numbered.name.replace(ORDINAL_RE, ''), plain.name)
  );
}

/** Numerals and level units: one of them more makes another meeting (第二十批, 全县). */
const TELLING_CHARS = new Set([...`0123456789${CHINESE_NUMERAL_CHARS}`, ...LEVEL_UNITS]);

/** Shortest topic two names share after openings of one level (法院院长会议). */
const MIN_LEVEL_TOPIC = 4;
/** 全 before a level unit: the whole jurisdiction (全市, 全县). */
const WHOLE = '全';

/** Shortest end two plain names of one meeting share when they open differently. */
const MIN_SHARED_TOPIC = 8;
/** Longest opening (a place or 农村) either such name has before what they share. */
const MAX_TOPIC_OPENING = 4;

const TOPIC_JOINS = words('topicJoins');
/** A name without the words joining its topic's parts, nor spaces. */
const withoutJoins = (name: string): string =>
  TOPIC_JOINS.reduce((n, w) => n.replaceAll(w, ''), name).replace(/\s+/g, '');

/**
 * True when two plain names end alike and open with a few characters each (农村人居环境整治工作
 * 推进会 in the headline, 梦溪镇人居环境整治工作推进会 in the text), open with one level named
 * and not (黄石市…, 全市…), differ by one character or only by the words joining their parts and
 * by spaces: one meeting's topic.
 */
function sameTopic(a: string, b: string): boolean {
  if (withoutJoins(a) === withoutJoins(b)) return true;
  // 黄石市法院院长会议 in the headline, 全市法院院长会议 in the text: one level, named and not
  // (自贡市委常委会 and 德阳市委常委会 are two).
  const ra = afterLevelOpening(a);
  const rb = afterLevelOpening(b);
  if (
    ra &&
    rb &&
    a.startsWith(WHOLE) !== b.startsWith(WHOLE) &&
    ra.level === rb.level &&
    ra.rest === rb.rest &&
    ra.rest.length >= MIN_LEVEL_TOPIC
  )
    return true;
  if (oneWordMore(a, b) || oneWordMore(b, a)) return true;
  let shared = 0;
  while (shared < a.length && shared < b.length && a.at(-1 - shared) === b.at(-1 - shared))
    shared++;
  if (
    shared < MIN_SHARED_TOPIC ||
    a.length - shared > MAX_TOPIC_OPENING ||
    b.length - shared > MAX_TOPIC_OPENING
  )
    return false;
  // 全市…大会 and 全县…大会: the same topic at two levels is two meetings (全县 and 淅川县 are one).
  const level = levelIn(a.slice(0, a.length - shared));
  const other = levelIn(b.slice(0, b.length - shared));
  return level === undefined || other === undefined || level === other;
}

/**
 * True when `longer` is `shorter` with one character more, not a numeral or a level
 * (洁净煤保供、劣质散煤管控工作会议 in the headline, …劣质煤管控工作会议 in the text).
 */
function oneWordMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1 || shorter.length < MIN_SHARED_TOPIC) return false;
  let k = 0;
  while (k < shorter.length && longer.charAt(k) === shorter.charAt(k)) k++;
  return !TELLING_CHARS.has(longer.charAt(k)) && longer.slice(k + 1) === shorter.slice(k);
}

/**
 * The level unit a name opens with, after 全 or a place's name of up to four characters
 * (全市…, 黄石市…), and the rest of the name.
 */
function afterLevelOpening(name: string): { level: string; rest: string } | undefined {
  const from = name.startsWith(WHOLE) ? 1 : 2;
  for (let k = from; k <= Math.min(MAX_TOPIC_OPENING, name.length - 1); k++)
    if (LEVEL_UNITS.has(name.charAt(k))) return { level: name.charAt(k), rest: name.slice(k + 1) };
  return undefined;
}

/** The last level unit (省, 市, 县 …) in a name's opening, if any. */
function levelIn(opening: string): string | undefined {
  for (let k = opening.length - 1; k >= 0; k--)
    if (LEVEL_UNITS.has(opening.charAt(k))) return opening.charAt(k);
  return undefined;
}

const PARTY_COMMITTEE_OPENINGS = words('partyCommitteeOpenings');
/** How a committee's full name ends, and its short form (中共…区委员会 → 中共…区委). */
const COMMITTEE = '委员会';
const COMMITTEE_SHORT = '委';

/**
 * A body with each organ in its short form (市人民政府 as 市政府; 中共盘锦市大洼区委员会 as
 * 中共盘锦市大洼区委): one organ either way.
 */
function comparableBody(body: string): string {
  const b = ORGAN_ALIASES.reduce((s, [long, short]) => s.replaceAll(long, short), body);
  return b.endsWith(COMMITTEE) && PARTY_COMMITTEE_OPENINGS.some((w) => b.startsWith(w))
    ? b.slice(0, -COMMITTEE.length) + COMMITTEE_SHORT
    : b;
}

/**
 * True when a headline's plain mention (市政府常务会) names the organ and the kind of a numbered
 * mention (市十五届人民政府第46次常务会议, body 市人民政府).
 */
function sameKind(plain: Mention, numbered: Mention): boolean {
  const body = comparableBody(plain.body);
  const kind = MEETING_KINDS.find((k) => body.endsWith(k) && numbered.name.includes(k));
  if (kind === undefined || body.length === kind.length) return false;
  const organ = body.slice(0, -kind.length);
  const other = comparableBody(numbered.body);
  return other === organ || other.endsWith(organ) || organ.endsWith(other);
}
