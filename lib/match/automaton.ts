/**
 * A compact Aho–Corasick automaton over normalised UTF-16 units.
 *
 * Written for the job rather than taken from npm: measured on 5.6 MB of real news text, the
 * npm Aho–Corasick packages ran 14–40 MB/s, a regex alternation collapsed with 10,000 terms,
 * while an automaton on typed arrays with folding and boundaries built in keeps its speed as
 * the glossary grows (docs/PERFORMANCE.md). Cost per character does not depend on the number
 * of patterns; matches are then resolved leftmost-longest, non-overlapping.
 */
import { isWordUnit } from './boundaries';
import {
  DASHED,
  learn,
  normalizeFormCodes,
  normalizeToScratch,
  SPACED,
  unitCode,
  unitKind,
  UNKNOWN,
  scratchEnds,
  scratchExact,
  scratchFolded,
  scratchStarts,
  type NormalizedCodes,
} from '../text/normalize';

/** One surface form to find. */
export interface PatternSpec {
  /** The form as written in the glossary. */
  form: string;
  /** Index of the entry it names, or -1 for a blocker (a context that must not match). */
  entry: number;
  /** Case-exact, whole-word match (acronyms such as CELAC, BRI). */
  acronym: boolean;
}

/** A match in the original text's offsets. */
export interface Match {
  start: number;
  end: number;
  entry: number;
  pattern: number;
}

/** Where resolution stands: the end of the text taken so far and the last match taken. */
export interface ResolveState {
  until: number;
  last: Match | null;
}

const F_BOUND_START = 1;
const F_BOUND_END = 2;
const F_EXACT = 4;

/**
 * Units below this (Latin letters, digits, punctuation) get dense DFA columns; the rest (CJK,
 * Cyrillic, symbols) are followed through goto edges and failure links, which keeps the table small.
 */
const DENSE_BELOW = 0x0370;

/** Whether candidate `a` comes before candidate `b` (leftmost, longest, earlier pattern). */
function before(found: readonly number[], a: number, b: number): boolean {
  const d = found[a * 3]! - found[b * 3]!;
  if (d !== 0) return d < 0;
  const l = found[b * 3 + 1]! - found[a * 3 + 1]!;
  return l !== 0 ? l < 0 : found[a * 3 + 2]! < found[b * 3 + 2]!;
}

const SP = 0x20;
const DASH = 0x2d;

/**
 * The folded unit a source unit normalises to, for a unit the direct scan has read or will
 * read; -1 for one it would not take (dropped, expanded or unseen).
 */
function foldedAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  const code = unitCode[unit]!;
  if (code !== 0) return code >>> 16;
  const kind = unitKind[unit]!;
  return kind === SPACED ? SP : kind === DASHED ? DASH : -1;
}

/** The same with its case kept. */
function exactAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  const code = unitCode[unit]!;
  if (code !== 0) return code & 0xffff;
  const kind = unitKind[unit]!;
  return kind === SPACED ? SP : kind === DASHED ? DASH : -1;
}

/** Candidates of the last scan (start, end, pattern), reused between calls. */
const found: number[] = [];

/**
 * The immutable automaton; build once, run on many texts.
 *
 * Text units are mapped to classes (the distinct units of the patterns; 0 for every other
 * unit). For the dense classes the automaton is a DFA: a table of states × dense classes with
 * failure transitions precomputed, one load per character. Sparse classes use sorted goto
 * edges and failure links from the state.
 */
export class Automaton {
  private constructor(
    private readonly classOf: Uint16Array,
    private readonly dense: number,
    private readonly delta: Int32Array,
    private readonly rootNext: Int32Array,
    private readonly edgeStart: Int32Array,
    private readonly edgeClass: Uint16Array,
    private readonly edgeTarget: Int32Array,
    private readonly fail: Int32Array,
    private readonly outFirst: Int32Array,
    private readonly outHead: Int32Array,
    private readonly patNext: Int32Array,
    private readonly patLen: Int32Array,
    private readonly patFlags: Uint8Array,
    private readonly patEntry: Int32Array,
    private readonly patExact: Uint16Array[],
  ) {}

