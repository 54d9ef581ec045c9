import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The attendees of the first record of a made-up report. */
function attendeesOf(text: string): string[] | undefined {
  return annotate({ text, published: '2022-03-02' }).meetings?.[0]?.attendees;
}

const OPENING =
  '3月1日,某区委全面依法治区委员会召开第六次会议。区委书记、委员会主任张智奎主持会议并讲话。';

describe('attendance lists of units', () => {
  it("reads no names in a list of departments' short names (公安、财政、住建…等单位负责人)", () => {
    expect(
      attendeesOf(
        `${OPENING}副区长张艳出席。区政府办、公安、财政、卫健、交通、住建及明光街道等单位主要负责人参加会议。`,
      ),
    ).toEqual(['张艳']);
  });
});

describe('attendance lists that end with a group named without names', () => {
  it('reads the officials named before the group as attendees', () => {
    expect(
      attendeesOf(
        `${OPENING}区委副书记、区长常晓勇,区人大常委会主任潘文峰,区政协主席文良印,区委常委,区委全面依法治区委员会委员出席会议。`,
      ),
    ).toEqual(['常晓勇', '潘文峰', '文良印']);
    expect(
      attendeesOf(
        `${OPENING}副区长傅永强,区法院院长黄伟,区检察院检察长吴敏,部分区人大代表列席会议。`,
      ),
    ).toEqual(['傅永强', '黄伟', '吴敏']);
    expect(attendeesOf(`${OPENING}区委常委、副区长郭巍,区直有关部门负责人等参加会议。`)).toEqual([
      '郭巍',
    ]);
  });

  it('runs back over a post named without its holder (县法院院长) to the officials before it', () => {
    expect(
      attendeesOf(`${OPENING}县领导王尔敏、张健、吴健,县法院院长,县检察院检察长等参加会议。`),
    ).toEqual(['王尔敏', '张健', '吴健']);
  });

  it('reads bare names closed by 等 and the group they belong to (等离退休干部参加会议)', () => {
    expect(attendeesOf(`${OPENING}王兴祥、王护国、张富文等离退休干部参加会议。`)).toEqual([
      '王兴祥',
      '王护国',
      '张富文',
    ]);
    expect(attendeesOf(`${OPENING}李增伟、贺观群、严达明等领导应邀列席。`)).toEqual([
      '李增伟',
      '贺观群',
      '严达明',
    ]);
  });

  it('reads officials whose clause closes with a group joined by 和', () => {
    expect(
      attendeesOf(
        `${OPENING}副区长傅永强,区法院院长黄伟,区检察院检察长吴敏和区人大常委会副秘书长,部分区人大代表列席会议。`,
      ),
    ).toEqual(['傅永强', '黄伟', '吴敏']);
  });

  it('stops at a clause that is neither officials nor a group', () => {
    // 会议要求全体党员干部: a clause that says something, though it ends like a group.
    expect(attendeesOf(`${OPENING}副区长傅永强作说明,会议要求全体党员干部,积极参加学习。`)).toEqual(
      [],
    );
    // A group too long to be a name for those present ends the list.
    expect(
      attendeesOf(
        `${OPENING}副区长傅永强,在今年全区防汛救灾和疫情防控等各项重点工作中表现突出并受到表彰的基层干部代表,区委常委参加会议。`,
      ),
    ).toEqual([]);
  });
});

describe('meeting records: a list closed by its leaders’ title before a group', () => {
  it('runs back over a group to a list closed by 等县领导, even one a group opens', () => {
    expect(
      attendeesOf(
        '1月5日,县委召开扩大会议。王秀江、潘加智、姚富正等县领导,县扶贫开发领导小组成员单位主要负责人参加会议。',
      ),
    ).toEqual(['王秀江', '潘加智', '姚富正']);
    expect(
      attendeesOf(
        '1月5日,县委召开扩大会议。县委主要领导、王秀江、潘加智、姚富正等县领导,各乡镇主要负责人参加会议。',
      ),
    ).toEqual(['王秀江', '潘加智', '姚富正']);
  });
});

describe('attendance lists with a clause of leaders named 领导同志', () => {
  it('reads the clauses before 省委、省政府、省军区领导同志甲、乙 as one list', () => {
    expect(
      attendeesOf(
        '1月5日,政协广东省第十二届委员会第二次会议闭幕。广东省委书记李希,省委副书记、省长马兴瑞,省委、省政府、省军区领导同志王伟中、林少春,省检察院主要负责同志龚稼立在主席台就座。',
      ),
    ).toEqual(['李希', '马兴瑞', '王伟中', '林少春', '龚稼立']);
  });
});

describe('attendance lists of bare names', () => {
  it('reads names seated 在主席台上就座', () => {
    expect(
      attendeesOf(
        '1月5日,政协通辽市第四届委员会第五次会议闭幕。杨静波、孙振云、梁志远、巴根那、布和等在主席台上就座。',
      ),
    ).toEqual(['杨静波', '孙振云', '梁志远', '巴根那', '布和']);
  });

  it('reads the bare names of the clause before a group named without names', () => {
    expect(
      attendeesOf(
        '1月5日,区政协十届二次会议开幕。平向阳、王洪华、丁豹、程峰、刘一,往届区政协主席、副主席、党组成员在主席台就座。',
      ),
    ).toEqual(['平向阳', '王洪华', '丁豹', '程峰', '刘一']);
  });
});
