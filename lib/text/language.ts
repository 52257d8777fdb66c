/** Language guessing for corpus documents and page text. */
import type { Lang } from '../bundle/types';

/** Guesses the language of a text from its script and common words. */
export function detectLanguage(text: string): Lang {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (han > text.length * 0.2) return 'zh';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (w === 'el' || w === 'los' || w === 'las' || w === 'del' || w === 'que' || w === 'y') es++;
    if (w === 'the' || w === 'and' || w === 'of' || w === 'is' || w === 'to') en++;
  }
  return es > en ? 'es' : 'en';
}

/** The language of a page from its lang attribute, or guessed from a sample of its text. */
export function pageLanguage(langAttr: string | null | undefined, sample: string): Lang {
  const tag = (langAttr ?? '').toLowerCase();
  if (tag.startsWith('zh')) return 'zh';
  if (tag.startsWith('es')) return 'es';
  if (tag.startsWith('en')) return 'en';
  return detectLanguage(sample);
}
