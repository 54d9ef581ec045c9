/**
 * The engine's public data contract: what `annotate()` takes and returns.
 * Plain data only, so results cross message boundaries and print as JSON unchanged.
 */

/** Script of the page text as a whole. */
export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

/** Extra vocabulary from the user's settings, merged into the built-in lexicons. */
export interface UserLexicon {
  titles?: string[];
  organisations?: string[];
  slogans?: string[];
}

/** Input of `annotate()`: page text plus what is known about the page. */
export interface AnnotateInput {
  /** Plain text of the page (for the DOM: the text built by `src/dom/page-text.ts`). */
  text: string;
  url?: string;
  /** `<meta name|property>` → content, lower-cased names. */
  meta?: Record<string, string>;
  lexicon?: UserLexicon;
  /**
   * Score (0–1) at and above which the page counts as government news: the user's setting. The
   * engine's `page.isGovNews` is the one decision the panel, the popup and saved clips share.
   * Default: the threshold fitted with the detection weights.
   */
  threshold?: number;
  /**
   * Publication date (ISO `YYYY-MM-DD`, a time may follow), for the year of a meeting's `3月25日`
   * and for 今天/昨天. Default: the date `page.publishedAt` reads from the page.
   */
  published?: string;
}

/** One piece of evidence behind the page-detection score. */
export interface PageSignal {
  /** Stable machine name, e.g. `url.gov-cn`, `chrome.icp`, `content.chaired-meeting`, `genre.fiction`. */
  name: string;
  /** Contribution to the score's logit (negative for signals of other genres). */
  weight: number;
  /** The text or URL part that triggered it. */
  evidence?: string;
}

/** Page-level result: detection and metadata. */
export interface PageResult {
  isGovNews: boolean;
  /** 0–1. */
  score: number;
  signals: PageSignal[];
  script: Script;
  /** True when inline pinyin glosses like `網(wǎng)` were found and stripped. */
  pinyinAnnotations: boolean;
  title?: string;
  source?: string;
  /** ISO 8601 (date, or date-time without zone when the page gives a time). */
  publishedAt?: string;
  /** Reporters / authors / correspondents (simplified). */
  byline: string[];
  /** Editors (责编/责任编辑/编辑/编审), simplified. */
  editors: string[];
}

/** Fields every entity carries. Offsets are UTF-16 indices into `AnnotateInput.text`. */
export interface EntityBase {
  /** The original characters, as on the page (may include pinyin glosses). */
  text: string;
  /** Simplified form, glosses stripped. */
  simplified: string;
  start: number;
  end: number;
}

/** Administrative level of an official, when the titles say it. */
export type OfficialLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

/** A mention of an official: a title chain with a name, a name in a leaders' list, or a later bare mention. */
export interface OfficialEntity extends EntityBase {
  kind: 'official';
  /** Simplified name. */
  name: string;
  /** Titles seen at this mention (simplified, as written); bare mentions carry the person's known titles. */
  titles: string[];
  level?: OfficialLevel;
  /** Same value for every mention of the same person on the page. */
  personId: string;
  /** How this mention was found. */
  role: 'titled' | 'list' | 'mention';
  /** Offsets of the name alone inside the original text. */
  nameStart: number;
  nameEnd: number;
}

/** A numbered meeting reference. */
export interface MeetingEntity extends EntityBase {
  kind: 'meeting';
  ordinals: number[];
  /** 届 (term) when given. */
  term?: number;
  /** Who meets: 市委, 省委, 县委常委会, a named 领导小组… (simplified). */
  body?: string;
  /** 专题会议, 常委会, 常务会议, 全体会议, 全会… */
  meetingType?: string;
  /**
   * What kind of meeting: a Party committee's plenum (十九届四中全会), a congress (党的二十大,
   * 第十四次党代会), a session of a people's congress or CPPCC (十四届全国人大二次会议), or any
   * other numbered meeting.
   */
  category?: MeetingCategory;
  /** True for an enlarged meeting (扩大会议, 第三十一次(扩大)会议). */
  expanded?: boolean;
}

/** Kinds of numbered meeting. */
export type MeetingCategory = 'plenum' | 'congress' | 'session' | 'meeting';

/** Kinds of directive phrase. */
export type DirectiveSubtype = 'slogan' | 'formula' | 'imperative' | 'enumeration';

/** A directive phrase: slogan, numbered formula, imperative clause or enumeration marker. */
export interface DirectiveEntity extends EntityBase {
  kind: 'directive';
  subtype: DirectiveSubtype;
  /** Simplified, without quotes. */
  normalized: string;
  /** The number in a numbered formula (二十条 → 20) or enumeration marker (三是 → 3). */
  count?: number;
}

/** Anything the engine marks. */
export type Entity = OfficialEntity | MeetingEntity | DirectiveEntity;

/** Entity kinds, in display order. */
export type EntityKind = Entity['kind'];

/** Indexes into `AnnotateResult.entities` of the mentions a meeting record's fields came from. */
export interface MeetingRecordSources {
  /** The numbered-meeting entity naming the meeting, when it has a number. */
  meeting: number[];
  chairs: number[];
  speakers: number[];
  attendees: number[];
}

/**
 * One meeting the page reports as held (not one per mention): who met, which session, when, who
 * chaired, spoke and attended, and what it relayed. Names are simplified, without titles.
 */
export interface MeetingRecord {
  /** The body that met, as written (市委, 临汾市委常委会, 市疫情防控工作领导小组). */
  body: string | null;
  type: MeetingCategory;
  /** 届 (term) when given. */
  term: number | null;
  ordinals: number[];
  /** An enlarged meeting (扩大会议). */
  expanded: boolean;
  /** The day it was held (`YYYY-MM-DD`), null when the text gives no day or no year is known. */
  date: string | null;
  /** The jurisdiction whose body met (临汾市, 和田县), or its level alone (市, 县) when unnamed. */
  place: string | null;
  chairs: string[];
  /** Who spoke: 讲话, 强调, 指出, 提出要求, 作具体安排 … */
  speakers: string[];
  /** Who attended: 出席, 参加, 列席 lists. */
  attendees: string[];
  /** What the meeting relayed or studied (传达学习…精神), best effort. */
  relayed: string[];
  /** Offsets (as for entities) of the meeting's first mention as held. */
  start: number;
  end: number;
  /** Offsets of the words the date was read from, when it came from the text. */
  dateStart?: number;
  dateEnd?: number;
  /** Which entities each field came from (names read without an entity have none). */
  sources: MeetingRecordSources;
}

/** What `annotate()` returns. Entities are sorted by `start`; meetings are in text order. */
export interface AnnotateResult {
  page: PageResult;
  entities: Entity[];
  /**
   * One record per meeting the page reports as held, in text order. `annotate()` always sets it;
   * results put together outside the engine (an appended tail merged onto an earlier result) may
   * leave it out.
   */
  meetings?: MeetingRecord[];
}
