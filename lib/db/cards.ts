/** What the hover card shows of an entry, read in one go from IndexedDB. */
import type { Term } from '../bundle/types';
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

/**
 * The card data of an entry, or null when there is no such entry. Three reads at once (the entry,
 * its mentions, its notes), then two (the excerpts' passages with their neighbours, and their
 * documents): a read after each other for every excerpt made the slowest cards twice as slow.
 */
export async function cardData(db: PuenteDB, id: string, limit = 3): Promise<CardData | null> {
  return db.transaction('r', [db.terms, db.mentions, db.passages, db.documents, db.notes], async () => {
    const [term, mentions, notes] = await Promise.all([
      db.terms.get(id),
      db.mentions.where('[termId+rank]').between([id, 0], [id, Infinity]).toArray(),
      countNotesOfTerm(db, id),
    ]);
    if (!term) return null;
    const passageIds = new Set(mentions.map((m) => m.passageId));
    const seen = new Set<string>();
    const best = mentions.filter((m) => !seen.has(m.passageId) && seen.add(m.passageId)).slice(0, limit);
    // A passage's id says where it is (document:paragraph:index): its neighbours' ids follow.
    const ids = best.flatMap((m) => [m.passageId, neighbourId(m.passageId, -1), neighbourId(m.passageId, 1)]);
    const [passages, docs] = await Promise.all([
      db.passages.bulkGet(ids),
      db.documents.bulkGet(best.map((m) => m.docId)),
    ]);
    const excerpts: CardExcerpt[] = [];
    best.forEach((m, i) => {
      const passage = passages[i * 3];
      const doc = docs[i];
      if (!passage || !doc) return;
      excerpts.push({
        passageId: passage.id,
        text: passage.text,
        start: m.start,
        end: m.end,
        before: passages[i * 3 + 1]?.text ?? null,
        after: passages[i * 3 + 2]?.text ?? null,
        doc: citationOf(doc),
      });
    });
    return { term, excerpts, more: Math.max(0, passageIds.size - excerpts.length), notes };
  });
}

/** The id of the passage `step` sentences away in the same paragraph. */
function neighbourId(passageId: string, step: number): string {
  const cut = passageId.lastIndexOf(':');
  return `${passageId.slice(0, cut)}:${Number(passageId.slice(cut + 1)) + step}`;
}
