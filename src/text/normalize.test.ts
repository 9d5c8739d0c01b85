import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { maskPersonalNumbers, normalize, toHalfWidth, toSimplified } from './normalize.js';
import { tokenize } from './tokenize.js';

describe('normalisation', () => {
  it('turns traditional into simplified Chinese', () => {
    expect(normalize('區委執行力問題')).toBe('区委执行力问题');
    expect(normalize('臺灣的麵包很好吃，我們答覆了')).toBe('台湾的面包很好吃,我们答复了');
  });

  it('leaves mainland text as it is, the lone 么 included', () => {
    // The Taiwan preset of OpenCC turns it into 幺; plain traditional → simplified does not.
    expect(toSimplified('要么去，要么不去，么')).toBe('要么去，要么不去，么');
    expect(toSimplified('小区停水两天，物业不管')).toBe('小区停水两天，物业不管');
  });

  it('skips the converter only when it could not change the text', () => {
    const full = OpenCC.ConverterFactory(...OpenCC.Locale.to.cn);
    for (const s of ['我們答覆了', '意志消沈', '瞭解情况', '乾淨', '藉口', '一坏土', '反覆', '普通的简体中文句子，没有繁体字', '沈阳市']) {
      expect(toSimplified(s)).toBe(full(s));
    }
  });

  it('drops the pinyin glosses converted web pages insert after characters', () => {
    expect(normalize('執(zhí)行力')).toBe('执行力');
    expect(normalize('區(qū)委')).toBe('区委');
    expect(normalize('提高执（zhi2）行力')).toBe('提高执行力');
    // Brackets that are not a gloss stay.
    expect(normalize('幸福小区(3栋)停水')).toBe('幸福小区(3栋)停水');
  });

  it('folds full-width letters, digits and punctuation, markup and white space', () => {
    expect(toHalfWidth('ＡＢＣ１２３！　')).toBe('ABC123! ');
    expect(normalize('<p>A市&nbsp;A3区</p>\n\n  楼道灯　坏了')).toBe('A市 A3区 楼道灯 坏了');
  });

  it('masks phone and ID numbers before text is kept for learning', () => {
    const masked = maskPersonalNumbers('来电人13800001234，身份证430102198805061234，座机0731-84567890');
    expect(masked).toBe('来电人<手机号>，身份证<身份证号>，座机<电话>');
    expect(maskPersonalNumbers('门牌号1201，面积88平方')).toBe('门牌号1201，面积88平方');
  });
});

describe('tokenisation', () => {
  it('keeps the words of the domain dictionary whole', () => {
    const words = tokenize('来电人反映小区物业费太高，街道占道经营严重');
    expect(words).toContain('来电人');
    expect(words).toContain('物业费');
    expect(words).toContain('占道经营');
  });

  it('drops stop words and punctuation, normalises first', () => {
    expect(tokenize('我們的小區停電了！')).toEqual(['小区', '停电']);
  });
});
