/**
 * Word lists behind the glossary's validation rules (docs/GLOSSARY.md). They encode what was
 * measured on real pages: short or ordinary words as aliases flood a page with false hits
 * ("UN" in "un", "US" in "us", 发展 everywhere).
 */
import { isHanText, LATIN } from '../match/boundaries';

/** Ordinary English and Spanish words that must never be a surface form on their own. */
export const ORDINARY_WORDS = new Set(
  `a an and are as at be by for from has he in is it its of on or that the to was were will with
  us who un una uno unos el la los las de del y en por para con al lo se su sus es que mas
  plan plans forum foro summit cumbre meeting reunion bank banco fund fondo initiative iniciativa
  cooperation cooperacion partnership asociacion development desarrollo declaration declaracion
  program programme programa center centre centro council consejo party partido state estado
  china chinese america american latin region world people government president
  minister ministry ministro ministerio union trade comercio south sur north norte new nuevo
  community comunidad belt road ruta franja silk seda`
    .split(/\s+/)
    .filter(Boolean),
);

/** Generic Chinese words that drown real terms when used as aliases. */
export const GENERIC_CHINESE = new Set(
  `发展 合作 国家 中国 论坛 会议 关系 伙伴 伙伴关系 倡议 计划 经济 政治 人民 世界 地区 国际 主席
  总统 部长 外长 政府 银行 基金 宣言 峰会 领导人 共同体 战略 对话 机制 拉美国家 中方 双方`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Text that must produce no match at all: real words that contain glossary acronyms or short
 * names inside them, in English, Spanish and Czech (from the pages measured in design.md).
 */
export const TRAP_TEXT = [
  'black place relaciones placement Blackrock lactose',
  'bringing abrirá brick Bristol British bribery fabric',
  'country unanimous unit uno unos una un',
  'who whole us use user thus bus',
  'Ukázali caffeine cafeteria café escafandra',
  'celacanto apecific capecitabine',
  'el país de los centroamericanos',
].join('\n');

// Kept with the matcher, which the content script bundles: importing it from here brought
// these word lists into the content script (the bundler keeps `new Set(...split())`).
export { isAcronym } from '../match/boundaries';

/** Whether a form is Latin-script. */
export function isLatinForm(form: string): boolean {
  return LATIN.test(form) && !isHanText(form);
}

const PINYIN_SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|a|e|i|o|u|v)$/;

/** Checks a pinyin string syllable by syllable; returns the bad syllables. */
export function badPinyinSyllables(pinyin: string): string[] {
  const plain = pinyin.toLowerCase().replace(/ü/g, 'v').normalize('NFD').replace(/\p{M}/gu, '');
  // Punctuation, quotes and numbers inside names ("“一带一路”", "1+3+6") are kept as written.
  const words = plain.split(/[^a-z]+/).filter(Boolean);
  return words.filter((word) => !segmentsAsPinyin(word));
}

/** Whether a run of letters can be split into valid pinyin syllables. */
function segmentsAsPinyin(word: string): boolean {
  if (word === '') return true;
  for (let len = Math.min(6, word.length); len >= 1; len--) {
    if (PINYIN_SYLLABLE.test(word.slice(0, len)) && segmentsAsPinyin(word.slice(len))) return true;
  }
  return false;
}
