/**
 * The titled passes of the officials finder: title chains before a name (省委常委、市委书记韦韬),
 * names before a head (习近平总书记), leaders' lists (市领导甲、乙出席), titles resolved against
 * names found elsewhere, and names before their post (甲当选为镇长). Works on normalised
 * (simplified) text; offsets are normalised offsets.
 */
import { slicesByCount, slicesByPosition } from './step-slices';
import { LiteralMatcher } from './text/literal-matcher';
import { minorityNameAt, notNameAt, surnameLengthAt, wordAcrossNameStart } from './surnames';
import { wordsOf } from './lexicons/index';
import {
  bareNameBeforeVerbEnd,
  bareNameOk,
  gapAt,
  givenNameOk,
  givenNameWithRareEnding,
  hanRunEnd,
  leftContextOk,
  LINK_WORDS,
  LIST_ITEM_ENDS,
  matchNameAt,
  MAX_CLOSED_MINORITY_NAME,
  nameOf,
  rareGivenNameOk,
} from './official-names';
import { itemBeforeNameEnd, listNameEnd } from './listed-names';
import { nameNoteEnd, readNameList } from './official-name-lists';
import { hanAt, titleChainBefore, titleChainStartsAt, type Matchers } from './official-titles';
import { findAppointedNames } from './official-appointments';
import { organBefore, unitOrganAt } from './place-before';
import { namesAPlace } from './record-place';
import { leaderListPattern, readLeaderLists } from './leader-lists';
import { isCovered, listed, listEmitter, type Candidate } from './titled-candidates';

const ANY_CONTEXT_HEADS = new Set(wordsOf('titles', 'headsBeforeAnyContext'));
/** 由 of 由刘莉副区长: a preposition before a name, not its surname. */
const PREPOSITIONS_BEFORE_NAME = new Set(wordsOf('titles', 'prepositionsBeforeName'));
/** 县长周例会: three characters after a title that end as a meeting does, not a name. */
const NOT_NAME_ENDINGS = wordsOf('surnames', 'notNameEndings');
const SEATED_AFTER_TITLE = new LiteralMatcher(wordsOf('titles', 'seatedAfterTitle'));
/** 副, 代: modifiers written right before a head that follows a name. */
const ONE_CHARACTER_MODIFIERS = new Set(
  wordsOf('titles', 'modifiers').filter((w) => w.length === 1),
);
const LINKER_COMPOUNDS = new LiteralMatcher(wordsOf('titles', 'linkerCompounds'));
/** Name lengths tried before a head (习近平总书记, 赵革书记, 欧阳明明书记), most likely first. */
const NAME_LENGTHS_BEFORE_HEAD = [3, 2, 4] as const;
/** Length of a minority name read before a head without a surname (向巴平措, 扎西多吉). */
const MINORITY_NAME_BEFORE_HEAD = 4;
/** 任 between a name and the head of its post (刘程任副组长). */
const LINKS_BEFORE_HEAD = new Set(wordsOf('titles', 'linksBeforeHead'));
const ORGANS_HOLDING_HEADS = new LiteralMatcher(wordsOf('titles', 'organsHoldingHeads'));
/** 们 after a head (委员们): the head names a group, not the person before it. */
const PLURALS_AFTER_HEADS = new Set(wordsOf('titles', 'pluralsAfterHeads'));
/** Quotation marks around a quoted phrase. */
const OPENING_QUOTES = '“「『‘"\'';
const CLOSING_QUOTES = '”」』’"\'';
/** Unresolved titles looked up between two yields. */
const UNRESOLVED_PER_STEP = 500;

/** A title followed by a surname but no word a name could end before, resolved at the end. */
interface Unresolved {
  hi: number;
  headEnd: number;
  nameStart: number;
}

