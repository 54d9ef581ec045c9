import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import { findMentions } from '../../../src/core/record-mentions';

/** The records of a made-up report, as body and speakers. */
function recordsOf(text: string): [string | null, string[]][] {
  return (annotate({ text, published: '2024-06-10' }).meetings ?? []).map((r) => [
    r.body,
    r.speakers,
  ]);
}

describe('meeting records: a meeting the cue describes, with what happened at it', () => {
  it('files 在随后召开的座谈会上 as a meeting held, with its speaker', () => {
    expect(
      recordsOf(
        '6月5日,市政协主席黄剑东率队到县调研政协工作,县政协主席李明陪同。' +
          '在随后召开的调研座谈会上,黄剑东指出,市县政协是联系基层的基础,要加强履职能力建设。',
      ),
    ).toEqual([['调研座谈会', ['黄剑东']]]);
  });

  it('still reads 会上 after a name the cue does not describe as part of no name', () => {
    // 闭幕词 holds a passive cue; 在会上 before it names no meeting.
    const { mentions } = findMentions('市人大常委会主任兰斯琦在会上致闭幕词。他说——', [], [], []);
    expect(mentions.map((m) => m.name)).toEqual([]);
  });
});

describe('meeting records: the meeting just reported, named again', () => {
  it('files 本次会议 and 此次大会 under the session before them, and 一次重要会议 under none', () => {
    expect(
      recordsOf(
        '1月13日上午,福建省政协十二届二次会议在福州开幕。本次会议于1月13日至17日召开,会期5天。此次大会选举产生新一届领导班子。',
      ),
    ).toEqual([['福建省政协', []]]);
    expect(
      recordsOf('县委常委会召开第40次会议。这是在关键时刻召开的一次重要会议,意义重大。'),
    ).toEqual([['县委常委会', []]]);
  });
});

describe('meeting records: a host’s title that holds a cue', () => {
  it('reads no meeting in 主持人 and gives the host to the meeting just reported', () => {
    const records = annotate({
      text: '全国政协十三届一次会议主席团常务主席会议第二次会议在北京举行,全国政协十三届一次会议主席团会议主持人汪洋主持会议。',
      published: '2018-03-14',
    }).meetings;
    expect(records?.map((r) => [r.ordinals, r.chairs])).toEqual([[[2], ['汪洋']]]);
  });
});

describe('meeting records: a meeting’s holding congratulated', () => {
  it('reads no meeting in 向大会召开表示祝贺, and its speaker speaks at the session', () => {
    expect(
      recordsOf(
        '1月5日,市政协十三届六次会议开幕。市委书记蒋连生代表中共梧州市委向大会召开表示热烈祝贺,并讲话。',
      ),
    ).toEqual([['市政协', ['蒋连生']]]);
  });
});
