/**
 * Finding saved notes again on their page: exactly with the text around the quote, then the
 * quote alone, then approximately (its beginning and end close together), all on normalised
 * text (case, accents, dashes, quotes and white space folded). Quotes that are not found are
 * reported, never dropped.
 */
import type { Note } from '../db/types';
import { normalizeCodes, normalizeForm } from '../text/normalize';
import { locate, textRuns, type TextRun, type WalkOptions } from './runs';

/** A note and where it stands on the page now. */
export interface Anchor {
  note: Note;
  range: Range | null;
  how: 'context' | 'exact' | 'approximate' | null;
}

function codesToString(codes: Uint16Array): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.subarray(i, i + 4096));
  return s;
}

/** Anchors every note with a quote in the page under `root`. */
export function anchorNotes(root: Node, notes: readonly Note[], options: WalkOptions = {}): Anchor[] {
  const runs: TextRun[] = [...textRuns(root, { exclude: options.exclude })];
  const runStarts: number[] = [];
  let joined = '';
  for (const r of runs) {
    runStarts.push(joined.length);
    joined += `${r.text}\n`;
  }
  const norm = normalizeCodes(joined);
  const hay = codesToString(norm.folded);
  const doc = root.ownerDocument ?? (root as Document);

  // Normalised offsets → a DOM range (possibly across runs).
  const toRange = (from: number, to: number): Range | null => {
    const start = norm.starts[from];
    const end = norm.ends[to - 1];
    if (start === undefined || end === undefined) return null;
    const at = (offset: number, isEnd: boolean) => {
      let i = runStarts.length - 1;
      while (i > 0 && runStarts[i]! > offset - (isEnd ? 1 : 0)) i--;
      const run = runs[i]!;
      return locate(run, Math.min(offset - runStarts[i]!, run.text.length), isEnd);
    };
    const a = at(start, false);
    const b = at(end, true);
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  };

  return notes.map((note): Anchor => {
    if (!note.quote) return { note, range: null, how: null };
    const exact = normalizeForm(note.quote.exact).folded;
    if (!exact) return { note, range: null, how: null };
    const prefix = normalizeForm(note.quote.prefix).folded;
    const suffix = normalizeForm(note.quote.suffix).folded;
    const squeeze = (x: string) => x.replace(/ /g, '');
    const before = squeeze(prefix);
    const after = squeeze(suffix);
    let first = -1;
    for (let at = hay.indexOf(exact); at >= 0; at = hay.indexOf(exact, at + 1)) {
      if (first < 0) first = at;
      // The text around matches too (spaces aside): this is the very place the note was taken.
      const left = squeeze(hay.slice(Math.max(0, at - prefix.length - 8), at));
      const right = squeeze(hay.slice(at + exact.length, at + exact.length + suffix.length + 8));
      if (left.endsWith(before) && right.startsWith(after)) {
        return { note, range: toRange(at, at + exact.length), how: 'context' };
      }
    }
    if (first >= 0) return { note, range: toRange(first, first + exact.length), how: 'exact' };
    // Approximately: the first and last words still there, about as far apart as before.
    const head = exact.slice(0, Math.min(24, Math.ceil(exact.length / 3)));
    const tail = exact.slice(-Math.min(24, Math.ceil(exact.length / 3)));
    for (let h = hay.indexOf(head); h >= 0; h = hay.indexOf(head, h + 1)) {
      const t = hay.indexOf(tail, h + head.length);
      if (t >= 0 && t + tail.length - h <= exact.length * 1.5) {
        return { note, range: toRange(h, t + tail.length), how: 'approximate' };
      }
    }
    return { note, range: null, how: null };
  });
}
