/**
 * Mentions on a page: matching a text run, turning matches into DOM ranges, and the index
 * that answers "which mention is at this text position" for hover (binary search per node).
 */
import type { Automaton, Match } from '../match/automaton';
import { WINDOW, matchWindows } from '../match/windows';
import { locate, nodeIndexAt, type TextRun } from './runs';

/**
 * One mention of an entry on the page, as offsets in its run. It holds no Range: a live Range
 * is moved by the browser on every change to the page and traced at every garbage collection,
 * and most mentions of a big page are never drawn (the painter registers a window of them).
 * Ranges are made where one is needed: a registered highlight, a hit-test, the card's position
 * ({@link rangeOf}). On the benchmark's 1 MB page (9,538 mentions) the scan went from 146 to
 * 119 ms.
 */
export interface PageMention {
  /** Index of the entry in the page matcher data. */
  entry: number;
  run: TextRun;
  /** Offsets in the run's text. */
  start: number;
  end: number;
}

/**
 * A new live Range over a mention. Offsets are clamped to the nodes' lengths: a node the page
 * changed keeps its mention until the next frame's rescan replaces it.
 */
export function rangeOf(m: PageMention): Range {
  const a = locate(m.run, m.start);
  const b = locate(m.run, m.end, true);
  const range = m.run.block.ownerDocument.createRange();
  range.setStart(a.node, Math.min(a.offset, a.node.length));
  range.setEnd(b.node, Math.min(b.offset, b.node.length));
  return range;
}

/** The text node a mention starts in. */
export function startNodeOf(m: PageMention): Text {
  return m.run.nodes[nodeIndexAt(m.run, m.start)]!;
}

/** Finds the mentions in one run. */
export function matchRun(run: TextRun, automaton: Automaton): PageMention[] {
  return [...matchRunInSlices(run, automaton)].flat();
}

/**
 * Finds the mentions in one run, a bounded window of its text at a time (a single text node
 * can hold megabytes): the caller may pause between the batches yielded.
 */
export function* matchRunInSlices(run: TextRun, automaton: Automaton): Generator<PageMention[]> {
  if (run.text.length <= WINDOW) {
    yield mentionsOf(run, automaton.match(run.text));
    return;
  }
  for (const batch of matchWindows(automaton, run.text)) yield mentionsOf(run, batch);
}

/** The page mentions of a run's matches (offsets in the run's text). */
export function mentionsOf(run: TextRun, matches: readonly Match[]): PageMention[] {
  const out: PageMention[] = [];
  for (const { start, end, entry } of matches) out.push({ entry, run, start, end });
  return out;
}

/**
 * Mentions by text node, sorted by offset, for hit-testing. A node's list holds the mentions
 * themselves (offsets in their run's text), not an object per node and mention: fewer objects
 * for the garbage collector to trace on pages with tens of thousands of mentions.
 */
export class MentionIndex {
  private readonly byNode = new Map<Text, PageMention[]>();
  /**
   * Mentions in document order, and the ones added since it was sorted: every mention is in
   * one of the two, so no other collection of them is kept.
   */
  private sorted: PageMention[] = [];
  private pending: PageMention[] = [];
  /**
   * Mentions indexed per entry (by its index in the page's entries): the badge asks how many
   * entries the page has after every batch, and counting them over every mention grew with the
   * page (16 ms at 30,000 mentions on a feed).
   */
  private readonly perEntry = new Map<number, number>();

  /** Number of mentions indexed. */
  get size(): number {
    return this.sorted.length + this.pending.length;
  }

  /** Number of distinct entries with a mention indexed. */
  get entries(): number {
    return this.perEntry.size;
  }

  /** How many mentions of an entry (by its index in the page's entries) are indexed. */
  countOf(entry: number): number {
    return this.perEntry.get(entry) ?? 0;
  }

  /** Every mention, in no particular order. */
  *mentions(): Generator<PageMention> {
    yield* this.sorted;
    yield* this.pending;
  }

  /** Adds a mention under every text node it covers. */
  add(mention: PageMention): void {
    this.pending.push(mention);
    this.perEntry.set(mention.entry, (this.perEntry.get(mention.entry) ?? 0) + 1);
    const { run, start, end } = mention;
    // The nodes it covers: from the one holding its start to the one holding its end.
    const first = nodeIndexAt(run, start);
    const last = nodeIndexAt(run, end, true);
    for (let i = first; i <= last; i++) {
      const node = run.nodes[i]!;
      const nodeStart = run.starts[i]!;
      if (nodeStart + node.data.length <= start || nodeStart >= end) continue;
      const list = this.byNode.get(node);
      // Mentions mostly come in text order: append; otherwise insert in place. (Sorting the
      // whole list on each add made one text node of megabytes quadratic.)
      if (!list) this.byNode.set(node, [mention]);
      else if (list[list.length - 1]!.start <= start) list.push(mention);
      else list.splice(insertionPoint(list, start), 0, mention);
    }
  }

