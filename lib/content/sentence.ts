/**
 * The sentence on the page around a mention (Intl.Segmenter over the whole run, so sentences
 * that cross inline elements stay whole), clipped sensibly when it is very long.
 */

/** A piece of page text with the mention's offsets in it. */
export interface Snippet {
  text: string;
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** The sentence of `text` that holds [start, end), at most about `max` characters. */
export function sentenceAround(text: string, start: number, end: number, lang = 'en', max = 280): Snippet {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, seg);
  }
  let from = 0;
  let to = text.length;
  for (const s of seg.segment(text)) {
    const sEnd = s.index + s.segment.length;
    if (sEnd <= start) from = sEnd;
    else if (s.index >= end) {
      to = s.index;
      break;
    }
  }
  // A mention across a sentence break keeps both sentences; trim white space at the edges.
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
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
