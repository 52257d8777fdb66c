/** Searching, sorting and filtering the notes list (a substring search: instant and exact). */
import type { Note } from '../db/types';
import { siteOf } from '../settings';

export type NoteSort = 'newest' | 'oldest' | 'entry' | 'page';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Notes matching every word of `query` in their text, tags, quote, entry name or site. */
export function filterNotes(
  notes: readonly Note[],
  query: string,
  termName: (id: string) => string | undefined,
  only: { termId?: string; url?: string } = {},
): Note[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return notes.filter((n) => {
    if (only.termId && n.termId !== only.termId) return false;
    if (only.url && n.url !== only.url) return false;
    if (words.length === 0) return true;
    const hay = fold(
      [
        n.text,
        n.tags.join(' '),
        n.quote?.exact ?? '',
        n.termId ? (termName(n.termId) ?? '') : '',
        n.url ? (siteOf(n.url) ?? '') : '',
        n.title ?? '',
      ].join(' '),
    );
    return words.every((w) => hay.includes(w));
  });
}

/** Sorted copy of the notes. */
export function sortNotes(
  notes: readonly Note[],
  by: NoteSort,
  termName: (id: string) => string | undefined,
  locale = 'en',
): Note[] {
  const list = [...notes];
  // Chinese names sort by pinyin, as dictionaries do.
  const collator = new Intl.Collator(locale.startsWith('zh') ? 'zh-u-co-pinyin' : locale, {
    sensitivity: 'base',
  });
  switch (by) {
    case 'oldest':
      return list.sort((a, b) => a.createdAt - b.createdAt);
    case 'entry':
      return list.sort(
        (a, b) =>
          collator.compare(
            a.termId ? (termName(a.termId) ?? '') : '~',
            b.termId ? (termName(b.termId) ?? '') : '~',
          ) || b.createdAt - a.createdAt,
      );
    case 'page':
      return list.sort((a, b) => collator.compare(a.url ?? '~', b.url ?? '~') || b.createdAt - a.createdAt);
    default:
      return list.sort((a, b) => b.createdAt - a.createdAt);
  }
}

/** A URL that is safe to put in a link: web pages only (imported files are not trusted). */
export function safeUrl(url: string | null): string | null {
  return url && /^(?:https?|file):/i.test(url) ? url : null;
}
