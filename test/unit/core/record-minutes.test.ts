import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import { findLabelledFields } from '../../../src/core/record-minutes';

/** The records of a made-up page, with the fields these tests read. */
function recordsOf(text: string) {
  return (annotate({ text, published: '2024-06-10' }).meetings ?? []).map((r) => ({
    body: r.body,
    ordinals: r.ordinals,
    date: r.date,
    chairs: r.chairs,
    attendees: r.attendees,
  }));
}

const FIELDS = [
  '时 间:2024年5月29日上午9:00',
  '地 点:县政府三楼会议室',
  '出 席:王建国、李明华、张红梅',
  '列 席:县政府办公室主任、各局局长',
  '主持人:王建国',
  '会议议定事项如下:',
  '一、会议原则通过了《关于加快推进老旧小区改造的实施意见》,由县住建局修改完善后印发。',
  '二、会议研究了防汛工作,要求各乡镇落实责任。',
].join('\n');

describe('meeting records: minutes with labelled fields', () => {
  it('reads the meeting named over a block of fields, with its day, chair and those present', () => {
    expect(recordsOf(`清河县人民政府第12次常务会议纪要\n${FIELDS}`)).toEqual([
      {
        body: '清河县人民政府',
        ordinals: [12],
        date: '2024-05-29',
        chairs: ['王建国'],
        // The list of those present names the chair too: they attended.
        attendees: ['王建国', '李明华', '张红梅'],
      },
    ]);
  });

  it('reads a title with no number, fields after list markers and full-width colons', () => {
    const page = [
      '清河县人民政府专题会议',
      '',
      '一、会议时间：2024年5月30日',
      '二、主持：王建国',
      '三、参会人员：李明华、张红梅',
      '会议研究了防汛工作,要求各乡镇落实责任。',
    ].join('\n');
    expect(recordsOf(page)).toEqual([
      {
        body: '清河县人民政府专题会议',
        ordinals: [],
        date: '2024-05-30',
        chairs: ['王建国'],
        attendees: ['李明华', '张红梅'],
      },
    ]);
  });

  it('reads no meeting from fields under a notice or a sentence, or from a single field', () => {
    expect(recordsOf(`关于召开全县防汛工作会议的通知\n${FIELDS}`)).toEqual([]);
    expect(recordsOf(`会议议定事项如下,请各单位抓好落实。\n${FIELDS}`)).toEqual([]);
    expect(recordsOf('清河县人民政府第12次常务会议\n主持人:王建国\n会议研究了防汛工作。')).toEqual(
      [],
    );
  });

  it('reads no meeting held from the fields of a notice (会议召开时间：, 会议召开方式：)', () => {
    const page = [
      '清河县第十八届人民代表大会第五次会议有关事项',
      '一、会议召开时间：2024年6月1日上午',
      '二、会议召开地点：县会堂',
      '三、会议召开方式：现场',
    ].join('\n');
    expect(recordsOf(page)).toEqual([]);
  });

  it("adds a report's labelled list of those present to the meeting it reports", () => {
    const page =
      '2024年5月29日,县长王建国主持召开县政府第12次常务会议,现纪要如下:\n' +
      '一、会议研究了防汛工作。\n参加人员:王建国、李明华\n列席人员:张红梅、赵志强';
    expect(recordsOf(page)).toEqual([
      {
        body: '县政府',
        ordinals: [12],
        date: '2024-05-29',
        chairs: ['王建国'],
        attendees: ['王建国', '李明华', '张红梅', '赵志强'],
      },
    ]);
  });
});

describe('labelled fields', () => {
  it('finds a label that opens its line, spaces inside it and a list marker before it aside', () => {
    const text = '出 席:甲\n(二)会议时间:5月\n说明:无\n他说 主持人:乙';
    expect(findLabelledFields(text).map((f) => f.kind)).toEqual(['attendees', 'date']);
  });
});