  /** Number of patterns the automaton holds. */
  get size(): number {
    return this.patLen.length;
  }

  /** Builds the automaton from surface forms. Forms that normalise to nothing are ignored. */
  static build(specs: readonly PatternSpec[]): Automaton {
    const steps = Automaton.buildInSteps(specs);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same build, pausing often (every 32 forms, 64 trie insertions and 512 states): pages
   * run it in idle slices, since the whole build (75-95 ms for the glossary in a page on these
   * machines) would be one long task. A slice can only stop between steps, and a page runs the
   * build cold (interpreted until V8 optimises its loops): steps of 256 forms or 4,096 states
   * took up to 31 ms there, and made idle callbacks of 54-78 ms.
   */
  static *buildInSteps(specs: readonly PatternSpec[]): Generator<void, Automaton> {
    const patLen = new Int32Array(specs.length);
    const patFlags = new Uint8Array(specs.length);
    const patEntry = new Int32Array(specs.length);
    const patExact: Uint16Array[] = [];
    const patFolded: Uint16Array[] = [];
    const used = new Uint8Array(0x10000);
    for (let p = 0; p < specs.length; p++) {
      if (p % 32 === 31) yield;
      const spec = specs[p]!;
      const { folded, exact } = normalizeFormCodes(spec.form);
      patEntry[p] = spec.entry;
      patLen[p] = folded.length;
      patFolded.push(folded);
      patExact.push(exact);
      for (let k = 0; k < folded.length; k++) used[folded[k]!] = 1;
      if (folded.length === 0) continue;
      let flags = 0;
      if (isWordUnit(folded[0]!)) flags |= F_BOUND_START;
      if (isWordUnit(folded[folded.length - 1]!)) flags |= F_BOUND_END;
      if (spec.acronym) flags |= F_EXACT | F_BOUND_START | F_BOUND_END;
      patFlags[p] = flags;
    }
    yield;

    // Classes: 0 for units no pattern uses, then the dense units, then the sparse ones.
    const classOf = new Uint16Array(0x10000);
    let dense = 1;
    for (let u = 0; u < DENSE_BELOW; u++) if (used[u]) classOf[u] = dense++;
    let classes = dense;
    for (let u = DENSE_BELOW; u < 0x10000; u++) if (used[u]) classOf[u] = classes++;

    // The trie: goto edges keyed by state × classes + class; each state's patterns in a list.
    const child = new Map<number, number>();
    const parentOf: number[] = [0];
    const classIn: number[] = [0];
    const heads: number[] = [-1];
    const patNext = new Int32Array(specs.length).fill(-1);
    for (let p = 0; p < patFolded.length; p++) {
      if (p % 64 === 63) yield;
      const folded = patFolded[p]!;
      if (folded.length === 0) continue;
      let node = 0;
      for (let k = 0; k < folded.length; k++) {
        const c = classOf[folded[k]!]!;
        const key = node * classes + c;
        let next = child.get(key);
        if (next === undefined) {
          next = parentOf.length;
          parentOf.push(node);
          classIn.push(c);
          heads.push(-1);
          child.set(key, next);
        }
        node = next;
      }
      patNext[p] = heads[node]!;
      heads[node] = p;
    }
    yield;
    const count = parentOf.length;
    const outHead = Int32Array.from(heads);

    // Goto edges by state (a state has few: they are scanned, not searched).
    const edgeStart = new Int32Array(count + 1);
    for (let t = 1; t < count; t++) edgeStart[parentOf[t]! + 1]!++;
    for (let s = 0; s < count; s++) edgeStart[s + 1]! += edgeStart[s]!;
    yield;
    const edgeClass = new Uint16Array(count - 1);
    const edgeTarget = new Int32Array(count - 1);
    const fill = edgeStart.slice(0, count);
    for (let t = 1; t < count; t++) {
      const e = fill[parentOf[t]!]!++;
      edgeClass[e] = classIn[t]!;
      edgeTarget[e] = t;
    }
    const rootNext = new Int32Array(classes);
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeClass[e]!] = edgeTarget[e]!;
    yield;

    // Breadth-first failure links and DFA rows: a state's row is its failure state's row with
    // its own goto edges on top. `outFirst` is the nearest state with output on the suffix chain.
    // Table entries are the target's row (state × `dense`), complemented when the target has
    // output: a child's failure link and output are found when its parent's row is made (from
    // rows made before it, of shallower states), so each entry is written once in its final form
    // rather than rewritten in a pass over the whole table (1.3 M entries for the glossary).
    const fail = new Int32Array(count);
    const outFirst = new Int32Array(count);
    const delta = new Int32Array(count * dense);
    const automaton = new Automaton(
      classOf,
      dense,
      delta,
      rootNext,
      edgeStart,
      edgeClass,
      edgeTarget,
      fail,
      outFirst,
      outHead,
      patNext,
      patLen,
      patFlags,
      patEntry,
      patExact,
    );
    const queue = new Int32Array(count);
    let tail = 0;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) {
      const u = edgeTarget[e]!;
      outFirst[u] = outHead[u]! >= 0 ? u : 0;
      if (edgeClass[e]! < dense) delta[edgeClass[e]!] = automaton.entry(u);
      queue[tail++] = u;
    }
    yield;
    for (let q = 0; q < tail; q++) {
      if (q % 512 === 511) yield;
      const t = queue[q]!;
      const f = fail[t]!;
      delta.copyWithin(t * dense, f * dense, f * dense + dense);
      for (let e = edgeStart[t]!; e < edgeStart[t + 1]!; e++) {
        const c = edgeClass[e]!;
        const u = edgeTarget[e]!;
        const g = automaton.step(f, c);
        fail[u] = g;
        outFirst[u] = outHead[u]! >= 0 ? u : outFirst[g]!;
        if (c < dense) delta[t * dense + c] = automaton.entry(u);
        queue[tail++] = u;
      }
    }
    return automaton;
  }

  /** The next state from `state` on class `c` (while building, from rows already made). */
  private step(state: number, c: number): number {
    if (c >= this.dense) return this.sparseStep(state, c);
    const entry = this.delta[state * this.dense + c]!;
    return (entry < 0 ? ~entry : entry) / this.dense;
  }

  /** Goto with failure links, for classes without dense columns. */
  private sparseStep(state: number, c: number): number {
    const { edgeStart, edgeClass, edgeTarget, fail, rootNext } = this;
    for (;;) {
      if (state === 0) return rootNext[c]!;
      const hi = edgeStart[state + 1]!;
      for (let e = edgeStart[state]!; e < hi; e++) {
        if (edgeClass[e] === c) return edgeTarget[e]!;
      }
      state = fail[state]!;
    }
  }

  /** Records the patterns that end at `end` (exclusive) from output state `s` and pass their checks. */
  private collect(s: number, end: number, folded: Uint16Array, exact: Uint16Array, n: number): void {
    const { outHead, patNext, patLen, patFlags, patExact, fail, outFirst } = this;
    while (s > 0) {
      for (let p = outHead[s]!; p >= 0; p = patNext[p]!) {
        const start = end - patLen[p]!;
        const flags = patFlags[p]!;
        if (flags & F_BOUND_START && start > 0 && isWordUnit(folded[start - 1]!)) continue;
        if (flags & F_BOUND_END && end < n && isWordUnit(folded[end]!)) continue;
        if (flags & F_EXACT) {
          const codes = patExact[p]!;
          let k = 0;
          while (k < codes.length && exact[start + k] === codes[k]) k++;
          if (k < codes.length) continue;
        }
        found.push(start, end, p);
      }
      s = outFirst[fail[s]!]!;
    }
  }

  /** Collects the accepted candidates in `n` normalised units into `found` (shared scratch). */
  private collectAll(folded: Uint16Array, exact: Uint16Array, n: number): void {
    found.length = 0;
    const { classOf, delta, dense } = this;
    // `row` is the state times `dense`; table entries are the target's row, complemented
    // (negative) when the target has output.
    let row = 0;
    for (let i = 0; i < n; i++) {
      const c = classOf[folded[i]!]!;
      const next = c < dense ? delta[row + c]! : this.sparseNext(row / dense, c);
      if (next >= 0) row = next;
      else {
        row = ~next;
        this.collect(this.outFirst[row / dense]!, i + 1, folded, exact, n);
      }
    }
  }

  /** Finds the matches in `n` normalised units; offsets are in normalised units. */
  private scan(folded: Uint16Array, exact: Uint16Array, n: number): Match[] {
    this.collectAll(folded, exact, n);
    return found.length === 0 ? [] : this.resolve(found, { until: 0, last: null });
  }

  /** The table entry for the step from `state` on a sparse class. */
  private sparseNext(state: number, c: number): number {
    return this.entry(this.sparseStep(state, c));
  }

  /** The table entry for a step to state `t`: its row, complemented when it has output. */
  private entry(t: number): number {
    return this.outFirst[t] === 0 ? t * this.dense : ~(t * this.dense);
  }

  /** Longest pattern in normalised units: no match spans more. */
  get longest(): number {
    let max = 0;
    for (const len of this.patLen) if (len > max) max = len;
    return max;
  }

  /**
   * Every accepted pattern occurrence (boundaries and case checked), as triples start, end,
   * pattern in normalised units, before leftmost-longest resolution (a copy the caller keeps).
   */
  candidates(text: NormalizedCodes): number[] {
    this.collectAll(text.folded, text.exact, text.length);
    return found.slice();
  }

  /**
   * Resolves candidate triples leftmost-longest, non-overlapping, from `state` (the end of what
   * was already taken and the last match, which an overlapping form of its entry may extend);
   * updates `state`. Offsets may be normalised units or source offsets, as long as all agree.
   */
  resolve(found: readonly number[], state: ResolveState): Match[] {
    const n = found.length / 3;
    const order = new Int32Array(n);
    // Leftmost first, then longest, then the earlier pattern (stable for equal forms).
    // Candidates arrive by end position, so they are nearly in order: insertion sort.
    for (let k = 0; k < n; k++) {
      let j = k;
      while (j > 0 && before(found, k, order[j - 1]!)) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = k;
    }
    const out: Match[] = [];
    let until = state.until;
    let last = state.last;
    for (const k of order) {
      const start = found[k * 3]!;
      const end = found[k * 3 + 1]!;
      const pattern = found[k * 3 + 2]!;
      const entry = this.patEntry[pattern]!;
      if (start < until) {
        // Two overlapping forms of the same entry are one mention: "presidente Xi" and
        // "Xi Jinping" in "presidente Xi Jinping".
        if (last && entry >= 0 && last.entry === entry && last.end === until && end > until) {
          last.end = end;
          until = end;
        }
        continue;
      }
      until = end;
      if (entry >= 0) {
        last = { start, end, entry, pattern };
        out.push(last);
      }
    }
    state.until = until;
    state.last = last;
    return out;
  }

  /** Whether the last {@link match} read the text directly (for tests and the benchmark). */
  lastMatchDirect = false;

  /** Finds matches in raw text; offsets are in the original string. */
  match(text: string): Match[] {
    this.lastMatchDirect = this.collectDirect(text);
    if (this.lastMatchDirect) return found.length === 0 ? [] : this.resolve(found, { until: 0, last: null });
    return this.matchNormalized(text);
  }

  /**
   * Collects candidates reading `text` itself, normalising unit by unit on the way, in source
   * offsets; false (nothing usable in `found`) when the text needs the full normaliser.
   *
   * Ordinary text maps unit for unit to its normalised form, except for white space that
   * normalisation drops (at the start, after a space or a dash): those units are simply not
   * fed to the automaton, and a dash takes the place of the space before it. A candidate whose
   * span holds such a unit would have a different length in the source, and a dropped or
   * expanded unit would change what came before: in those cases the whole text goes through
   * {@link matchNormalized}.
   * One loop instead of writing four arrays per unit and reading one back: on the paragraphs of
   * the benchmark's 1 MB news page, matching in Node went from 44 to 19 ms (docs/PERFORMANCE.md).
   */
  private collectDirect(text: string): boolean {
    found.length = 0;
    const { classOf, delta, dense } = this;
    const n = text.length;
    let row = 0;
    // Whether a space here is dropped (at the start, after a space or a dash).
    let dropSpace = true;
    let afterSpace = false;
    // The state before the last space read (a dash right after takes that space's place).
    let beforeSpace = 0;
    // The last unit left out: no candidate may span it.
    let skipped = -1;
    for (let i = 0; i < n; i++) {
      const unit = text.charCodeAt(i);
      const code = unitCode[unit]!;
      let f: number;
      if (code !== 0) {
        f = code >>> 16;
        dropSpace = afterSpace = false;
      } else {
        const kind = unitKind[unit]!;
        if (kind === SPACED) {
          if (dropSpace) {
            skipped = i;
            continue;
          }
          f = SP;
          dropSpace = afterSpace = true;
          beforeSpace = row;
        } else if (kind === DASHED) {
          if (afterSpace) {
            // Normalisation replaces the space before a dash with the dash: read the dash from
            // the state before the space (no form ends in a space, so the space gave no
            // candidate). The dash then covers two source units: no candidate may hold it.
            row = beforeSpace;
            skipped = i;
            afterSpace = false;
          }
          f = DASH;
          dropSpace = true;
        } else if (kind === UNKNOWN) {
          learn(unit);
          i--;
          continue;
        } else return false;
      }
      const c = classOf[f]!;
      const next = c < dense ? delta[row + c]! : this.sparseNext(row / dense, c);
      if (next >= 0) row = next;
      else {
        row = ~next;
        if (!this.collectFrom(this.outFirst[row / dense]!, i + 1, text, skipped)) return false;
      }
    }
    return true;
  }

  /**
   * {@link collect} on the source text: the patterns that end at `end` (exclusive) from output
   * state `s`; false when one of them spans the `skipped` unit or touches a unit that is not
   * ordinary.
   */
  private collectFrom(s: number, end: number, text: string, skipped: number): boolean {
    const { outHead, patNext, patLen, patFlags, patExact, fail, outFirst } = this;
    const n = text.length;
    while (s > 0) {
      for (let p = outHead[s]!; p >= 0; p = patNext[p]!) {
        const start = end - patLen[p]!;
        // A form ending in a dash would take in the white space after it.
        if (start <= skipped || unitKind[text.charCodeAt(end - 1)] === DASHED) return false;
        const flags = patFlags[p]!;
        if (flags & F_BOUND_START && start > 0) {
          const before = foldedAt(text, start - 1);
          if (before < 0) return false;
          if (isWordUnit(before)) continue;
        }
        if (flags & F_BOUND_END && end < n) {
          const after = foldedAt(text, end);
          if (after < 0) return false;
          if (isWordUnit(after)) continue;
        }
        if (flags & F_EXACT) {
          const codes = patExact[p]!;
          let k = 0;
          while (k < codes.length && exactAt(text, start + k) === codes[k]) k++;
          if (k < codes.length) continue;
        }
        found.push(start, end, p);
      }
      s = outFirst[fail[s]!]!;
    }
    return true;
  }

  /** Finds matches in raw text through the full normaliser; offsets are in the original string. */
  matchNormalized(text: string): Match[] {
    const n = normalizeToScratch(text);
    const matches = this.scan(scratchFolded, scratchExact, n);
    for (const m of matches) {
      m.start = scratchStarts[m.start]!;
      m.end = scratchEnds[m.end - 1]!;
    }
    return matches;
  }
}
