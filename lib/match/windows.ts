/**
 * Matching a long text in bounded windows, so that a multi-megabyte text node is never one long
 * task: the caller can pause between windows. Gives what `Automaton.match` gives on the whole
 * text: each window owns the candidates that start in it and reads far enough past its end to
 * see them whole (no match is longer than the longest pattern), and the leftmost-longest
 * resolution carries over from one window to the next.
 */
import { normalizeCodes } from '../text/normalize';
import type { Automaton, Match, ResolveState } from './automaton';

/** Source characters per window: about a millisecond of matching. */
export const WINDOW = 16_384;

/** Context read before a window so that boundaries and white space fold as in the whole text. */
const BEFORE = 8;

/**
 * Yields the matches of `text` window by window, in source offsets and in order. The last match
 * of a window is held back until the next window cannot extend it any more.
 */
export function* matchWindows(automaton: Automaton, text: string, window = WINDOW): Generator<Match[]> {
  // A window owns candidates starting before the unit `margin` units from its end: all of such
  // a candidate is inside the window, with the character after it for the boundary check.
  const margin = automaton.longest + BEFORE;
  const state: ResolveState = { until: 0, last: null };
  let held: Match | null = null;
  let from = 0;
  let size = window;
  while (from < text.length) {
    const lo = Math.max(0, from - BEFORE);
    const hi = Math.min(text.length, from + size);
    const codes = normalizeCodes(text.slice(lo, hi));
    let own = text.length;
    if (hi < text.length) {
      const k = codes.length - margin;
      own = k > 0 ? lo + codes.starts[k]! : -1;
      // Mostly white space (which folds away): read a longer window.
      if (own <= from) {
        size *= 2;
        continue;
      }
    }
    size = window;
    const found = automaton.candidates(codes);
    const owned: number[] = [];
    for (let i = 0; i < found.length; i += 3) {
      const start = lo + codes.starts[found[i]!]!;
      if (start < from || start >= own) continue;
      owned.push(start, lo + codes.ends[found[i + 1]! - 1]!, found[i + 2]!);
    }
    const taken = automaton.resolve(owned, state);
    const out = held && held !== state.last ? [held] : [];
    for (const m of taken) if (m !== state.last) out.push(m);
    held = state.last;
    from = own;
    yield out;
  }
  if (held) yield [held];
}
