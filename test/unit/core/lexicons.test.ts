import { describe, expect, it } from 'vitest';
import {
  isWordList,
  LEXICON_FILES,
  mapOf,
  wordsOf,
  type LexiconFile,
} from '../../../src/core/lexicons/index';
import { toSimplified } from '../../../src/core/index';
import weights from '../../../src/core/lexicons/detection-weights.json';
import { detectionFeatures } from '../../../src/core/page-detection';

/** Every word list of every data file, as `file.list`. */
const lists = Object.entries(LEXICON_FILES).flatMap(([file, data]) =>
  Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => isWordList(v))
    .map(([list]) => ({ file: file as LexiconFile, list })),
);

describe('lexicon data files', () => {
  it('hold the knowledge the passes use', () => {
    expect(lists.length).toBeGreaterThanOrEqual(40);
    expect(wordsOf('titles', 'heads')).toContain('所长');
    expect(wordsOf('surnames', 'compound')).toContain('欧阳');
  });

  it('name jurisdictions, not development zones, in places.json (npm run lexicons:places)', () => {
    const places = [...wordsOf('places', 'prefectures'), ...wordsOf('places', 'counties')];
    for (const p of [
      '沈阳市',
      '延边朝鲜族自治州',
      '兴安盟',
      '宁晋县',
      '海珠区',
      '义乌市',
      '巴林左旗',
    ])
      expect(places).toContain(p);
    expect(places.filter((p) => /开发区|园区|市辖区/.test(p))).toEqual([]);
  });

  it("names jurisdictions in pinyin as sites' addresses do, none a province or a paper shares", () => {
    const byPinyin = mapOf('places', 'pinyinNames');
    expect(byPinyin.shenqiu).toBe('沈丘县');
    expect(byPinyin.changchun).toBe('长春市');
    expect(byPinyin.chuxiong).toBeUndefined(); // 楚雄市 and 楚雄彝族自治州
    expect(byPinyin.hebei).toBeUndefined(); // 河北省 before 天津's 河北区
    expect(byPinyin.xinmin).toBeUndefined(); // 新民晚报's xinmin.cn
    expect(Object.keys(byPinyin).every((k) => /^[a-z]{5,}$/.test(k))).toBe(true);
  });

  for (const { file, list } of lists) {
    it(`${file}.json ${list}: sorted, unique, simplified, with what it is for`, () => {
      const words = wordsOf(file, list);
      expect(words.length, 'empty list').toBeGreaterThan(0);
      expect([...words], 'not sorted (JavaScript string order)').toEqual([...words].sort());
      expect(new Set(words).size, 'duplicates').toBe(words.length);
      expect(
        words.filter((w) => toSimplified(w) !== w),
        'traditional script',
      ).toEqual([]);
      expect(
        words.filter((w) => w.trim() !== w || w === ''),
        'spaces',
      ).toEqual([]);
      const about = (LEXICON_FILES[file] as Record<string, { about: string }>)[list]?.about ?? '';
      expect(about.length).toBeGreaterThan(10);
    });
  }

  it('list no word twice within one list, in any data file at any depth', () => {
    const repeats: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        const seen = new Set<unknown>();
        for (const item of node) {
          if (typeof item === 'string' && seen.has(item)) repeats.push(`${path}: ${item}`);
          seen.add(item);
        }
        node.forEach((item, i) => visit(item, `${path}[${i}]`));
      } else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) visit(value, `${path}.${key}`);
      }
    };
    for (const [file, data] of Object.entries(LEXICON_FILES)) visit(data, `${file}.json`);
    expect(repeats).toEqual([]);
  });

  it('gives a clear error for a list that is not there', () => {
    expect(() => wordsOf('titles', 'noSuchList')).toThrow(/titles\.json: "noSuchList"/);
    expect(() => mapOf('meetings', 'noSuchMap')).toThrow(/meetings\.json/);
  });

  it('has a fitted weight for every detection feature the engine reports', () => {
    const text =
      '来源：市政府网 责任编辑：甲 发布时间：2024年 当前位置：首页>新闻 5月8日，县委召开第36次常委会会议，' +
      '县委书记王建国主持会议并讲话。会议指出，会议强调，一是，二是，学习贯彻习近平总书记重要讲话精神。' +
      '小说 第一章 书架 食材 适量 加入购物车 楼主 回复 董事会 股东 大学 学生 比赛 联赛 立法院 议员';
    const names = detectionFeatures({
      text,
      url: 'https://www.example.gov.cn/a.html',
      meta: { siteidcode: '1', columnname: 'x' },
      titledOfficials: 3,
      meetings: 1,
    }).map((f) => f.name);
    const fitted = Object.keys(weights.weights);
    expect(names.filter((n) => !fitted.includes(n))).toEqual([]);
  });
});
