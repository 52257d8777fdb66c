/** Everything an entry page shows, read from IndexedDB. */
import type { Term } from '../bundle/types';
import { citationOf, type DocumentCitation } from './corpus';
import type { PuenteDB } from './database';
import type { Note } from './types';

/** An entry's excerpts from one document. */
export interface DocumentExcerpts {
  doc: DocumentCitation;
  passages: { id: string; paragraph: number; text: string; marks: [number, number][] }[];
}

/** An entry with its corpus excerpts grouped by document, related entries and notes. */
export interface EntryPageData {
  term: Term;
  related: Pick<Term, 'id' | 'kind' | 'en' | 'zh' | 'es'>[];
  sources: DocumentExcerpts[];
  notes: Note[];
}

/** Reads an entry page's data, or null for an unknown id. */
export async function entryPageData(db: PuenteDB, id: string): Promise<EntryPageData | null> {
  const term = await db.terms.get(id);
  if (!term) return null;
  const [mentions, relatedRows, notes] = await Promise.all([
    db.mentions.where('termId').equals(id).toArray(),
    db.terms.bulkGet(term.related),
    db.notes.where('termId').equals(id).toArray(),
  ]);
  const passages = await db.passages.bulkGet([...new Set(mentions.map((m) => m.passageId))]);
  const docs = await db.documents.bulkGet([...new Set(mentions.map((m) => m.docId))]);
  const sources: DocumentExcerpts[] = [];
  for (const doc of docs) {
    if (!doc) continue;
    const own = passages
      .filter((p) => p?.docId === doc.id)
      .map((p) => p!)
      .sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
    sources.push({
      doc: citationOf(doc),
      passages: own.map((p) => ({
        id: p.id,
        paragraph: p.paragraph,
        text: p.text,
        marks: mentions
          .filter((m) => m.passageId === p.id)
          .map((m): [number, number] => [m.start, m.end])
          .sort((a, b) => a[0] - b[0]),
      })),
    });
  }
  sources.sort((a, b) => b.passages.length - a.passages.length);
  return {
    term,
    related: relatedRows
      .filter((t): t is Term => !!t)
      .map(({ id: rid, kind, en, zh, es }) => ({ id: rid, kind, en, zh, es })),
    sources,
    notes: notes.sort((a, b) => b.createdAt - a.createdAt),
  };
}