  /** Removes the mentions of these nodes (they changed or left the page); returns them. */
  removeNodes(nodes: Iterable<Text>): PageMention[] {
    const removed = new Set<PageMention>();
    for (const node of nodes) {
      for (const m of this.byNode.get(node) ?? []) removed.add(m);
    }
    if (removed.size > 0) {
      this.sorted = this.sorted.filter((m) => !removed.has(m));
      this.pending = this.pending.filter((m) => !removed.has(m));
    }
    for (const m of removed) {
      const left = this.perEntry.get(m.entry)! - 1;
      if (left > 0) this.perEntry.set(m.entry, left);
      else this.perEntry.delete(m.entry);
    }
    // Each node's list is filtered once, however many of its mentions go.
    const touched = new Set<Text>();
    for (const m of removed) {
      for (const node of m.run.nodes) touched.add(node);
    }
    for (const node of touched) {
      const list = this.byNode.get(node)?.filter((m) => !removed.has(m));
      if (list && list.length > 0) this.byNode.set(node, list);
      else this.byNode.delete(node);
    }
    return [...removed];
  }

  /** Whether a text node has mentions. */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** The mention covering `offset` of `node`, if any (binary search). */
  at(node: Node, offset: number): PageMention | null {
    const list = this.byNode.get(node as Text);
    if (!list || offset < 0 || offset >= (node as Text).length) return null;
    // A text node belongs to one run: the offset in the run's text.
    const run = list[0]!.run;
    const i = run.nodes.indexOf(node as Text);
    if (i < 0) return null;
    const at = run.starts[i]! + offset;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid]!;
      if (at < m.start) hi = mid - 1;
      else if (at >= m.end) lo = mid + 1;
      else return m;
    }
    return null;
  }

  /**
   * Every mention in document order. Kept sorted between calls (the side panel asks every few
   * seconds): comparing ranges costs a walk over siblings, so a full sort on each call was a
   * long task on big pages. Mentions added since are sorted among themselves (scan order is
   * nearly document order, which the sort's run detection exploits) and appended, or, when they
   * do not all come after the last one, each put in place by halving: k log n comparisons
   * rather than a sort of all n. Each comparison is a call into the DOM; re-sorting everything
   * made flushes of 50-270 ms on a feed of 45,000 mentions.
   */
  ordered(): readonly PageMention[] {
    if (this.pending.length === 0) return this.sorted;
    const added = this.pending.sort(byDocumentOrder);
    this.pending = [];
    const sorted = this.sorted;
    const last = sorted[sorted.length - 1];
    if (!last || precedes(last, added[0]!)) {
      for (const m of added) sorted.push(m);
    } else if (added.length * 20 > sorted.length) {
      this.sorted = sorted.concat(added).sort(byDocumentOrder);
    } else {
      const merged: PageMention[] = [];
      let from = 0;
      for (const m of added) {
        let lo = from;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (precedes(sorted[mid]!, m)) lo = mid + 1;
          else hi = mid;
        }
        while (from < lo) merged.push(sorted[from++]!);
        merged.push(m);
      }
      while (from < sorted.length) merged.push(sorted[from++]!);
      this.sorted = merged;
    }
    return this.sorted;
  }

  /** Drops everything. */
  clear(): void {
    this.byNode.clear();
    this.sorted = [];
    this.pending = [];
    this.perEntry.clear();
  }
}

/** The first index whose mention starts after `start`. */
function insertionPoint(list: readonly PageMention[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Document order of two mentions, as a sort comparator. Runs never share a text node, so
 * mentions of different runs compare by their runs' first nodes; a node in a shadow tree takes
 * its host's place (and mentions inside one host compare as equal). Chromium's
 * `compareDocumentPosition` looks for the receiver among the argument's previous siblings:
 * cheap when the receiver comes shortly before, a walk to the first sibling otherwise (1 ms in
 * a list of 60,000 paragraphs). V8's sort compares a later element with an earlier one on
 * input already in order, so the second node is asked about the first: sorting 20,000 sibling
 * paragraphs in order took 1.45 s the other way round and 3 ms this way.
 */
export function byDocumentOrder(a: PageMention, b: PageMention): number {
  if (a.run === b.run) return a.start - b.start;
  let x: Node = a.run.nodes[0]!;
  let y: Node = b.run.nodes[0]!;
  let position = y.compareDocumentPosition(x);
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) {
    x = inDocumentTree(x);
    y = inDocumentTree(y);
    position = x === y ? 0 : y.compareDocumentPosition(x);
    if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  }
  if (position === 0) return x === a.run.nodes[0] ? a.start - b.start : 0;
  return position & (Node.DOCUMENT_POSITION_PRECEDING | Node.DOCUMENT_POSITION_CONTAINS) ? -1 : 1;
}

/** The node itself, or the outermost shadow host it is inside. */
function inDocumentTree(node: Node): Node {
  for (let root = node.getRootNode(); (root as ShadowRoot).host; root = node.getRootNode()) {
    node = (root as ShadowRoot).host;
  }
  return node;
}

/** Whether `a` comes before `b`: cheap when it does, and shortly before (see {@link byDocumentOrder}). */
export function precedes(a: PageMention, b: PageMention): boolean {
  if (a.run === b.run) return a.start < b.start;
  const position = a.run.nodes[0]!.compareDocumentPosition(b.run.nodes[0]!);
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return byDocumentOrder(a, b) < 0;
  return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
