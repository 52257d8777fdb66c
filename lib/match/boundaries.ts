/**
 * Unicode-aware word characters for boundaries.
 *
 * JavaScript's `\b` knows only ASCII letters ("UK" matched inside Czech "Ukázali"), so a word
 * character here is any letter, mark or digit of any script — except CJK ideographs and kana,
 * which count as boundaries: "中国与CELAC国家" is a real mention of CELAC.
 */
const WORD = /[\p{L}\p{M}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;

// 0 = not yet known, 1 = word, 2 = not word. Filled lazily so startup costs nothing.
const table = new Uint8Array(0x10000);

/** Whether a UTF-16 unit is part of a word for boundary purposes. */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  }
  let v = table[c]!;
  if (v === 0) {
    // Surrogates: treat as word characters (astral letters are rare in news text).
    const ch = String.fromCharCode(c);
    v = (c >= 0xd800 && c <= 0xdfff) || (WORD.test(ch) && !CJK.test(ch)) ? 1 : 2;
    table[c] = v;
  }
  return v === 1;
}

/** Whether a string is written in Chinese characters (no boundaries needed). */
export function isHanText(s: string): boolean {
  return /\p{Script=Han}/u.test(s) && !LATIN.test(s);
}

/** Latin letters (any accents). */
export const LATIN = /\p{Script=Latin}/u;

/** Whether a form is written in capitals (an acronym, matched case-exactly as a whole word). */
export function isAcronym(form: string): boolean {
  return !/\s/.test(form) && LATIN.test(form) && !/\p{Ll}/u.test(form) && /\p{Lu}/u.test(form);
}
