/** The one-line summary of a meeting record the panel opens with. */
import type { ClipMeeting } from '../../core/clips/model';
import type { Translate } from './page-panel';

/**
 * `市委第二十六次专题会议 · 2020-03-25 · 主持 董一兵 · 出席 7`: name, date, chairs and the number
 * of attendees, leaving out what the record lacks. The field words come through `t`.
 */
export function meetingLineOf(meeting: ClipMeeting, t: Translate): string {
  const parts = [meeting.name || meeting.body || t('kindMeeting')];
  if (meeting.date) parts.push(meeting.date);
  if (meeting.chairs.length) parts.push(`${t('pageMeetingChairs')} ${meeting.chairs.join('、')}`);
  if (meeting.attendees.length)
    parts.push(`${t('pageMeetingAttendees')} ${meeting.attendees.length}`);
  return parts.join(' · ');
}