/** Where the title-chain scan stands: the head it resumes at, and what it collects for later. */
interface ChainScan {
  /** Index of the next head to read (-1: none left) and the end of its word. */
  hi: number;
  headEnd: number;
  /** Heads a name may stand before (习近平总书记). */
  afterNameHeads: number[];
  unresolved: Unresolved[];
}

/**
 * Reads the title chain of the head at `hi` (ending at `headEnd`) and the name after it; answers
 * where the search for the next head resumes.
 */
function readChainAt(
  text: string,
  m: Matchers,
  covered: Uint8Array,
  found: Candidate[],
  scan: ChainScan,
  hi: number,
  headEnd: number,
): number {
  if (m.headAfterName.wordAt(text, hi) !== undefined) scan.afterNameHeads.push(hi);
  // 常委会备案: the head belongs to an organ's name; a later head (常委会主任) opens the title.
  if (ORGANS_HOLDING_HEADS.wordAt(text, hi) !== undefined) return hi + 1;
  // 市委书记 张三: a space may stand between the title and the name; 局长(兼)吴宏耀: a note.
  const noted = nameNoteEnd(text, headEnd);
  let nameStart = noted + gapAt(text, noted);
  // 执行主席是甲、乙 / 委员有甲、乙 / 执行主席由甲、乙担任: a linker before a list of names.
  // 其他成员有:甲、乙: a colon may follow the linking word.
  // 担任大会执行主席并在主席台前排就座的有:甲、乙: the rostrum phrase stands before the linker.
  const seated = SEATED_AFTER_TITLE.wordAt(text, nameStart);
  if (seated !== undefined && m.listLinker.wordAt(text, nameStart + seated.length) !== undefined)
    nameStart += seated.length;
  let link = m.listLinker.wordAt(text, nameStart);
  // 常委的有关事项: a linker whose last character opens another word links nothing.
  if (link !== undefined && LINKER_COMPOUNDS.wordAt(text, nameStart + link.length - 1))
    link = undefined;
  let linkEnd = -1;
  if (link !== undefined) {
    // 执行主席是(按姓名笔画排列):甲、乙: a note on the list's order may stand before its colon.
    const noted = nameNoteEnd(text, nameStart + link.length);
    linkEnd = noted + (m.listLinker.wordAt(text, noted)?.length ?? 0);
    // 委员(按姓名笔划顺序排列): 王心权: a space may follow the colon.
    linkEnd += gapAt(text, linkEnd);
  }
  const linked = linkEnd < 0 ? -1 : listNameEnd(text, linkEnd, m, true);
  let nameEnd = linked;
  if (linked > 0) nameStart = linkEnd;
  // 执行主席:松萍、王建功: after a colon only names follow, whatever their first character.
  else if (linkEnd > 0 && /[:：]/.test(text.slice(nameStart, linkEnd))) nameStart = linkEnd;
  else nameEnd = matchNameAt(text, nameStart, m);
  if (nameEnd < 0) {
    // 乡人大主席次仁达朗、纪委书记…: a name without a Chinese surname, ended by a separator.
    const end = listNameEnd(text, nameStart, m, true);
    const sl = surnameLengthAt(text, nameStart);
    // 市委常委陈社教、: a three-character name is plausible whatever its characters.
    // 委员齐聚银川: a single surname with three more characters is a Tibetan name or none.
    const plausible =
      (sl === 0 || end - nameStart === sl + 2 || givenNameOk(text, nameStart + sl, end)) &&
      (sl !== 1 || end - nameStart <= 3 || minorityNameAt(text, nameStart)) &&
      !NOT_NAME_ENDINGS.some((w) => text.startsWith(w, end - w.length));
    if (end > 0 && plausible && '、,，'.includes(text.charAt(end))) nameEnd = end;
    else if (end < 0) nameEnd = itemBeforeNameEnd(text, nameStart, m);
    // 自治区主席布小林主持: no surname, no minority opening, but a verb that closes names.
    if (nameEnd < 0) nameEnd = bareNameBeforeVerbEnd(text, nameStart, m);
    // 县长萨尔娜，县人大常委会主任杜森: between a title and the next one only a name stands.
    if (nameEnd < 0) nameEnd = itemBeforeTitleEnd(text, nameStart, m);
  }
  if (nameEnd < 0) {
    if (surnameLengthAt(text, nameStart) > 0) scan.unresolved.push({ hi, headEnd, nameStart });
    return hi + 1;
  }
  const chain = titleChainBefore(text, hi, headEnd, m);
  if (!chain) return hi + 1;
  const { titles } = chain;
  const chainStart = chain.start;
  // “委员沙龙”: a title and a name that fill a quotation name an activity, not a person.
  if (
    OPENING_QUOTES.includes(text.charAt(chainStart - 1)) &&
    CLOSING_QUOTES.includes(text.charAt(nameEnd))
  )
    return nameEnd;
  found.push({
    start: chainStart,
    end: nameEnd,
    nameStart,
    nameEnd,
    name: nameOf(text, nameStart, nameEnd),
    titles,
    role: 'titled',
  });
  covered.fill(1, chainStart, nameEnd);
  // 副市长甲、乙、丙出席: further names joined by 、 share the same titles.
  return readNameList(text, nameEnd, m, listEmitter(text, covered, found, titles, false));
}

