/**
 * Keys that join records across pages: a person from name plus jurisdiction (or, when no
 * jurisdiction is known, the first title seen), a meeting series from jurisdiction, body and type.
 * Suggestions that rather split than merge: two 王伟 of different cities stay two people; the
 * researcher merges what the keys keep apart.
 */
import { alternationOf } from '../lexicons/index';
import { longestFirst, recordWords } from '../record-text';

const PROVINCES = longestFirst('provinces');
const LEVELS = recordWords('levelChars').join('');
const NOT_PLACE_START = new Set(recordWords('notPlaceStarts'));
/** 临汾市委书记, 和田县政府县长: a two-character name, a level, an organ. */
const NAMED_PLACE_RE = new RegExp(
  `^([\\u4e00-\\u9fff]{2}[${LEVELS}])(?:${alternationOf(recordWords('organsAfterPlace'))})`,
);
/** 中共临汾市委: words before a place in a body's name. */
const BODY_PREFIX_RE = new RegExp(`^(?:${alternationOf(recordWords('placeBodyPrefixes'))})`);

/** Marks an unknown jurisdiction in a key. */
const UNKNOWN = '?';

/** The jurisdiction a title names (临汾市委书记 → 临汾市, 山西省委常委 → 山西省), else null. */
export function jurisdictionOfTitle(title: string): string | null {
  const core = title.replace(BODY_PREFIX_RE, '');
  const province = PROVINCES.find((p) => core.startsWith(p));
  if (province) {
    const level = core.charAt(province.length);
    return level === '省' || level === '市' ? `${province}${level}` : province;
  }
  const m = NAMED_PLACE_RE.exec(core);
  return m?.[1] && !NOT_PLACE_START.has(m[1].charAt(0)) ? m[1] : null;
}

/** The first jurisdiction the titles name, in the order they were seen. */
export function jurisdictionOfTitles(titles: readonly string[]): string | null {
  for (const title of titles) {
    const place = jurisdictionOfTitle(title);
    if (place) return place;
  }
  return null;
}

/** A place that names a jurisdiction (临汾市), not a level alone (市). */
export function isNamedPlace(place: string | null | undefined): place is string {
  return !!place && place.length > 1;
}

/** What a person key is made of. */
export interface PersonKeyParts {
  /** Simplified name. */
  name: string;
  /** The jurisdiction read for the person, if any. */
  jurisdiction?: string | null;
  /** Titles seen, in order (used only when no jurisdiction is known). */
  titles?: readonly string[];
}

/**
 * A person key: `临汾市/董一兵`; without a jurisdiction, the first title seen keeps apart people
 * of one name (`?/王伟/副市长`), and a name alone gives `?/王伟`. Separators in the parts are
 * replaced so a key always splits back into its parts.
 */
export function personKeyOf({ name, jurisdiction, titles = [] }: PersonKeyParts): string {
  if (isNamedPlace(jurisdiction)) return joinKey([jurisdiction, name]);
  const title = titles.find((t) => t.trim());
  return title ? joinKey([UNKNOWN, name, title]) : joinKey([UNKNOWN, name]);
}

/** What a series key is made of. */
export interface SeriesKeyParts {
  place: string | null;
  body: string | null;
  /** The meeting's own type (专题会议), else its category (`meeting`, `plenum` …). */
  type: string | null;
}

/**
 * A meeting-series key: `临汾市/市委/专题会议`. The place's name is taken off the body
 * (临汾市委 in 临汾市 → 市委, 中共临汾市委 → 市委), so a body written with or without it joins,
 * and so does a name written with 会议 or 会 (市政府常务会议, 市政府常务会).
 */
export function seriesKeyOf({ place, body, type }: SeriesKeyParts): string {
  const named = isNamedPlace(place) ? place : null;
  let b = (body ?? '').replace(BODY_PREFIX_RE, '').replace(/会议$/, '会');
  if (named && b.startsWith(named) && b.length > named.length) b = b.slice(named.length - 1);
  return joinKey([named ?? UNKNOWN, b || UNKNOWN, type || UNKNOWN]);
}

/** The key of one meeting: its series, ordinals and date (`临汾市/市委/专题会议/26/2020-03-25`). */
export function meetingKeyOf(
  parts: SeriesKeyParts & { ordinals: readonly number[]; date: string | null },
): string {
  const rest = joinKey([parts.ordinals.join('+') || UNKNOWN, parts.date ?? UNKNOWN]);
  return `${seriesKeyOf(parts)}/${rest}`;
}

/** Joins key parts with `/`, any `/` inside a part made `／` so the key splits back. */
function joinKey(parts: readonly string[]): string {
  return parts.map((p) => p.replace(/\//g, '／')).join('/');
}

/** A title led by a level (省委常委 → 省, 市长 → 市), else null. */
function levelOfTitle(title: string): string | null {
  const c = title.replace(BODY_PREFIX_RE, '').charAt(0);
  return c && LEVELS.includes(c) ? c : null;
}

/** True when a named place can be the jurisdiction of someone with these titles. */
function placeFits(place: string, titles: readonly string[]): boolean {
  const levels = titles.map(levelOfTitle).filter((l): l is string => l !== null);
  return levels.length === 0 || levels.includes(place.charAt(place.length - 1));
}

/** One person of a document, as its key was read. */
export interface DocumentPerson {
  key: string;
  name: string;
  jurisdiction: string | null;
  titles: string[];
}

/**
 * The people of one document, by name: jurisdiction from their titles, else the named place of
 * the first meeting they took part in, else the document's first named meeting place, a place
 * being taken only when no title of another level (省委常委 against 临汾市) rules it out.
 */
export function peopleOfDocument(
  officials: ReadonlyArray<{ name: string; titles: readonly string[] }>,
  meetings: ReadonlyArray<{ place: string | null; people: readonly string[] }>,
): Map<string, DocumentPerson> {
  const titlesByName = new Map<string, string[]>();
  const add = (name: string, titles: readonly string[]) => {
    const list = titlesByName.get(name) ?? [];
    for (const t of titles) if (!list.includes(t)) list.push(t);
    titlesByName.set(name, list);
  };
  for (const o of officials) add(o.name, o.titles);
  for (const m of meetings) for (const name of m.people) add(name, []);
  const documentPlace = meetings.find((m) => isNamedPlace(m.place))?.place ?? null;
  const people = new Map<string, DocumentPerson>();
  for (const [name, titles] of titlesByName) {
    const candidates = [
      ...meetings.filter((m) => m.people.includes(name)).map((m) => m.place),
      documentPlace,
    ];
    const jurisdiction =
      jurisdictionOfTitles(titles) ??
      candidates.find((p): p is string => isNamedPlace(p) && placeFits(p, titles)) ??
      null;
    people.set(name, {
      key: personKeyOf({ name, jurisdiction, titles }),
      name,
      jurisdiction,
      titles,
    });
  }
  return people;
}
