/**
 * Page metadata from meta tags and page chrome: title, source, publication date (ISO 8601),
 * byline (reporters, authors) and editors. Reads normalised (simplified) text.
 */
import { surnameLengthAt } from './surnames';
import { wordsOf } from './lexicons/index';
import { parseWrittenDate } from './dates';

const BYLINE_ROLES = wordsOf('titles', 'bylineRoles');
const EDITOR_ROLES = wordsOf('titles', 'editorRoles');
import { runSteps } from './steps';
import { isHan } from './text/normalize';

/** Metadata found on a page (all simplified). */
export interface PageMetadata {
  title?: string;
  /** Normalised offsets of the title line, when it came from the text. */
  titleRange?: [number, number];
  source?: string;
  publishedAt?: string;
  byline: string[];
  editors: string[];
}

/** The first non-empty value among the given meta names. */
function metaValue(meta: Record<string, string> | undefined, names: string[]): string | undefined {
  if (!meta) return undefined;
  for (const n of names) {
    const raw: unknown = meta[n];
    const v = typeof raw === 'string' ? raw.trim() : undefined;
    if (v) return v;
  }
  return undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Offset of the times Chinese pages give: Beijing time, with no daylight saving. */
const BEIJING_OFFSET = '+08:00';
const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * Parses a date (and time) as written on Chinese pages to ISO 8601, or undefined. A time is
 * Beijing time and carries `+08:00`; a date alone stays a day. Dates in Chinese numerals
 * (二〇二四年三月五日) are read too.
 */
export function parseChineseDate(s: string): string | undefined {
  const m =
    /((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?)?/.exec(
      s,
    );
  if (!m) return parseWrittenDate(s);
  const [, y, mo, d, h, mi, sec] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = `${y}-${pad(month)}-${pad(day)}`;
  if (h === undefined || mi === undefined) return date;
  const hour = Number(h);
  if (hour > 23 || Number(mi) > 59) return date;
  return `${date}T${pad(hour)}:${mi}${sec !== undefined ? `:${sec}` : ''}${BEIJING_OFFSET}`;
}

/**
 * An ISO date-time with an offset (`Z`, `+00:00`) moved to Beijing time, so that its first ten
 * characters are the day the page was published where it was published.
 */
function toBeijingTime(local: string, offset: string): string {
  const instant = Date.parse(`${local}${offset}`);
  if (Number.isNaN(instant)) return `${local}${BEIJING_OFFSET}`;
  const shifted = new Date(instant + BEIJING_OFFSET_MS).toISOString();
  // Keep the precision the page gave (minutes or seconds).
  return `${shifted.slice(0, local.length)}${BEIJING_OFFSET}`;
}

/** Normalises a meta date (ISO already, or Chinese style). */
function metaDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const iso =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(
      v.trim(),
    );
  if (!iso) return parseChineseDate(v);
  const [, day, time, offset] = iso;
  if (time === undefined) return day;
  const local = `${day}T${time}`;
  if (offset === undefined) return `${local}${BEIJING_OFFSET}`;
  const colon = offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return colon === BEIJING_OFFSET ? `${local}${colon}` : toBeijingTime(local, colon);
}

/** Lines of page chrome that are never a title. */
const NOT_TITLE =
  /当前位置|您的位置|首页|联系|热线|>|›|»|来源|发布时间|更新时间|责任编辑|责编|版权|网站地图|登录|注册|ICP|Copyright|©/i;

/** Names (2–4 characters, starting with a surname) in a byline fragment, `张 浩` joined. */
export function namesIn(fragment: string): string[] {
  const tokens = fragment
    .split(/[\s\u3000、,，/|]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i] ?? '';
    const next = tokens[i + 1];
    // A two-character name padded with a space: 张 浩.
    if (t.length === 1 && next !== undefined && next.length === 1) {
      t += next;
      i++;
    }
    const han = /^[\u4e00-\u9fff]+/.exec(t)?.[0] ?? '';
    if (han.length < 2 || han.length > 4 || surnameLengthAt(han, 0) === 0) break;
    out.push(han);
    if (han.length < t.length) break;
  }
  return out;
}

const byRole = (roles: readonly string[]): RegExp =>
  new RegExp(
    `(?:${[...roles].sort((a, b) => b.length - a.length).join('|')})[\\s\\u3000]*[:：]?[\\s\\u3000]*([^\\n()（）【】\\[\\]]{1,30})`,
    'g',
  );
