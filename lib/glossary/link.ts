/**
 * Links the glossary to the corpus (build time): finds every mention of every entry with the
 * same matcher the pages use, and ranks the mentions of each entry for the hover card.
 */
import type { CorpusDocument, Mention, Passage, Term } from '../bundle/types';
import { matchingText } from '../corpus/compile';
import { buildMatcher } from '../match/forms';
import { normalizeForm } from '../text/normalize';

/** Finds and ranks mentions; sets `mentionCount` on each term. */
export function linkCorpus(
  terms: Term[],
  documents: readonly CorpusDocument[],
  passages: readonly Passage[],
): Mention[] {
  const matcher = buildMatcher(terms);
  const byParagraph = new Map<string, Passage[]>();
  for (const p of passages) {
    const key = `${p.docId}:${p.paragraph}`;
    const list = byParagraph.get(key) ?? [];
    list.push(p);
    byParagraph.set(key, list);
  }
  const found: Omit<Mention, 'rank'>[] = [];
  for (const doc of documents) {
    for (const para of doc.paragraphs) {
      const list = byParagraph.get(`${doc.id}:${para.index}`) ?? [];
      for (const m of matcher.match(matchingText(doc, para.index))) {
        const passage = list.find((p) => m.start >= p.start && m.end <= p.end);
        if (!passage) continue; // a mention across two sentences: not an excerpt
        const term = terms[m.entry]!;
        const start = m.start - passage.start;
        found.push({
          id: `${term.id}@${passage.id}:${start}`,
          termId: term.id,
          docId: doc.id,
          passageId: passage.id,
          start,
          end: m.end - passage.start,
        });
      }
    }
  }
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const mentions: Mention[] = [];
  for (const term of terms) {
    const own = found.filter((m) => m.termId === term.id);
    term.mentionCount = own.length;
    mentions.push(...rank(term, own, passageById));
  }
  return mentions;
}

/**
 * Ranks an entry's mentions for the card: the best sentence of each document first (so two
 * or three excerpts come from different sources), preferring sentences of readable length
 * that use the entry's full name; repeats within one sentence come last.
 */
function rank(
  term: Term,
  mentions: Omit<Mention, 'rank'>[],
  passages: ReadonlyMap<string, Passage>,
): Mention[] {
  const names = new Set([term.en.name, term.zh.name, term.es.name].map((n) => normalizeForm(n).folded));
  const seen = new Set<string>();
  const scored = mentions.map((m, order) => {
    const passage = passages.get(m.passageId)!;
    const surface = normalizeForm(passage.text.slice(m.start, m.end)).folded;
    const len = passage.text.length;
    let score = 0;
    if (names.has(surface)) score += 2;
    if (len >= 60 && len <= 320) score += 2;
    else if (len >= 30) score += 1;
    if (surface.length >= 8) score += 1;
    const repeat = seen.has(m.passageId);
    seen.add(m.passageId);
    return { m, score: repeat ? -10 : score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  // Round-robin across documents: each document's best first, then the second best, ...
  const perDoc = new Map<string, typeof scored>();
  for (const s of scored) {
    const list = perDoc.get(s.m.docId) ?? [];
    list.push(s);
    perDoc.set(s.m.docId, list);
  }
  const queues = [...perDoc.values()].sort((a, b) => b[0]!.score - a[0]!.score || a[0]!.order - b[0]!.order);
  const out: Mention[] = [];
  for (let round = 0; out.length < mentions.length; round++) {
    const layer = queues.map((q) => q[round]).filter((s): s is (typeof scored)[number] => !!s);
    layer.sort((a, b) => b.score - a.score || a.order - b.order);
    for (const s of layer) out.push({ ...s.m, rank: out.length });
  }
  return out;
}
