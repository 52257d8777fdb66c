/** Choosing among a glossary entry's languages for the interface's language. */
import type { Lang } from '../bundle/types';

/** The text in a language, falling back to English where the glossary has none. */
export function pick(texts: { en: string; zh: string; es?: string | undefined }, lang: Lang): string {
  return (lang === 'en' ? texts.en : lang === 'zh' ? texts.zh : texts.es) || texts.en;
}

/** The three languages with one first: the order names are shown in. */
export function languagesFrom(first: Lang): Lang[] {
  return [first, ...(['en', 'zh', 'es'] as const).filter((l) => l !== first)];
}

/** The `lang` attribute for text in a glossary language. */
export function langAttribute(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : lang;
}