const BYLINE_RE = byRole(BYLINE_ROLES);
const EDITOR_RE = byRole(EDITOR_ROLES);

/** Collects names after the given roles, skipping roles that are words inside prose. */
function collectNames(text: string, re: RegExp, into: string[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.charAt(m.index - 1);
    // "记者" inside a sentence (据记者了解) is not a byline; a byline starts a line or follows
    // punctuation, a space or another role.
    if (m.index > 0 && isHan(before.charCodeAt(0)) && !/[者员辑编审]$/.test(before)) continue;
    let frag = m[1] ?? '';
    // Go on right after the role: another role may follow in the same fragment (记者 甲 通讯员 乙).
    re.lastIndex = m.index + m[0].length - frag.length;
    frag = frag.replace(/^(?:记者|全媒体记者|融媒体记者)[\s\u3000]*/, '');
    for (const n of namesIn(frag)) if (!into.includes(n)) into.push(n);
  }
}

/** Extracts metadata from the normalised page text and meta tags. */
export function extractMetadata(text: string, meta?: Record<string, string>): PageMetadata {
  return runSteps(extractMetadataSteps(text, meta));
}

/**
 * {@link extractMetadata} step by step: yields between its scans of the page (each a pattern over
 * up to 400,000 characters), so a content script can run them in separate tasks.
 */
export function* extractMetadataSteps(
  text: string,
  meta?: Record<string, string>,
): Generator<undefined, PageMetadata> {
  const result: PageMetadata = { byline: [], editors: [] };
  const head = text.length > 400_000 ? text.slice(0, 200_000) + '\n' + text.slice(-200_000) : text;

  const metaTitle = metaValue(meta, ['articletitle', 'og:title', 'title', 'dc.title']);
  if (metaTitle) result.title = metaTitle;
  else {
    const lineRe = /[^\n]+/g;
    let lines = 0;
    for (let m = lineRe.exec(text); m && lines < 15; m = lineRe.exec(text)) {
      const raw = m[0];
      const line = raw.trim();
      if (line.length === 0) continue;
      lines++;
      if (line.length < 6 || line.length > 80 || NOT_TITLE.test(line)) continue;
      if (!/[\u4e00-\u9fff]/.test(line) || /[。]$/.test(line)) continue;
      const s = m.index + raw.indexOf(line);
      result.title = line;
      result.titleRange = [s, s + line.length];
      break;
    }
  }

  yield;
  const metaSource = metaValue(meta, ['contentsource', 'source', 'og:site_name', 'sitename']);
  if (metaSource) result.source = metaSource;
  else {
    const src = /(?<![“"「])来源[:：]\s*([^\s\u3000|｜,，;；()（）“”"]{2,20})/.exec(head);
    if (src?.[1]) result.source = src[1].replace(/(?:作者|记者|编辑|时间|发布).*$/, '');
    else {
      const dateline =
        /^\s*([\u4e00-\u9fff]{2,12}(?:网|报|台|社))\s*\d{1,2}月\d{1,2}日[讯电]/m.exec(head);
      if (dateline?.[1]) result.source = dateline[1];
    }
  }

  yield;
  const metaPub = metaDate(
    metaValue(meta, [
      'pubdate',
      'publishdate',
      'article:published_time',
      'og:release_date',
      'dc.date',
      'firstpublishedtime',
    ]),
  );
  if (metaPub) result.publishedAt = metaPub;
  else {
    // A date on a chrome line (来源/发布时间/作者) beats the first date of the page (often today's).
    const chromeLine = /^[^\n]*(?:来源|发布时间|更新时间|发布日期|时间[:：]|作者|编辑)[^\n]*$/gm;
    for (let m = chromeLine.exec(head); m; m = chromeLine.exec(head)) {
      const d = parseChineseDate(m[0]);
      if (d) {
        result.publishedAt = d;
        break;
      }
    }
    if (!result.publishedAt) {
      const d = parseChineseDate(head.slice(0, 3000));
      if (d) result.publishedAt = d;
    }
  }

  yield;
  collectNames(head, BYLINE_RE, result.byline);
  yield;
  collectNames(head, EDITOR_RE, result.editors);
  const metaAuthor = metaValue(meta, ['author']);
  if (metaAuthor)
    for (const n of namesIn(metaAuthor)) if (!result.byline.includes(n)) result.byline.push(n);
  return result;
}