const WORDS_AFTER_TITLES = new LiteralMatcher(wordsOf('titles', 'wordsAfterTitles'));

/**
 * End of a name at `at` that has neither a Chinese surname nor a known minority opening but stands
 * between a title and the next title of a list, closed by 、 or a comma (旗政协主席钢布和、副主席
 * 温都苏; 县长萨尔娜，县人大常委会主任杜森), or -1: in such a list only names part the titles.
 */
function itemBeforeTitleEnd(text: string, at: number, m: Matchers): number {
  const end = hanRunEnd(text, at, at + MAX_CLOSED_MINORITY_NAME + 1);
  if (
    end - at < 2 ||
    end - at > MAX_CLOSED_MINORITY_NAME ||
    !LIST_ITEM_ENDS.includes(text.charAt(end))
  )
    return -1;
  if (notNameAt(text, at) || m.afterName.wordAt(text, at) !== undefined) return -1;
  if (WORDS_AFTER_TITLES.wordAt(text, at) !== undefined) return -1;
  // 巫欣春随同: a word that follows names inside the run leaves the name to the other readers.
  for (let k = at + 1; k < end; k++) if ((m.afterName.wordAt(text, k)?.length ?? 0) >= 2) return -1;
  // 钢布和: a Mongolian name may end in a character that mostly is a word of its own (和).
  const named = bareNameOk(text, at, end) || givenNameWithRareEnding(text, at, end);
  if (!named || m.head.nextIndex(text, at, end) >= 0) return -1;
  return titleChainStartsAt(text, end + 1, m) ? end : -1;
}

/** 1. Title chains before a name, from `scan`'s head up to the first head at or past `limit`. */
function readChains(
  text: string,
  m: Matchers,
  covered: Uint8Array,
  found: Candidate[],
  scan: ChainScan,
  limit: number,
): number {
  while (scan.hi >= 0) {
    const hi = scan.hi;
    if (hi >= limit) return hi;
    const pos = readChainAt(text, m, covered, found, scan, hi, scan.headEnd);
    scan.hi = m.head.nextIndex(text, pos);
    scan.headEnd = scan.hi + m.head.lastWord.length;
  }
  return -1;
}

