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
const WHITE_SPACE = /^\s$/u;

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

// What each UTF-16 unit becomes, learned on first sight (pages reuse a small set of units).
// `unitCode` holds exact | folded << 16 for a unit that becomes one ordinary unit, and 0 for
// every other unit, which `unitKind` then tells apart: not seen yet, a space, a dash, dropped,
// or slow (a unit that becomes several, a high surrogate that may start a pair, NUL).
// 320 KB in all, shared by every call.
// The matcher reads the tables too, to match ordinary text without normalising it first.
export const UNKNOWN = 0;
const ONE = 1;
export const SPACED = 2;
export const DASHED = 3;
const DROP = 4;
const SLOW = 5;
export const unitCode = new Uint32Array(0x10000);
export const unitKind = new Uint8Array(0x10000);

/** Fills in the tables for a unit not seen yet. */
export function learn(unit: number): void {
  let kind = SLOW;
  let mapped: string | null = null;
  if (unit < 0x80) {
    mapped =
      unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x0c || unit === 0x0b
        ? ' '
        : String.fromCharCode(unit);
  } else if (unit < 0xd800 || unit > 0xdbff) {
    mapped = mapCodePoint(unit, String.fromCharCode(unit));
  }
  if (mapped === '') kind = DROP;
  else if (mapped?.length === 1 && unit !== 0) {
    const code = mapped.charCodeAt(0);
    if (code === SP) kind = SPACED;
    else if (code === DASH) kind = DASHED;
    else {
      kind = ONE;
      unitCode[unit] = (code | (foldCode(code) << 16)) >>> 0;
    }
  }
  unitKind[unit] = kind;
}

// Scratch buffers reused by every call (pages have many small text nodes: no allocation per
// call). Only this module and the automaton read them, right after a call.
let cap = 0;
export let scratchExact = new Uint16Array(0);
export let scratchFolded = new Uint16Array(0);
export let scratchStarts = new Uint32Array(0);
export let scratchEnds = new Uint32Array(0);

/** Makes room for `size` units, keeping the first `keep`. */
function reserve(size: number, keep: number): void {
  if (size <= cap) return;
  cap = Math.max(size, cap * 2, 1024);
  scratchExact = resized(scratchExact, new Uint16Array(cap), keep);
  scratchFolded = resized(scratchFolded, new Uint16Array(cap), keep);
  scratchStarts = resized(scratchStarts, new Uint32Array(cap), keep);
  scratchEnds = resized(scratchEnds, new Uint32Array(cap), keep);
}

function resized<T extends Uint16Array | Uint32Array>(old: T, fresh: T, keep: number): T {
  fresh.set(old.subarray(0, keep));
  return fresh;
}

/**
 * Normalises `text` into the scratch buffers and returns the normalised length. The result is
 * valid until the next call.
 */
export function normalizeToScratch(text: string): number {
  const n = text.length;
  reserve(n + 8, 0);
  let exact = scratchExact;
  let folded = scratchFolded;
  let starts = scratchStarts;
  let ends = scratchEnds;
  let len = 0;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    const code = unitCode[unit]!;
    if (code !== 0) {
      // The common case: one ordinary unit.
      exact[len] = code & 0xffff;
      folded[len] = code >>> 16;
      starts[len] = i;
      ends[len] = ++i;
      len++;
      continue;
    }
    const kind = unitKind[unit]!;
    if (kind === UNKNOWN) {
      learn(unit);
      continue;
    }
    if (kind === SPACED) {
      // Collapse runs of space and drop space at the start or after a dash.
      if (len === 0) {
        i++;
        continue;
      }
      const prev = exact[len - 1]!;
      if (prev === SP || prev === DASH) {
        ends[len - 1] = ++i;
        continue;
      }
    } else if (kind === DASHED && len > 0 && exact[len - 1] === SP) {
      // Drop the space before a dash: the dash takes its place.
      exact[len - 1] = DASH;
      folded[len - 1] = DASH;
      ends[len - 1] = ++i;
      continue;
    }
    if (kind === SPACED || kind === DASHED) {
      exact[len] = folded[len] = kind === SPACED ? SP : DASH;
      starts[len] = i;
      ends[len] = ++i;
      len++;
      continue;
    }
    if (kind === DROP) {
      // Dropped characters (combining marks, invisibles) extend the previous unit.
      if (len > 0) ends[len - 1] = i + 1;
      i++;
      continue;
    }
    // A surrogate pair, a lone high surrogate or a unit that maps to several units.
    let cp = unit;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
    }
    const mapped = mapCodePoint(cp, width === 1 ? text[i]! : text.slice(i, i + width));
    if (mapped === '') {
      if (len > 0) ends[len - 1] = i + width;
      i += width;
      continue;
    }
    if (mapped.length === 1) {
      const code = mapped.charCodeAt(0);
      const last = len - 1;
      if (code === SP) {
        if (last < 0 || exact[last] === SP || exact[last] === DASH) {
          if (last >= 0) ends[last] = i + width;
          i += width;
          continue;
        }
      } else if (code === DASH && last >= 0 && exact[last] === SP) {
        exact[last] = DASH;
        folded[last] = DASH;
        ends[last] = i + width;
        i += width;
        continue;
      }
    }
    // Room for the expansion and for everything still to come.
    reserve(len + mapped.length + (n - i) + 8, len);
    exact = scratchExact;
    folded = scratchFolded;
    starts = scratchStarts;
    ends = scratchEnds;
    for (let k = 0; k < mapped.length; k++) {
      const c = mapped.charCodeAt(k);
      exact[len] = c;
      folded[len] = foldCode(c);
      starts[len] = i;
      ends[len] = i + width;
      len++;
    }
    i += width;
  }
  return len;
}

/** Normalises `text` for matching and records where each unit came from. */
export function normalizeCodes(text: string): NormalizedCodes {
  const len = normalizeToScratch(text);
  return {
    exact: scratchExact.slice(0, len),
    folded: scratchFolded.slice(0, len),
    starts: scratchStarts.slice(0, len),
    ends: scratchEnds.slice(0, len),
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
  const { folded, exact } = normalizeFormCodes(form);
  return { folded: codesToString(folded), exact: codesToString(exact) };
}

/** {@link normalizeForm} as UTF-16 units. */
export function normalizeFormCodes(form: string): { folded: Uint16Array; exact: Uint16Array } {
  let len = normalizeToScratch(form.trim());
  // Trailing white space: only a space survives normalisation.
  while (len > 0 && WHITE_SPACE.test(String.fromCharCode(scratchFolded[len - 1]!))) len--;
  return { folded: scratchFolded.slice(0, len), exact: scratchExact.slice(0, len) };
}
