/**
 * Cross-clip indexes so a researcher can follow a person or a meeting series over time. People
 * are keyed on name plus jurisdiction (`临汾市/董一兵`, see `export/keys.ts`), so two 王伟 of
 * different places stay two people; series on jurisdiction, body and type, so two cities'
 * 市委常委会 stay two series. The keys are the same the tidy export writes.
 */
import { meetingKeyOf, peopleOfDocument, seriesKeyOf } from '../export/keys';
import type { OfficialEntity } from '../types';
import { clipDateOf, type Clip, type ClipMeeting } from './model';

/** Where and when something was seen. */
export interface Sighting {
  clipId: string;
  url: string;
  title: string;
  site: string;
  /** Clip date (publication date, else save date), YYYY-MM-DD. */
  date: string;
}

/** One title a person held, and the span of clips that show it. */
export interface TitleSpan {
  title: string;
  /** Dates of the first and last clip naming the person with this title. */
  firstDate: string;
  lastDate: string;
  /** Clips naming the person with this title. */
  clips: number;
}

/** One person across all clips. */
export interface PersonIndexEntry {
  /** Person key (`临汾市/董一兵`, `?/王伟/副市长`). */
  key: string;
  name: string;
  jurisdiction: string | null;
  /** Titles over time, by first date seen (then first seen). */
  titles: TitleSpan[];
  /** Sightings, oldest first, one per clip. */
  sightings: Sighting[];
  firstDate: string;
  lastDate: string;
}

/** One meeting of a series (joined across clips by its meeting key). */
export interface SeriesMeeting {
  /** Meeting key (`临汾市/市委/专题会议/26/2020-03-25`). */
  key: string;
  /** The meeting as a page names it. */
  name: string;
  term: number | null;
  ordinals: number[];
  /** The day held when a record gives it, else the clip's date. */
  date: string;
  /** True when `date` is the meeting's own date, false when it is the page's. */
  dateHeld: boolean;
  /** Clips reporting it, oldest first. */
  sightings: Sighting[];
}

/** One numbered meeting series. */
export interface SeriesIndexEntry {
  /** Series key (`临汾市/市委/专题会议`). */
  key: string;
  /** Named jurisdiction, null when unknown. */
  place: string | null;
  /** Body without its place (市委), as in the key. */
  body: string;
  /** Meeting type (专题会议) or category (`meeting`); null when unknown. */
  type: string | null;
  /** A body as the pages write it, for the clip filter. */
  pageBody: string;
  /** Meetings by term, first ordinal, then date. */
  meetings: SeriesMeeting[];
}

