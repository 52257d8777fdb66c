/**
 * Mentions on a page: matching a text run, turning matches into DOM ranges, and the index
 * that answers "which mention is at this text position" for hover (binary search per node).
 */
import type { Automaton, Match } from '../match/automaton';
import { WINDOW, matchWindows } from '../match/windows';
import { locate, nodeIndexAt, type TextRun } from './runs';

/** One mention of an entry on the page. */
export interface PageMention {
  /** Index of the entry in the page matcher data. */
  entry: number;
  range: Range;
  run: TextRun;
  /** Offsets in the run's text. */
  start: number;
  end: number;
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
  for (const { start, end, entry } of matches) {
    const a = locate(run, start);
    const b = locate(run, end, true);
    const range = run.block.ownerDocument.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    out.push({ entry, range, run, start, end });
  }
  return out;
}

interface Segment {
  start: number;
  end: number;
  mention: PageMention;
}

/** Mentions by text node, sorted by offset, for hit-testing. */
export class MentionIndex {
  private readonly byNode = new Map<Text, Segment[]>();
  private readonly all = new Set<PageMention>();
  /** Mentions in document order, and the ones added since it was sorted. */
  private sorted: PageMention[] = [];
  private pending: PageMention[] = [];

  /** Number of mentions indexed. */
  get size(): number {
    return this.all.size;
  }

  /** Every mention, in no particular order. */
  mentions(): IterableIterator<PageMention> {
    return this.all.values();
  }

  /** Adds a mention under every text node it covers. */
  add(mention: PageMention): void {
    this.all.add(mention);
    this.pending.push(mention);
    const { run, start, end } = mention;
    // The nodes it covers: from the one holding its start to the one holding its end.
    const first = nodeIndexAt(run, start);
    const last = nodeIndexAt(run, end, true);
    for (let i = first; i <= last; i++) {
      const node = run.nodes[i]!;
      const nodeStart = run.starts[i]!;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const seg = {
        start: Math.max(start, nodeStart) - nodeStart,
        end: Math.min(end, nodeEnd) - nodeStart,
        mention,
      };
      const list = this.byNode.get(node);
      // Mentions mostly come in text order: append; otherwise insert in place. (Sorting the
      // whole list on each add made one text node of megabytes quadratic.)
      if (!list) this.byNode.set(node, [seg]);
      else if (list[list.length - 1]!.start <= seg.start) list.push(seg);
      else list.splice(insertionPoint(list, seg.start), 0, seg);
    }
  }

  /** Removes the mentions of these nodes (they changed or left the page); returns them. */
  removeNodes(nodes: Iterable<Text>): PageMention[] {
    const removed = new Set<PageMention>();
    for (const node of nodes) {
      for (const seg of this.byNode.get(node) ?? []) removed.add(seg.mention);
    }
    if (removed.size > 0) {
      this.sorted = this.sorted.filter((m) => !removed.has(m));
      this.pending = this.pending.filter((m) => !removed.has(m));
    }
    // Each node's list is filtered once, however many of its mentions go.
    const touched = new Set<Text>();
    for (const m of removed) {
      this.all.delete(m);
      for (const node of m.run.nodes) touched.add(node);
    }
    for (const node of touched) {
      const list = this.byNode.get(node)?.filter((s) => !removed.has(s.mention));
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
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = list[mid]!;
      if (offset < seg.start) hi = mid - 1;
      else if (offset >= seg.end) lo = mid + 1;
      else return seg.mention;
    }
    return null;
  }

  /**
   * Every mention in document order. Kept sorted between calls (the side panel asks every few
   * seconds): comparing ranges costs a walk over siblings, so a full sort on each call was a
   * long task on big pages. Mentions added since are sorted among themselves (scan order is
   * nearly document order, which the sort's run detection exploits) and appended, or merged
   * when they do not all come after the last one.
   */
  ordered(): readonly PageMention[] {
    if (this.pending.length === 0) return this.sorted;
    const added = this.pending.sort(byDocumentOrder);
    this.pending = [];
    const last = this.sorted[this.sorted.length - 1];
    if (!last || byDocumentOrder(last, added[0]!) <= 0) {
      for (const m of added) this.sorted.push(m);
    } else {
      this.sorted = this.sorted.concat(added).sort(byDocumentOrder);
    }
    return this.sorted;
  }

  /** Drops everything. */
  clear(): void {
    this.byNode.clear();
    this.all.clear();
    this.sorted = [];
    this.pending = [];
  }
}

/** The first index whose segment starts after `start`. */
function insertionPoint(list: readonly Segment[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function byDocumentOrder(a: PageMention, b: PageMention): number {
  return a.run === b.run ? a.start - b.start : a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}
