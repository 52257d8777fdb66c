/**
 * What the hover card shows of an entry. The corpus part of every card (its excerpts with their
 * neighbours and sources) is made once, when the bundle is seeded, and kept in the `cards` table:
 * a card is then three reads at once (the entry, its card row, its notes' count). Made on each
 * hover, it took two rounds of reads, one of them a dozen records: 1.5 ms (median) and 5 ms (p95)
 * in the service worker against 0.7 and 2.1 ms (docs/PERFORMANCE.md, eighth round).
 */
import type { Bundle, CorpusDocument, Mention, Passage, Term } from '../bundle/types';
import { citationOf, type DocumentCitation } from './corpus';
import type { PuenteDB } from './database';
import { countNotesOfTerm } from './notes';

/** How many excerpts a card shows at most. */
export const CARD_EXCERPTS = 3;

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

/** A row of the `cards` table: the corpus part of an entry's card. */
export interface CardRow {
  termId: string;
  /** The best excerpts, one per sentence, at most CARD_EXCERPTS. */
  excerpts: CardExcerpt[];
  /** How many sentences of the corpus mention the entry. */
  passages: number;
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
 * The card rows of a bundle, one per entry: its mentions by rank, the first of each sentence,
 * each with the sentences before and after it in the same paragraph.
 */
export function buildCardRows(
  bundle: Pick<Bundle, 'documents' | 'passages' | 'terms' | 'mentions'>,
): CardRow[] {
  const passages = new Map<string, Passage>(bundle.passages.map((p) => [p.id, p]));
  const docs = new Map<string, CorpusDocument>(bundle.documents.map((d) => [d.id, d]));
  const byTerm = new Map<string, Mention[]>();
  for (const m of bundle.mentions) {
    const list = byTerm.get(m.termId);
    if (list) list.push(m);
    else byTerm.set(m.termId, [m]);
  }
  return bundle.terms.map((term) => {
    const mentions = (byTerm.get(term.id) ?? []).sort((a, b) => a.rank - b.rank);
    const seen = new Set<string>();
    const excerpts: CardExcerpt[] = [];
    for (const m of mentions) {
      if (seen.has(m.passageId)) continue;
      seen.add(m.passageId);
      const passage = passages.get(m.passageId);
      const doc = docs.get(m.docId);
      if (excerpts.length >= CARD_EXCERPTS || !passage || !doc) continue;
      excerpts.push({
        passageId: passage.id,
        text: passage.text,
        start: m.start,
        end: m.end,
        before: passages.get(neighbourId(passage.id, -1))?.text ?? null,
        after: passages.get(neighbourId(passage.id, 1))?.text ?? null,
        doc: citationOf(doc),
      });
    }
    return { termId: term.id, excerpts, passages: seen.size };
  });
}

/** The card data of an entry, or null when there is no such entry. */
export async function cardData(db: PuenteDB, id: string, limit = CARD_EXCERPTS): Promise<CardData | null> {
  return db.transaction('r', [db.terms, db.cards, db.notes], async () => {
    const [term, row, notes] = await Promise.all([
      db.terms.get(id),
      db.cards.get(id),
      countNotesOfTerm(db, id),
    ]);
    if (!term) return null;
    const excerpts = row?.excerpts.slice(0, limit) ?? [];
    return { term, excerpts, more: Math.max(0, (row?.passages ?? 0) - excerpts.length), notes };
  });
}

/** The id of the passage `step` sentences away in the same paragraph (`doc:paragraph:index`). */
function neighbourId(passageId: string, step: number): string {
  const cut = passageId.lastIndexOf(':');
  return `${passageId.slice(0, cut)}:${Number(passageId.slice(cut + 1)) + step}`;
}
