import { describe, expect, it } from 'vitest';
import { countPinyinGlosses, normalizeSteps, normalize } from '../../../src/core/text/normalize';
import {
  originalCharsOf,
  toOriginalEnd,
  toOriginalStart,
} from '../../../src/core/text/offset-mapping';
import { convertToSimplified } from '../../../src/core/text/script-convert';

const GLOSSED = '太原新聞網(wǎng)訊 市長(zhǎng)張新偉出席會(huì)議,強(qiáng)調(diào)要統(tǒng)籌。';

describe('convertToSimplified', () => {
  it('converts traditional characters one by one, length preserved', () => {
    const t = '市委書記韋韜主持召開會議,發展經濟';
    const s = convertToSimplified(t);
    expect(s).toBe('市委书记韦韬主持召开会议,发展经济');
    expect(s.length).toBe(t.length);
  });
  it('folds 巿 (fú), which Hong Kong and Macau pages type for 市', () => {
    expect(convertToSimplified('巿政協主席')).toBe('市政协主席');
  });

  it('folds 陜 and 衞, variants of 陝 and 衛 that traditional pages typeset', () => {
    expect(convertToSimplified('陜西省人大常委會')).toBe('陕西省人大常委会');
    expect(convertToSimplified('衞生健康委員會')).toBe('卫生健康委员会');
  });

  it('folds Taiwan variants into simplified and leaves simplified text alone', () => {
    expect(convertToSimplified('為了')).toBe('为了');
    expect(convertToSimplified('市委书记')).toBe('市委书记');
  });
});

describe('normalize', () => {
  it('strips dense pinyin glosses and maps offsets back', () => {
    const n = normalize(GLOSSED);
    expect(n.pinyinStripped).toBe(true);
    expect(n.text).toBe('太原新闻网讯 市长张新伟出席会议,强调要统筹。');
    const i = n.text.indexOf('张新伟');
    const s = toOriginalStart(n, i);
    const e = toOriginalEnd(n, i + 3);
    expect(GLOSSED.slice(s, e)).toBe('張新偉');
    // A range ending on a glossed character keeps its gloss.
    const j = n.text.indexOf('市长');
    expect(GLOSSED.slice(toOriginalStart(n, j), toOriginalEnd(n, j + 2))).toBe('市長(zhǎng)');
    expect(originalCharsOf(n, j, j + 2)).toBe('市長');
    expect(toOriginalEnd(n, n.text.length)).toBe(GLOSSED.length);
    expect(toOriginalStart(n, 0)).toBe(0);
    // Every normalised character maps onto the same (or the traditional) original character.
    for (let k = 0; k < n.text.length; k++) {
      const o = GLOSSED.charAt(toOriginalStart(n, k));
      expect(o === n.text.charAt(k) || /[\u4e00-\u9fff]/.test(o)).toBe(true);
    }
  });

  it('strips toneless repeated glosses only on a page that shows the pattern', () => {
    const page = `${GLOSSED}市政(zheng)(zheng)府`;
    expect(normalize(page).text.endsWith('市政府')).toBe(true);
  });

  it('strips toneless glosses written with a space after them, once a page has several', () => {
    const page = '自治區黨(dang) 委書(shu) 記孫紹騁主持會(hui) 議,秘書(shu) 長出席。';
    const n = normalize(page);
    expect(n.text).toBe('自治区党委书记孙绍骋主持会议,秘书长出席。');
    expect(n.pinyinStripped).toBe(true);
    // Offsets still map back: 孙绍骋 is where it was in the original.
    const at = n.text.indexOf('孙绍骋');
    expect(originalCharsOf(n, at, at + 3)).toBe('孫紹騁');
    // Three are not enough: a page may have a real parenthesis before a space.
    expect(normalize('會(hui) 議 黨(dang) 委 書(shu) 記').text).toContain('(hui)');
  });

  it('strips toneless glosses between ideographs, once a page has several', () => {
    const page = '區人(ren)大常委會主任程繡(xiu)明,在(zai)“十(shi)四五”規(gui)劃收官之年。';
    const n = normalize(page);
    expect(n.text).toBe('区人大常委会主任程绣明,在“十四五”规划收官之年。');
    expect(n.pinyinStripped).toBe(true);
    expect(normalize('人(ren)大 程繡(xiu)明 十(shi)四五').text).toContain('(ren)');
  });

  it('keeps real parentheses', () => {
    const page = `${GLOSSED}價格(元) 附件(pdf) 各縣(市、區) (記者 張浩) 今(12)日`;
    const t = normalize(page).text;
    for (const kept of ['价格(元)', '附件(pdf)', '各县(市、区)', '(记者 张浩)', '今(12)日']) {
      expect(t).toContain(kept);
    }
  });

  it('does not strip a lone gloss, but strips two (a converted page may gloss only 領導)', () => {
    const one = '網(wǎng)站 說明';
    expect(countPinyinGlosses(one)).toBe(1);
    expect(normalize(one).text).toBe('网(wǎng)站 说明');
    expect(normalize(one).pinyinStripped).toBe(false);
    const two = '縣領(lǐng)導(dǎo)杜光旻出席';
    expect(normalize(two).text).toBe('县领导杜光旻出席');
    expect(normalize(two).pinyinStripped).toBe(true);
  });

  it('converts full-width digits and letters to ASCII', () => {
    const n = normalize('第１１５次会议ＡＢｃ');
    expect(n.text).toBe('第115次会议ABc');
    expect(n.shifts).toBeUndefined();
    expect(toOriginalEnd(n, 4)).toBe(4);
  });

  it('strips glosses written with a space before their closing parenthesis (會(huì )議)', () => {
    const n = normalize('主持召開(kāi)工作例會(huì )。參加會(huì )議。見(pdf )文件');
    expect(n.text).toBe('主持召开工作例会。参加会议。见(pdf )文件');
    expect(n.pinyinStripped).toBe(true);
  });

  it('reads ?h before an ideograph as the 縣 a misdecoding left of it (??h委書記, ?h領(lǐng)導)', () => {
    const n = normalize('會議??h委書記王明主持,?h領導出席。問題?how,?h');
    expect(n.text).toBe('会议??县委书记王明主持,?县领导出席。问题?how,?h');
    // The marks stay and the letter becomes the character: offsets are unchanged.
    expect(n.shifts).toBeUndefined();
    expect(n.text.length).toBe(n.original.length);
  });

  it('returns the input itself (identity map) when nothing changes', () => {
    const s = '市委书记主持召开会议';
    const n = normalize(s);
    expect(n.text).toBe(s);
    expect(n.shifts).toBeUndefined();
    expect(toOriginalEnd(n, 4)).toBe(4);
  });

  it('keeps surrogate pairs whole and survives unpaired surrogates', () => {
    const s = '𠀀書記\uD800記\uDC00者';
    const n = normalize(s);
    expect(n.text.length).toBe(s.length);
    expect(toOriginalStart(n, 1)).toBe(0);
    expect(toOriginalEnd(n, 1)).toBe(2);
    expect(n.text.slice(2, 4)).toBe('书记');
  });

  it('yields while working on long text', () => {
    const text = '會議'.repeat(50_000);
    let yields = 0;
    const steps = normalizeSteps(text);
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(4);
  });
});
