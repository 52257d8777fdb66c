/** The marks of a corpus document for the reader: every glossary mention, by paragraph. */
import type { TermKind } from '../bundle/types';
import type { PuenteDB } from './database';

/** A glossary mention inside a paragraph (offsets in the paragraph's text). */
export interface ReaderMark {
  start: number;
  end: number;
  termId: string;
  kind: TermKind;
  name: string;
}

/** Mentions of a document mapped to paragraph offsets, sorted. */
export async function readerMarks(db: PuenteDB, docId: string): Promise<Map<number, ReaderMark[]>> {
  const [mentions, passages] = await Promise.all([
    db.mentions.where('docId').equals(docId).toArray(),
    db.passages.where('docId').equals(docId).toArray(),
  ]);
  const terms = await db.terms.bulkGet([...new Set(mentions.map((m) => m.termId))]);
  const termById = new Map(terms.filter((t) => !!t).map((t) => [t.id, t]));
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const marks = new Map<number, ReaderMark[]>();
  for (const m of mentions) {
    const p = passageById.get(m.passageId);
    const t = termById.get(m.termId);
    if (!p || !t) continue;
    const list = marks.get(p.paragraph) ?? [];
    list.push({
      start: p.start + m.start,
      end: p.start + m.end,
      termId: t.id,
      kind: t.kind,
      name: t.en.name,
    });
    marks.set(p.paragraph, list);
  }
  for (const list of marks.values()) list.sort((a, b) => a.start - b.start);
  return marks;
}
