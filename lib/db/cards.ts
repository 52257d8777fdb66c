/** What the hover card shows of an entry, read in one go from IndexedDB. */
import type { Passage, Term } from '../bundle/types';
import { citationOf, type DocumentCitation } from './corpus';
import type { PuenteDB } from './database';
import { countNotesOfTerm } from './notes';

/** A corpus excerpt: the sentence with the mention, its neighbours, and its source. */
export interface CardExcerpt {
  passageId: string;
  text: string;
  /** The mention's offsets in `text`. */
  start: number;
  end: number;
  before: string | null;
  after: string | null;
  doc: DocumentCitation;
}

/** The card's data. */
export interface CardData {
  term: Term;
  excerpts: CardExcerpt[];
  /** Sentences with a mention beyond those shown. */
  more: number;
  notes: number;
}

/** The card data of an entry, or null when there is no such entry. */
export async function cardData(db: PuenteDB, id: string, limit = 3): Promise<CardData | null> {
  return db.transaction('r', [db.terms, db.mentions, db.passages, db.documents, db.notes], async () => {
    const term = await db.terms.get(id);
    if (!term) return null;
    const mentions = await db.mentions.where('[termId+rank]').between([id, 0], [id, Infinity]).toArray();
    const passages = new Set(mentions.map((m) => m.passageId));
    const best = mentions
      .filter((m, i) => mentions.findIndex((o) => o.passageId === m.passageId) === i)
      .slice(0, limit);
    const excerpts: CardExcerpt[] = [];
    for (const m of best) {
      const passage = await db.passages.get(m.passageId);
      const doc = await db.documents.get(m.docId);
      if (!passage || !doc) continue;
      excerpts.push({
        passageId: passage.id,
        text: passage.text,
        start: m.start,
        end: m.end,
        before: (await neighbour(db, passage, -1))?.text ?? null,
        after: (await neighbour(db, passage, 1))?.text ?? null,
        doc: citationOf(doc),
      });
    }
    return {
      term,
      excerpts,
      more: Math.max(0, passages.size - excerpts.length),
      notes: await countNotesOfTerm(db, id),
    };
  });
}

function neighbour(db: PuenteDB, p: Passage, step: number): Promise<Passage | undefined> {
  return db.passages.get(`${p.docId}:${p.paragraph}:${p.index + step}`);
}