/** 2. Names before the heads `heads[at.i…]` (习近平总书记, 王金山省长), up to a head past `limit`. */
function readNamesBeforeHeads(
  text: string,
  m: Matchers,
  covered: Uint8Array,
  found: Candidate[],
  heads: readonly number[],
  at: { i: number },
  limit: number,
): number {
  for (; at.i < heads.length; at.i++) {
    const hi = heads[at.i] as number;
    if (hi >= limit) return hi;
    // 区监察委员会, 有关专门委员会: the head opens an organ's name, so no name stands before it.
    if (ORGANS_HOLDING_HEADS.wordAt(text, hi) !== undefined) continue;
    const word = m.headAfterName.wordAt(text, hi) ?? '';
    // 向庄河市长期以来: a head whose last character opens a word with the next (长期) is none.
    if (wordAcrossNameStart(text, hi + word.length)) continue;
    if (PLURALS_AFTER_HEADS.has(text.charAt(hi + word.length))) continue;
    // 李四副市长, 王奔代区长: the modifier belongs to the title, the name stands before it.
    const hs = ONE_CHARACTER_MODIFIERS.has(text.charAt(hi - 1)) ? hi - 1 : hi;
    const title = text.slice(hs, hi + word.length);
    // 向巴平措副委员长: a Tibetan or Mongolian name without a Chinese surname (not 巴平措).
    const ms = hs - MINORITY_NAME_BEFORE_HEAD;
    if (
      ms >= 0 &&
      minorityNameAt(text, ms) &&
      givenNameOk(text, hs - 2, hs) &&
      leftContextOk(text, ms) &&
      !isCovered(covered, ms, hs)
    ) {
      pushNameBeforeHead(text, covered, found, [ms, ms, hs, hs + title.length], title);
      continue;
    }
    for (let li = 0; li < NAME_LENGTHS_BEFORE_HEAD.length; li++) {
      const len = NAME_LENGTHS_BEFORE_HEAD[li] ?? 2;
      const ns = hs - len;
      if (ns < 0 || !hanAt(text, ns)) continue;
      const sl = surnameLengthAt(text, ns);
      // 代理市长: a title's modifier before its head, not a name.
      if (sl === 0 || len - sl < 1 || len - sl > 2 || notNameAt(text, ns)) continue;
      // 有关政协委员: 关 closes a word, it opens no name.
      if (wordAcrossNameStart(text, ns)) continue;
      // 刘程任副组长: 任 links the post to a shorter name.
      if (len - sl === 2 && LINKS_BEFORE_HEAD.has(text.charAt(hs - 1))) continue;
      if (PREPOSITIONS_BEFORE_NAME.has(text.charAt(ns)) && surnameLengthAt(text, ns + 1) > 0)
        continue;
      const anyContext = ANY_CONTEXT_HEADS.has(word);
      // 市委许继伟书记: the committee before the name opens the title.
      const organ = anyContext || leftContextOk(text, ns) ? '' : organBefore(text, ns, hs);
      // 栗战书委员长, 唐连第副主席: a rarer last character of a given name before such a head
      // (not 为, which links a post: 选举李轩为副镇长).
      // 省委胡和平书记: a function word's character opening a given name the head confirms.
      const given =
        givenNameOk(text, ns + sl, hs) ||
        (len - sl === 2 &&
          word.length >= 2 &&
          !LINK_WORDS.has(text.charAt(hs - 1)) &&
          (givenNameWithRareEnding(text, ns + sl, hs) || rareGivenNameOk(text, ns + sl)));
      if (!given || (!anyContext && organ === '' && !leftContextOk(text, ns))) continue;
      // 区政协副秘书长: a place and its organ, not 区 the surname; 伊春市长董文琴: the city the
      // head's level closes (伊春市), not a name.
      if (unitOrganAt(text, ns) || namesAPlace(text.slice(ns, hs) + text.charAt(hi))) continue;
      if (isCovered(covered, ns - organ.length, hs)) break;
      const start = ns - organ.length;
      pushNameBeforeHead(text, covered, found, [start, ns, hs, hs + title.length], organ + title);
      break;
    }
  }
  return -1;
}

