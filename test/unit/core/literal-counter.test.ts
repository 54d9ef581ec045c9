import { describe, expect, it } from 'vitest';
import { LiteralCounter, LiteralMatcher } from '../../../src/core/text/literal-matcher';

type Keep = (text: string, word: string, at: number) => boolean;

/** The count one list gets when scanned on its own: the behaviour the counter must keep. */
function countAlone(text: string, words: string[], cap: number, keep?: Keep): number {
  const m = new LiteralMatcher(words);
  let n = 0;
  for (
    let i = m.nextIndex(text, 0);
    i >= 0 && n < cap;
    i = m.nextIndex(text, i + m.lastWord.length)
  )
    if (!keep || keep(text, m.lastWord, i)) n++;
  return n;
}

describe('LiteralCounter', () => {
  it('counts each list as its own scan would when the lists overlap', () => {
    // 党委书记 in one list hides 书记 inside it for that list only; 党委 counts in the other.
    const lists = [{ words: ['党委书记', '主任'] }, { words: ['书记', '党委'] }, { words: ['委'] }];
    const counter = new LiteralCounter(lists, 50);
    const text = '县党委书记张三、副主任李四,镇党委委员';
    expect(counter.count(text)).toEqual([2, 3, 3]);
  });

  it('stops each list at the cap and applies its filter where the word stands', () => {
    const keep: Keep = (text, _word, at) => text.charAt(at - 1) === '镇';
    const counter = new LiteralCounter([{ words: ['党委'], keep }, { words: ['会议'] }], 2);
    expect(counter.count('镇党委会议,校党委会议,镇党委会议,镇党委会议')).toEqual([2, 2]);
    expect(counter.count('校党委会议')).toEqual([0, 1]);
  });

  it('counts each word once in a distinct list, every match in the others', () => {
    const counter = new LiteralCounter(
      [{ words: ['全县', '我县'], distinct: true }, { words: ['全县', '我县'] }],
      50,
    );
    expect(counter.count('全县上下,我县干部,全县群众,全县各乡镇')).toEqual([2, 4]);
  });

  it('agrees with separate scans on random texts over a small alphabet', () => {
    const alphabet = '党委书记会议镇县';
    const lists = [['党委', '党委书记', '委书'], ['书记', '记'], ['会议', '议会', '县委'], ['委']];
    const keep: Keep = (text, _word, at) => at % 3 !== 0;
    const counter = new LiteralCounter(
      lists.map((words, k) => (k === 1 ? { words, keep } : { words })),
      7,
    );
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 0.999;
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++)
        text += alphabet.charAt(Math.floor(random() * alphabet.length));
      const alone = lists.map((words, k) => countAlone(text, words, 7, k === 1 ? keep : undefined));
      expect(counter.count(text), text).toEqual(alone);
    }
  });
});
