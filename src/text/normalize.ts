/**
 * Text as people typed it, made comparable: traditional to simplified, full-width to half-width, markup
 * and runs of white space removed, and the pinyin some converted web pages insert after characters
 * (執(zhí)行力 → 执行力) dropped. Personal numbers are masked before text is kept for learning.
 */
import * as OpenCC from 'opencc-js';

// Plain traditional → simplified (OpenCC's TSPhrases + TSCharacters). The 'tw' preset was measured
// and dropped: its Taiwan-variant step turns a lone 么 of mainland text into 幺.
const TO_CN = OpenCC.Locale.to.cn;
const toSimplifiedFull = OpenCC.ConverterFactory(...TO_CN);

// One byte per code point of the Basic Multilingual Plane and the two above it (192 KiB): a lookup
// per character, several times faster than a Set.
let triggers: Uint8Array | undefined;

/**
 * The characters that can make the conversion change a text: every traditional character, and the
 * characters that change only inside a phrase (覆 in 答覆 → 答复). Nine in ten messages contain none
 * of them and skip the converter, which costs more than everything else the pipeline does.
 */
function conversionTriggers(): Uint8Array {
  if (triggers) return triggers;
  const set = new Set<number>();
  const phrases: string[] = [];
  for (const group of TO_CN) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from, to] of entries) {
        if (!from || from === to) continue;
        if ([...from].length === 1) set.add(from.codePointAt(0)!);
        else phrases.push(from);
      }
    }
  }
  for (const phrase of phrases) {
    const before = [...phrase];
    if (before.some((c) => set.has(c.codePointAt(0)!))) continue;
    const after = [...toSimplifiedFull(phrase)];
    before.forEach((c, i) => { if (c !== after[i]) set.add(c.codePointAt(0)!); });
  }
  triggers = new Uint8Array(0x30000);
  for (const c of set) if (c < triggers.length) triggers[c] = 1;
  return triggers;
}

export function toSimplified(text: string): string {
  const t = conversionTriggers();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair: the code point above the BMP decides (those beyond 0x2ffff never convert).
    const point = code >= 0xd800 && code < 0xdc00 ? text.codePointAt(i++)! : code;
    if (point < 0x30000 && t[point] === 1) return toSimplifiedFull(text);
  }
  return text;
}

// A syllable of Hanyu Pinyin with tone marks or a tone number, in brackets right after a character.
const PINYIN_GLOSS = /([\u3400-\u9fff])[(（]\s*[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,7}[1-5]?\s*[)）]/g;
const TAGS = /<[^>]{0,200}>/g;
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/g;

/** Full-width ASCII variants (！ to ～) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

export function normalize(text: string): string {
  let s = text.includes('<') ? text.replace(TAGS, ' ') : text;
  if (s.includes('&')) s = s.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? ' ');
  s = toSimplified(s);
  // Pinyin glosses come in brackets of either width: strip them before the brackets are folded.
  s = s.replace(PINYIN_GLOSS, '$1');
  s = toHalfWidth(s);
  return s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

// Mainland mobile numbers, landlines with area codes, and 18-character resident ID numbers.
const ID_NUMBER = /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])/g;
const LANDLINE = /(?<![0-9])0[1-9][0-9]{1,2}[- ]?[0-9]{7,8}(?![0-9])/g;

/** Personal numbers replaced by placeholders, so what is stored for learning identifies nobody. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(ID_NUMBER, '<身份证号>').replace(MOBILE, '<手机号>').replace(LANDLINE, '<电话>');
}