function sightingOf(clip: Clip): Sighting {
  return {
    clipId: clip.id,
    url: clip.url,
    title: clip.title,
    site: clip.site,
    date: clipDateOf(clip),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Clips oldest first (clip date), each with its sighting. */
function byClipDate(clips: readonly Clip[]): Array<{ clip: Clip; sighting: Sighting }> {
  return clips
    .map((clip) => ({ clip, sighting: sightingOf(clip) }))
    .sort((a, b) => compareText(a.sighting.date, b.sighting.date));
}

/** Everyone taking part in a meeting record. */
function participantsOf(m: ClipMeeting): string[] {
  return [...m.chairs, ...m.speakers, ...m.attendees];
}

/**
 * Builds the people index: each clip's officials and meeting participants keyed as the tidy
 * export keys them, with the titles each person held over time. Sorted by how often each person
 * was seen, then by name.
 */
export function buildPeopleIndex(clips: readonly Clip[]): PersonIndexEntry[] {
  interface Building {
    entry: PersonIndexEntry;
    titles: Map<string, TitleSpan>;
  }
  const byKey = new Map<string, Building>();
  for (const { clip, sighting } of byClipDate(clips)) {
    const officials = clip.entities.filter((e): e is OfficialEntity => e.kind === 'official');
    const meetings = (clip.meetings ?? []).map((m) => ({
      place: m.place,
      people: participantsOf(m),
    }));
    for (const person of peopleOfDocument(officials, meetings).values()) {
      let b = byKey.get(person.key);
      if (!b) {
        b = {
          entry: {
            key: person.key,
            name: person.name,
            jurisdiction: person.jurisdiction,
            titles: [],
            sightings: [],
            firstDate: sighting.date,
            lastDate: sighting.date,
          },
          titles: new Map(),
        };
        byKey.set(person.key, b);
      }
      b.entry.sightings.push(sighting);
      b.entry.lastDate = sighting.date;
      for (const title of person.titles) {
        const span = b.titles.get(title);
        if (span) {
          span.lastDate = sighting.date;
          span.clips += 1;
        } else {
          b.titles.set(title, {
            title,
            firstDate: sighting.date,
            lastDate: sighting.date,
            clips: 1,
          });
        }
      }
    }
  }
  return [...byKey.values()]
    .map(({ entry, titles }) => ({ ...entry, titles: [...titles.values()] }))
    .sort(
      (a, b) =>
        b.sightings.length - a.sightings.length ||
        a.name.localeCompare(b.name, 'zh') ||
        compareText(a.key, b.key),
    );
}

/** One numbered meeting a clip reports, wherever it was read from. */
interface ClipSeriesMeeting {
  name: string;
  place: string | null;
  body: string;
  type: string | null;
  term: number | null;
  ordinals: number[];
  date: string | null;
}

/**
 * The numbered meetings of a clip: its page's meeting records when the clip keeps them (they
 * give the day held and the place); for a clip saved before records existed, its meeting
 * mentions, of unknown place and dated by the page.
 */
function numberedMeetingsOf(clip: Clip): ClipSeriesMeeting[] {
  if (clip.meetings) {
    return clip.meetings
      .filter((m) => m.body && m.ordinals.length > 0)
      .map((m) => ({
        name: m.name,
        place: m.place,
        body: m.body as string,
        type: m.meetingType ?? m.type,
        term: m.term,
        ordinals: m.ordinals,
        date: m.date,
      }));
  }
  const out: ClipSeriesMeeting[] = [];
  for (const e of clip.entities) {
    if (e.kind !== 'meeting' || !e.body || e.ordinals.length === 0) continue;
    out.push({
      name: e.simplified,
      place: null,
      body: e.body,
      type: e.meetingType ?? e.category ?? null,
      term: e.term ?? null,
      ordinals: e.ordinals,
      date: null,
    });
  }
  return out;
}

/** Parts of a series key back (`?` marks an unknown part). */
function partsOfSeriesKey(key: string): {
  place: string | null;
  body: string;
  type: string | null;
} {
  const [place = '?', body = '?', type = '?'] = key.split('/');
  return { place: place === '?' ? null : place, body, type: type === '?' ? null : type };
}

/**
 * Builds the meeting-series index: numbered meetings keyed by series (jurisdiction, body, type),
 * each meeting once however many clips report it. Sorted by place, then body, then type.
 */
export function buildSeriesIndex(clips: readonly Clip[]): SeriesIndexEntry[] {
  const bySeries = new Map<string, { pageBody: string; meetings: Map<string, SeriesMeeting> }>();
  for (const { clip, sighting } of byClipDate(clips)) {
    for (const m of numberedMeetingsOf(clip)) {
      const parts = { place: m.place, body: m.body, type: m.type };
      const seriesKey = seriesKeyOf(parts);
      let series = bySeries.get(seriesKey);
      if (!series) {
        series = { pageBody: m.body, meetings: new Map() };
        bySeries.set(seriesKey, series);
      }
      const date = m.date ?? sighting.date;
      const key = meetingKeyOf({ ...parts, ordinals: m.ordinals, date });
      const known = series.meetings.get(key);
      if (known) {
        if (!known.sightings.some((s) => s.clipId === clip.id)) known.sightings.push(sighting);
        continue;
      }
      series.meetings.set(key, {
        key,
        name: m.name,
        term: m.term,
        ordinals: [...m.ordinals],
        date,
        dateHeld: m.date !== null,
        sightings: [sighting],
      });
    }
  }
  return [...bySeries.entries()]
    .map(([key, { pageBody, meetings }]) => ({
      key,
      ...partsOfSeriesKey(key),
      pageBody,
      meetings: [...meetings.values()].sort(
        (a, b) =>
          (a.term ?? 0) - (b.term ?? 0) ||
          (a.ordinals[0] ?? 0) - (b.ordinals[0] ?? 0) ||
          compareText(a.date, b.date),
      ),
    }))
    .sort(
      (a, b) =>
        (a.place ?? '\uffff').localeCompare(b.place ?? '\uffff', 'zh') ||
        a.body.localeCompare(b.body, 'zh') ||
        compareText(a.key, b.key),
    );
}
