/** Read access to the corpus tables, shared by the background and extension pages. */
import type { CorpusDocument, Passage } from '../bundle/types';
import type { PuenteDB } from './database';
import type { MetaRow } from './types';

/** What the side panel lists for a document. */
export type DocumentSummary = Omit<CorpusDocument, 'paragraphs' | 'removed' | 'artefacts'>;

/** The state of the seeded corpus. */
export interface CorpusStatus {
  ready: boolean;
  hash: string | null;
  seededAt: number | null;
  counts: MetaRow['counts'] | null;
}

/** Documents sorted by date, newest first (approximate dates count too). */
export async function listDocuments(db: PuenteDB): Promise<DocumentSummary[]> {
  const docs = await db.documents.toArray();
  return docs
    .map(({ paragraphs: _p, removed: _r, artefacts: _a, ...summary }) => summary)
    .sort((a, b) => (b.date ?? b.dateApprox ?? '').localeCompare(a.date ?? a.dateApprox ?? ''));
}

/** One document with its paragraphs, or null. */
export async function getDocument(db: PuenteDB, id: string): Promise<CorpusDocument | null> {
  return (await db.documents.get(id)) ?? null;
}

/** The sentences of a document in reading order. */
export async function passagesOfDocument(db: PuenteDB, docId: string): Promise<Passage[]> {
  const list = await db.passages.where('docId').equals(docId).toArray();
  return list.sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
}

/** Whether the corpus is seeded, and from which bundle. */
export async function corpusStatus(db: PuenteDB): Promise<CorpusStatus> {
  const meta = await db.meta.get('bundle');
  return {
    ready: !!meta,
    hash: meta?.hash ?? null,
    seededAt: meta?.seededAt ?? null,
    counts: meta?.counts ?? null,
  };
}

/** The fields of a document that cite it under an excerpt. */
export type DocumentCitation = Pick<
  CorpusDocument,
  'id' | 'title' | 'author' | 'date' | 'dateApprox' | 'publisher'
>;

/** A document's citation fields. */
export function citationOf(doc: CorpusDocument): DocumentCitation {
  const { id, title, author, date, dateApprox, publisher } = doc;
  return { id, title, author, date, dateApprox, publisher };
}
