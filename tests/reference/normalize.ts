/**
 * Text normalisation for matching, with an exact map back to the original offsets.
 *
 * Design notes (see docs/ARCHITECTURE.md, "Matching"):
 * - NFKC per code point (full-width Ｃ → C, ideographic space → space), then accents are
 *   folded by dropping combining marks after canonical decomposition (México → Mexico).
 * - Case is folded in `folded`; `exact` keeps the case so that acronyms can be checked
 *   case-exactly on the same offsets.
 * - Every dash becomes "-" and spaces around a dash disappear, so "Foro China - CELAC",
 *   "中国—拉共体论坛" and "中国-拉共体论坛" normalise alike.
 * - Curly and straight quotes unify, runs of white space become one space, and invisible
 *   characters (soft hyphen, zero-width space, BOM) vanish.
 */

export interface Normalized {
  /** Case-folded normalised text: what the automaton reads. */
  folded: string;
  /** The same text with its case kept (same length as `folded`). */
  exact: string;
  /** For each UTF-16 unit of `folded`, the offset in the original where its source starts. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `folded`, the offset in the original where its source ends. */
  ends: Uint32Array;
}

const DASHES = new Set([
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b,
]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x02bc, 0x2032, 0x00b4, 0x0060]);
const QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const COMBINING = /\p{M}/u;
const SPACE = /\s/u;

/** Maps one code point to its normalised form, or "" to drop it. Cached for non-ASCII. */
const cache = new Map<number, string>();
function mapCodePoint(cp: number, ch: string): string {
  if (cp < 0x80) {
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c || cp === 0x0b) return ' ';
    return ch;
  }
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (DASHES.has(cp)) out = '-';
  else if (APOSTROPHES.has(cp)) out = "'";
  else if (QUOTES.has(cp)) out = '"';
  else if (INVISIBLE.has(cp)) out = '';
  else if (SPACE.test(ch)) out = ' ';
  else if (COMBINING.test(ch)) out = '';
  else {
    out = ch.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '');
    if (out.length === 1 && DASHES.has(out.charCodeAt(0))) out = '-';
  }
  cache.set(cp, out);
  return out;
}

const SP = 0x20;
const DASH = 0x2d;

/** Normalises `text` for matching and records where each unit came from. */
export function normalizeCodes(text: string): NormalizedCodes {
  const n = text.length;
  // Local typed arrays and a plain loop: this runs over every character of every page.
  let cap = n + 8;
  let exact = new Uint16Array(cap);
  let folded = new Uint16Array(cap);
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let len = 0;
  const grow = () => {
    cap *= 2;
    const e = new Uint16Array(cap);
    e.set(exact);
    exact = e;
    const f = new Uint16Array(cap);
    f.set(folded);
    folded = f;
    const s = new Uint32Array(cap);
    s.set(starts);
    starts = s;
    const d = new Uint32Array(cap);
    d.set(ends);
    ends = d;
  };
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    // ASCII letters, digits and most punctuation: the common case, handled inline.
    if (unit > 0x20 && unit < 0x7f && unit !== DASH) {
      if (len === cap) grow();
      exact[len] = unit;
      folded[len] = unit >= 0x41 && unit <= 0x5a ? unit + 32 : unit;
      starts[len] = i;
      ends[len] = i + 1;
      len++;
      i++;
      continue;
    }
    let cp = unit;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
    }
    let mapped: string | null = null;
    let code: number;
    if (cp < 0x80) {
      code = cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c || cp === 0x0b ? SP : cp;
    } else {
      mapped = mapCodePoint(cp, width === 1 ? text[i]! : text.slice(i, i + width));
      if (mapped === '') {
        // Dropped characters (combining marks, invisibles) extend the previous unit.
        if (len > 0) ends[len - 1] = i + width;
        i += width;
        continue;
      }
      code = mapped.length === 1 ? mapped.charCodeAt(0) : -1;
    }
    const last = len - 1;
    if (code === SP) {
      // Collapse runs of space and drop space at the start or after a dash.
      if (last < 0 || exact[last] === SP || exact[last] === DASH) {
        if (last >= 0) ends[last] = i + width;
        i += width;
        continue;
      }
    } else if (code === DASH && last >= 0 && exact[last] === SP) {
      // Drop the space before a dash: the dash takes its place.
      exact[last] = DASH;
      folded[last] = DASH;
      ends[last] = i + width;
      i += width;
      continue;
    }
    const units = code >= 0 ? 1 : mapped!.length;
    for (let k = 0; k < units; k++) {
      const c = code >= 0 ? code : mapped!.charCodeAt(k);
      if (len === cap) grow();
      exact[len] = c;
      folded[len] = foldCode(c);
      starts[len] = i;
      ends[len] = i + width;
      len++;
    }
    i += width;
  }
  return {
    exact: exact.subarray(0, len),
    folded: folded.subarray(0, len),
    starts: starts.subarray(0, len),
    ends: ends.subarray(0, len),
    length: len,
  };
}

const foldCache = new Map<number, number>();
/** Lower-cases one UTF-16 unit, keeping one unit for one (İ lowers to two: keep it). */
function foldCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let f = foldCache.get(c);
  if (f === undefined) {
    const lower = String.fromCharCode(c).toLowerCase();
    f = lower.length === 1 ? lower.charCodeAt(0) : c;
    foldCache.set(c, f);
  }
  return f;
}

/** Output of {@link normalizeCodes}: UTF-16 units and their source offsets. */
export interface NormalizedCodes {
  exact: Uint16Array;
  folded: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  length: number;
}

function codesToString(codes: Uint16Array): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) {
    s += String.fromCharCode(...codes.subarray(i, i + 4096));
  }
  return s;
}

/** Normalises `text` and returns strings (convenient for tests and build-time tools). */
export function normalize(text: string): Normalized {
  const r = normalizeCodes(text);
  return { exact: codesToString(r.exact), folded: codesToString(r.folded), starts: r.starts, ends: r.ends };
}

/** Normalises a glossary form the same way page text is normalised (no offsets needed). */
export function normalizeForm(form: string): { folded: string; exact: string } {
  const { folded, exact } = normalize(form.trim());
  return { folded: folded.trimEnd(), exact: exact.trimEnd() };
}
