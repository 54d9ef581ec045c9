/**
 * The meeting records a clip keeps: the engine's records of the whole page, made self-contained
 * (named, without offsets or entity indexes, which point into the page and not into the clip).
 */
import type { AnnotateResult, MeetingRecord } from '../types';
import type { ClipMeeting } from './model';

/** Most meeting records one clip keeps (a chronicle page has tens). */
export const MAX_CLIP_MEETINGS = 200;

/** The meeting as the page names it: its numbered mention, else body and type. */
function nameOf(
  record: MeetingRecord,
  result: AnnotateResult,
): { name: string; type: string | null } {
  const first = record.sources.meeting[0];
  const entity = first === undefined ? undefined : result.entities[first];
  if (entity?.kind === 'meeting') {
    return { name: entity.simplified, type: entity.meetingType ?? null };
  }
  return { name: record.body ?? '', type: null };
}

/**
 * The page's meeting records as a clip keeps them, or undefined when the result carries none
 * (a result merged outside the engine), so a clip never claims "no meetings" it did not read.
 */
export function clipMeetingsOf(result: AnnotateResult): ClipMeeting[] | undefined {
  if (!result.meetings) return undefined;
  return result.meetings.slice(0, MAX_CLIP_MEETINGS).map((r) => {
    const { name, type } = nameOf(r, result);
    return {
      name,
      body: r.body,
      type: r.type,
      meetingType: type,
      term: r.term,
      ordinals: [...r.ordinals],
      expanded: r.expanded,
      date: r.date,
      place: r.place,
      chairs: [...r.chairs],
      speakers: [...r.speakers],
      attendees: [...r.attendees],
      relayed: [...r.relayed],
    };
  });
}
