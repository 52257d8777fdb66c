/**
 * The sentence on the page around a mention, clipped sensibly when it is very long.
 *
 * Written here instead of using Intl.Segmenter (which the corpus compiler uses): the first
 * sentence segmenter a page's renderer makes costs 17–77 ms (ICU loads its data), a long
 * task on the first hover of every page; and the segmenter reads the run from its start, up
 * to megabytes in one text node. This looks only at the text around the mention and breaks
 * where ICU does on news text: after . ! ? and their CJK forms (and closing quotes or brackets
 * after them), before white space and anything but a lower-case letter, and not after an
 * abbreviation ("Mr.", "Dr.", an initial), which ICU gets wrong.
 */
import { ABBREVIATION } from '../text/sentences';

/** A piece of page text with the mention's offsets in it. */
export interface Snippet {
  text: string;
  start: number;
  end: number;
}

/** How far from the mention sentence ends are looked for (a longer sentence is clipped anyway). */
const REACH = 2000;
const LATIN_END = new Set(['.', '!', '?']);
const CJK_END = new Set(['。', '！', '？', '｡', '︒']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '»', '」', '』', '）', '】', '〉', '》']);
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;

/**
 * Where the sentence that a terminator at `i` ends stops (after the terminators and closers
 * that follow it), or -1 when it ends no sentence; and where to look for the next one.
 */
function sentenceEnd(text: string, i: number): { end: number; next: number } {
  let j = i;
  let cjk = false;
  while (j < text.length && (LATIN_END.has(text[j]!) || CJK_END.has(text[j]!))) {
    cjk ||= CJK_END.has(text[j]!);
    j++;
  }
  const single = j === i + 1;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  if (cjk || j === text.length) return { end: j, next: j };
  if (!SPACE.test(text[j]!)) return { end: -1, next: j };
  let k = j;
  while (k < text.length && SPACE.test(text[k]!)) k++;
  if (k < text.length && LOWER.test(text[k]!)) return { end: -1, next: k };
  // "Mr. Wang", "J. Smith".
  if (single && text[i] === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1))) {
    return { end: -1, next: k };
  }
  return { end: j, next: k };
}

/** The sentence of `text` that holds [start, end), at most about `max` characters. */
export function sentenceAround(text: string, start: number, end: number, max = 280): Snippet {
  const lo = Math.max(0, start - REACH);
  const hi = Math.min(text.length, end + REACH);
  let from = lo;
  let to = hi;
  for (let i = lo; i < hi;) {
    const c = text[i]!;
    if (!LATIN_END.has(c) && !CJK_END.has(c)) {
      i++;
      continue;
    }
    const found = sentenceEnd(text, i);
    if (found.end >= 0) {
      // A mention across a sentence end keeps both sentences.
      if (found.end <= start) from = found.end;
      else if (found.end >= end) {
        to = found.end;
        break;
      }
    }
    i = Math.max(found.next, i + 1);
  }
  while (from < start && SPACE.test(text[from]!)) from++;
  while (to > end && SPACE.test(text[to - 1]!)) to--;
  let prefix = '';
  let suffix = '';
  if (to - from > max) {
    const room = Math.max(0, max - (end - start));
    const left = Math.max(from, start - Math.floor(room / 2));
    const right = Math.min(to, end + (room - (start - left)));
    if (left > from) prefix = '…';
    if (right < to) suffix = '…';
    from = left;
    to = right;
  }
  return {
    text: prefix + text.slice(from, to) + suffix,
    start: start - from + prefix.length,
    end: end - from + prefix.length,
  };
}

/** Up to `n` characters before and after a span, for finding a quote again later. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  n = 32,
): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, start - n), start), suffix: text.slice(end, end + n) };
}