/** Records the name `[ns, hs)` read before its head, the whole mention spanning `[start, end)`. */
function pushNameBeforeHead(
  text: string,
  covered: Uint8Array,
  found: Candidate[],
  [start, ns, hs, end]: readonly [number, number, number, number],
  title: string,
): void {
  found.push({
    start,
    end,
    nameStart: ns,
    nameEnd: hs,
    name: text.slice(ns, hs),
    titles: [title],
    role: 'titled',
  });
  covered.fill(1, start, end);
}

/** 4. The titles `unresolved[from, to)` whose following characters are a name in `known`. */
function resolveTitles(
  text: string,
  m: Matchers,
  covered: Uint8Array,
  found: Candidate[],
  unresolved: readonly Unresolved[],
  known: ReadonlySet<string>,
  from: number,
  to: number,
): void {
  for (let ui = from; ui < to; ui++) {
    const u = unresolved[ui];
    if (!u) continue;
    for (const len of NAME_LENGTHS_BEFORE_HEAD) {
      const end = u.nameStart + len;
      if (!known.has(text.slice(u.nameStart, end)) || isCovered(covered, u.nameStart, end))
        continue;
      const chain = titleChainBefore(text, u.hi, u.headEnd, m);
      if (!chain || isCovered(covered, chain.start, u.headEnd)) break;
      found.push({
        start: chain.start,
        end,
        nameStart: u.nameStart,
        nameEnd: end,
        name: text.slice(u.nameStart, end),
        titles: chain.titles,
        role: 'titled',
      });
      covered.fill(1, chain.start, end);
      break;
    }
  }
}

/**
 * The titled passes (title chains, names before heads, leaders' lists, late-resolved titles).
 * `covered` marks characters already inside a mention, so later passes never overlap one. Each
 * pass is a plain function driven in slices (see `step-slices.ts`).
 */
export function* findTitled(
  text: string,
  m: Matchers,
  covered: Uint8Array,
): Generator<undefined, Candidate[]> {
  const found: Candidate[] = [];

  // 1. Title chains before a name; heads a name may stand before are collected in the same scan.
  const hi0 = m.head.nextIndex(text, 0);
  const scan: ChainScan = {
    hi: hi0,
    headEnd: hi0 + m.head.lastWord.length,
    afterNameHeads: [],
    unresolved: [],
  };
  yield* slicesByPosition((limit) => readChains(text, m, covered, found, scan, limit));
  yield;

  // 2. Names before a head: 习近平总书记, 王金山省长.
  const heads = { i: 0 };
  yield* slicesByPosition((limit) =>
    readNamesBeforeHeads(text, m, covered, found, scan.afterNameHeads, heads, limit),
  );
  yield;

  // 3. Leaders' lists: 市领导甲、乙、丙出席.
  const listRe = leaderListPattern();
  const lists = { l: listRe.exec(text) };
  yield* slicesByPosition((limit) =>
    readLeaderLists(text, m, covered, found, listRe, lists, limit),
  );
  yield;

  // 4. Unresolved titles whose following characters are a name found elsewhere on the page.
  const { unresolved } = scan;
  if (unresolved.length > 0) {
    const known = new Set(found.map((f) => f.name));
    yield;
    yield* slicesByCount(unresolved.length, UNRESOLVED_PER_STEP, (from, to) =>
      resolveTitles(text, m, covered, found, unresolved, known, from, to),
    );
  }
  yield;

  // 5. Names before their post: 甲当选为镇长, 选举乙为副镇长, 甲、乙等县领导出席.
  const byName = new Map(found.map((f) => [`${f.nameStart}:${f.nameEnd}`, f]));
  for (const a of findAppointedNames(text, m, covered)) {
    const same = byName.get(`${a.start}:${a.end}`);
    if (same) {
      if (a.title && !same.titles.includes(a.title)) same.titles.push(a.title);
    } else if (!isCovered(covered, a.start, a.end)) {
      found.push(listed(text, a.start, a.end, a.title ? [a.title] : []));
      covered.fill(1, a.start, a.end);
    }
  }

  return found;
}
