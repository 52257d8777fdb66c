/**
 * Sentence segmentation with Intl.Segmenter, plus the abbreviations it splits on wrongly.
 * (ICU breaks after "Mr." and "Dr."; news text is full of them.)
 */

/** A sentence inside a paragraph: offsets into the paragraph's text, white space trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** A period that ends an abbreviation, not a sentence (tested on the text up to the period). */
export const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sr|Sra|Jr|No|Nos|Vol|pp|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.\s*$/;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Splits a paragraph into sentences. */
export function splitSentences(text: string, lang = 'en'): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const seg of segmenter(lang).segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const prev = spans[spans.length - 1];
    // (A segment keeps the white space after it: the previous one ends where this one starts.)
    if (prev && ABBREVIATION.test(text.slice(prev.start, prev.end))) {
      prev.end = end;
    } else {
      spans.push({ start, end });
    }
  }
  // Trim white space at both ends of every span.
  return spans
    .map(({ start, end }) => {
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { start, end };
    })
    .filter((s) => s.end > s.start);
}
