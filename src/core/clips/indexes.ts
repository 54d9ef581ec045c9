/**
 * Cross-clip indexes so a researcher can follow a person or a meeting series over time:
 * officials (name → titles seen, pages, dates) and meeting series (body → ordinals with dates).
 */
import { clipDateOf, type Clip } from './model';

/** Where and when something was seen. */
export interface Sighting {
  clipId: string;
  url: string;
  title: string;
  site: string;
  /** Clip date (publication date, else save date), YYYY-MM-DD. */
  date: string;
}

/** One official across all clips. */
export interface OfficialIndexEntry {
  name: string;
  /** Every title seen, in order of first appearance over time. */
  titles: string[];
  /** Sightings, oldest first, one per clip. */
  sightings: Sighting[];
  firstDate: string;
  lastDate: string;
}

/** One meeting of a series. */
export interface MeetingSighting extends Sighting {
  ordinals: number[];
  term?: number;
  meetingType?: string;
}

/** One meeting body's numbered series. */
export interface MeetingSeriesEntry {
  body: string;
  /** Sightings ordered by term, then first ordinal, then date. */
  meetings: MeetingSighting[];
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

const byDate = (a: Sighting, b: Sighting) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Builds the officials index, sorted by how often each person was seen, then by name. */
export function buildOfficialsIndex(clips: readonly Clip[]): OfficialIndexEntry[] {
  const byName = new Map<string, { titles: Map<string, string>; sightings: Sighting[] }>();
  for (const clip of [...clips].sort((a, b) => byDate(sightingOf(a), sightingOf(b)))) {
    const sighting = sightingOf(clip);
    const seenHere = new Set<string>();
    for (const e of clip.entities) {
      if (e.kind !== 'official' || !e.name) continue;
      let entry = byName.get(e.name);
      if (!entry) {
        entry = { titles: new Map(), sightings: [] };
        byName.set(e.name, entry);
      }
      for (const t of e.titles) if (!entry.titles.has(t)) entry.titles.set(t, sighting.date);
      if (!seenHere.has(e.name)) {
        seenHere.add(e.name);
        entry.sightings.push(sighting);
      }
    }
  }
  return [...byName.entries()]
    .map(([name, { titles, sightings }]) => ({
      name,
      titles: [...titles.keys()],
      sightings,
      firstDate: sightings[0]?.date ?? '',
      lastDate: sightings.at(-1)?.date ?? '',
    }))
    .sort((a, b) => b.sightings.length - a.sightings.length || a.name.localeCompare(b.name, 'zh'));
}

/** Builds the meeting-series index, sorted by body. */
export function buildMeetingSeriesIndex(clips: readonly Clip[]): MeetingSeriesEntry[] {
  const byBody = new Map<string, Map<string, MeetingSighting>>();
  for (const clip of clips) {
    const sighting = sightingOf(clip);
    for (const e of clip.entities) {
      if (e.kind !== 'meeting' || !e.body || e.ordinals.length === 0) continue;
      let series = byBody.get(e.body);
      if (!series) {
        series = new Map();
        byBody.set(e.body, series);
      }
      // The same meeting cited twice in one clip, or in two clips of one page, counts once.
      const key = `${e.term ?? ''}|${e.ordinals.join(',')}|${e.meetingType ?? ''}|${clip.url}`;
      if (!series.has(key)) {
        series.set(key, {
          ...sighting,
          ordinals: [...e.ordinals],
          ...(e.term !== undefined ? { term: e.term } : {}),
          ...(e.meetingType !== undefined ? { meetingType: e.meetingType } : {}),
        });
      }
    }
  }
  return [...byBody.entries()]
    .map(([body, series]) => ({
      body,
      meetings: [...series.values()].sort(
        (a, b) =>
          (a.term ?? 0) - (b.term ?? 0) ||
          (a.ordinals[0] ?? 0) - (b.ordinals[0] ?? 0) ||
          byDate(a, b),
      ),
    }))
    .sort((a, b) => a.body.localeCompare(b.body, 'zh'));
}
