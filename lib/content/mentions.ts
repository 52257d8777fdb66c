/**
 * Mentions on a page: matching a text run, turning matches into DOM ranges, and the index
 * that answers "which mention is at this text position" for hover (binary search per node).
 */
import type { Automaton, Match } from '../match/automaton';
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
  return mentionsOf(run, automaton.match(run.text));
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
    const { run, start, end } = mention;
    // The nodes it covers: from the one holding its start to the one holding its end.
    const first = nodeIndexAt(run, start);
    const last = nodeIndexAt(run, end, true);
    for (let i = first; i <= last; i++) {
      const node = run.nodes[i]!;
      const nodeStart = run.starts[i]!;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const segment = {
        start: Math.max(start, nodeStart) - nodeStart,
        end: Math.min(end, nodeEnd) - nodeStart,
        mention,
      };
      const list = this.byNode.get(node);
      if (!list) this.byNode.set(node, [segment]);
      else {
        list.push(segment);
        // Mentions of a run arrive in order: sort only when one does not.
        if (list.length > 1 && list[list.length - 2]!.start > segment.start)
          list.sort((x, y) => x.start - y.start);
      }
    }
  }

  /** Removes the mentions of these nodes (they changed or left the page); returns them. */
  removeNodes(nodes: Iterable<Text>): PageMention[] {
    const removed = new Set<PageMention>();
    for (const node of nodes) {
      for (const seg of this.byNode.get(node) ?? []) removed.add(seg.mention);
    }
    for (const m of removed) {
      this.all.delete(m);
      for (const node of m.run.nodes) {
        const list = this.byNode.get(node)?.filter((s) => s.mention !== m);
        if (list && list.length > 0) this.byNode.set(node, list);
        else this.byNode.delete(node);
      }
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

  /** Drops everything. */
  clear(): void {
    this.byNode.clear();
    this.all.clear();
  }
}
