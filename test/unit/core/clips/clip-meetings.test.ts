import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../../../src/cli/html-page';
import { clipMeetingsOf } from '../../../../src/core/clips/clip-meetings';
import { annotate } from '../../../../src/core/index';
import { meetingLineOf } from '../../../../src/content/panel/meeting-line';

/** The engine's result for a seed page, read as the CLI reads it. */
function seedResult(n: string) {
  const html = readFileSync(
    new URL(`../../../fixtures/pages/seed-${n}.html`, import.meta.url),
    'utf8',
  );
  const page = readHtmlPage(html);
  return annotate({ text: page.text, meta: page.meta, ...(page.url && { url: page.url }) });
}

const zh = (key: string) =>
  ({ pageMeetingChairs: '主持', pageMeetingAttendees: '出席', kindMeeting: '会议' })[key] ?? key;

describe('clipMeetingsOf', () => {
  it('names the meeting of seed-002 as the page does and keeps its people', () => {
    const meetings = clipMeetingsOf(seedResult('002'))!;
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      name: '市委第二十六次专题会议',
      body: '市委',
      meetingType: '专题会议',
      ordinals: [26],
      date: '2020-03-25',
      place: '临汾市',
      chairs: ['董一兵'],
    });
    expect(meetings[0]!.attendees).toHaveLength(7);
    // Self-contained: no page offsets or entity indexes that mean nothing inside a clip.
    expect(Object.keys(meetings[0]!)).not.toContain('sources');
    expect(Object.keys(meetings[0]!)).not.toContain('start');
  });

  it('says "not recorded" for a result without records, not "no meetings"', () => {
    const { meetings: _dropped, ...merged } = seedResult('000');
    expect(clipMeetingsOf(merged)).toBeUndefined();
    expect(clipMeetingsOf({ ...merged, meetings: [] })).toEqual([]);
  });

  it('falls back to the body for a record without a numbered mention', () => {
    const result = annotate({
      text: '5月8日上午，县委书记王建国主持召开县委常委会会议，县长李明出席会议。',
      published: '2023-05-09',
    });
    const meetings = clipMeetingsOf(result)!;
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings[0]!.name).toBe(meetings[0]!.body ?? '');
    expect(meetings[0]!.meetingType).toBeNull();
  });
});

describe('meetingLineOf', () => {
  it('gives the line the panel opens with on seed-002', () => {
    const [meeting] = clipMeetingsOf(seedResult('002'))!;
    expect(meetingLineOf(meeting!, zh)).toBe(
      '市委第二十六次专题会议 · 2020-03-25 · 主持 董一兵 · 出席 7',
    );
  });

  it('leaves out what the record lacks', () => {
    const [meeting] = clipMeetingsOf(seedResult('002'))!;
    expect(meetingLineOf({ ...meeting!, date: null, chairs: [], attendees: [] }, zh)).toBe(
      '市委第二十六次专题会议',
    );
  });
});
