/**
 * The page highlighter: scans the page (the visible part first, the rest in idle slices),
 * paints mentions, follows changes with a MutationObserver, and hit-tests the pointer.
 * Everything it starts is stopped by `stop()`, which the content-script context calls when
 * the extension is updated or disabled.
 */
import type { Automaton } from '../match/automaton';
import { buildPageMatcher, type PageMatcherData } from '../match/forms';
import { WINDOW } from '../match/windows';
import { MentionIndex, matchRunInSlices, mentionsOf, type PageMention } from './mentions';
import { MARK_ATTRIBUTE, createPainter, type Painter } from './painter';
import { blockOf, isInline, isSkipped, textRuns, type TextRun, type WalkOptions } from './runs';
import { SliceRunner, type Timers } from './scheduler';

/** What the highlighter needs from the content-script context. */
export interface HighlighterContext extends Timers {
  requestAnimationFrame(fn: () => void): number;
}

/** An entry found on the page, for the popup and side panel. */
export interface PageTerm {
  id: string;
  count: number;
}

/** Counters for tests and the benchmark. */
export interface HighlighterStats {
  mentions: number;
  runs: number;
  batches: number;
  longestSlice: number;
  painter: Painter['kind'];
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export class PageHighlighter {
  readonly index = new MentionIndex();
  private readonly automaton: Automaton;
  private readonly painter: Painter;
  private readonly runner: SliceRunner;
  private readonly done = new WeakSet<Text>();
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private flushScheduled = false;
  private runsScanned = 0;
  private batches = 0;
  private stopped = false;
  private readonly walk: WalkOptions;
  /** Called when the set of mentions changes (for live counts). */
  onChange: (() => void) | null = null;

  constructor(
    private readonly win: Window & typeof globalThis,
    readonly data: PageMatcherData,
    private readonly ctx: HighlighterContext,
    options: { exclude: (el: Element) => boolean; onShadowRoot?: (root: ShadowRoot) => void },
    automaton?: Automaton,
  ) {
    this.automaton = automaton ?? buildPageMatcher(data.entries);
    this.painter = createPainter(win);
    this.runner = new SliceRunner(ctx);
    this.walk = {
      exclude: options.exclude,
      done: this.done,
      onShadowRoot: (root) => {
        // Changes inside shadow roots are not seen from the document: observe each one.
        this.observer?.observe(root, OBSERVE);
        options.onShadowRoot?.(root);
      },
    };
  }

  /** Milliseconds from start() until the blocks in view were marked (null until then). */
  firstScreenMs: number | null = null;

  /** Starts scanning and observing. */
  start(): void {
    const doc = this.win.document;
    // Urgent work runs first, the last pushed first: this marker runs after the visible blocks.
    this.runner.push(this.markFirstScreen(performance.now()), true);
    for (const block of this.visibleBlocks()) this.runner.push(this.scan(block), true);
    this.runner.push(this.scan(doc.body ?? doc.documentElement));
    this.observer = new this.win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, OBSERVE);
  }

  /** Matches a piece of text with this page's automaton (for the selection's entry). */
  matchText(text: string) {
    return this.automaton.match(text);
  }

  /** Finishes all queued scanning now (benchmarks and tests; pages get idle slices). */
  finishNow(): void {
    this.runner.drain();
    this.painter.flush();
  }

  /** Stops everything and erases every highlight. */
  stop(): void {
    this.stopped = true;
    this.runner.stop();
    this.observer?.disconnect();
    this.observer = null;
    this.painter.clear();
    this.index.clear();
  }

  /** The entry of a mention. */
  entryOf(m: PageMention) {
    return this.data.entries[m.entry]!;
  }

  /** Entries on the page with their counts, in order of first appearance. */
  pageTerms(): PageTerm[] {
    const counts = new Map<string, number>();
    for (const m of this.orderedMentions()) {
      const id = this.entryOf(m).id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  /** How many distinct entries the page mentions (cheap: no ordering, for the badge). */
  entryCount(): number {
    const ids = new Set<number>();
    for (const m of this.index.mentions()) if (m.range.startContainer.isConnected) ids.add(m.entry);
    return ids.size;
  }

  /** Mentions in document order. */
  orderedMentions(): PageMention[] {
    return this.index.ordered().filter((m) => m.range.startContainer.isConnected);
  }

  /** Whether scanning is still under way. */
  get busy(): boolean {
    return this.runner.busy || this.dirty.size > 0;
  }

  stats(): HighlighterStats {
    return {
      mentions: this.index.size,
      runs: this.runsScanned,
      batches: this.batches,
      longestSlice: this.runner.longestSlice,
      painter: this.painter.kind,
    };
  }

  /** The mention under a viewport point, confirmed with its client rects. */
  hitTest(x: number, y: number): PageMention | null {
    const doc = this.win.document as CaretDocument;
    let node: Node | null = null;
    let offset = 0;
    if (doc.caretPositionFromPoint) {
      const pos = doc.caretPositionFromPoint(x, y);
      if (pos) ({ offsetNode: node, offset } = pos);
    } else if (doc.caretRangeFromPoint) {
      const range = doc.caretRangeFromPoint(x, y);
      if (range) ({ startContainer: node, startOffset: offset } = range);
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return null;
    // The caret sits between characters: the character under the pointer is on either side.
    for (const candidate of [this.index.at(node, offset), this.index.at(node, offset - 1)]) {
      if (candidate && containsPoint(candidate.range, x, y)) return candidate;
    }
    return null;
  }

  private *markFirstScreen(started: number): Generator<void> {
    this.firstScreenMs = performance.now() - started;
    yield;
  }

  private *scan(root: Node): Generator<void> {
    for (const run of textRuns(root, this.walk)) {
      if (this.stopped) return;
      yield* this.process(run);
      yield;
    }
    if (!this.stopped) this.painter.flush();
  }

  /** Matches and paints one run, pausing between windows of a long text. */
  private *process(run: TextRun): Generator<void> {
    this.runsScanned++;
    for (const node of run.nodes) this.done.add(node);
    const block = run.block as Element & { checkVisibility?: () => boolean };
    if (run.text.length <= WINDOW) {
      // Match first: most runs have no mention and need no visibility check (a style read).
      const matches = this.automaton.match(run.text);
      if (matches.length === 0) return;
      if (block.checkVisibility && !block.checkVisibility()) return;
      this.paint(mentionsOf(run, matches));
      return;
    }
    if (block.checkVisibility && !block.checkVisibility()) return;
    let first = true;
    for (const mentions of matchRunInSlices(run, this.automaton)) {
      if (!first) yield;
      first = false;
      // The page changed the run while it waited: its rescan is queued, this one ends.
      if (this.stopped || !this.done.has(run.nodes[0]!)) return;
      if (mentions.length > 0) this.paint(mentions);
    }
  }

  private paint(mentions: PageMention[]): void {
    for (const m of mentions) this.index.add(m);
    this.painter.add(mentions, (m) => this.entryOf(m).kind);
    // The fallback painter changes the DOM: those are Puente's own changes, not the page's.
    if (this.painter.kind === 'wrap') this.observer?.takeRecords();
    this.onChange?.();
  }

  /**
   * Blocks under a grid of viewport points: scanned first so the first screen is marked
   * quickly. Only elements that hold text themselves count: a hit on a container (the margin
   * between paragraphs lands on <article>) would make the whole page "visible".
   */
  private visibleBlocks(): Element[] {
    const doc = this.win.document;
    const w = this.win.innerWidth;
    const h = this.win.innerHeight;
    const found = new Set<Element>();
    if (!doc.elementFromPoint || !w || !h) return [];
    for (let i = 1; i <= 5; i++) {
      for (let j = 1; j <= 3; j++) {
        const el = doc.elementFromPoint((w * j) / 4, (h * i) / 6);
        if (!el || el === doc.body || el === doc.documentElement) continue;
        const block = blockOf(el.firstChild ?? el) ?? el;
        const holdsText = [...block.childNodes].some(
          (c) => c.nodeType === Node.TEXT_NODE && /\S/.test(c.nodeValue ?? ''),
        );
        if (holdsText && !isSkipped(block, this.walk)) found.add(block);
      }
    }
    return [...found];
  }

  private onMutations(records: MutationRecord[]): void {
    const removedText: Text[] = [];
    for (const r of records) {
      if (this.isOwn(r.target)) continue;
      if (r.type === 'characterData') {
        this.markDirty(r.target);
        continue;
      }
      for (const node of r.removedNodes) {
        if (this.isOwn(node)) continue;
        collectText(node, removedText);
        if (node.nodeType === Node.TEXT_NODE || isInlineNode(node)) this.markDirty(r.target);
      }
      for (const node of r.addedNodes) {
        if (this.isOwn(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE && !isInlineNode(node)) this.dirty.add(node);
        else this.markDirty(node);
      }
    }
    if (removedText.length > 0) {
      const gone = this.index.removeNodes(removedText);
      this.painter.remove(gone);
      if (gone.length > 0) this.onChange?.();
    }
    this.scheduleFlush();
  }

  private markDirty(node: Node): void {
    const block =
      node.nodeType === Node.ELEMENT_NODE && !isInlineNode(node) ? (node as Element) : blockOf(node);
    if (block) this.dirty.add(block);
  }

  /** Puente's own nodes: its UI host (and inside it) and the fallback's marks. */
  private isOwn(node: Node): boolean {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(MARK_ATTRIBUTE)) return true;
    for (
      let e = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      e;
      e = e.parentElement
    ) {
      if (this.walk.exclude?.(e)) return true;
    }
    return false;
  }

  /** Mutations are batched: at most one rescan per animation frame, however busy the page. */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.dirty.size === 0) return;
    this.flushScheduled = true;
    this.ctx.requestAnimationFrame(() => {
      this.flushScheduled = false;
      if (this.stopped) return;
      this.batches++;
      const roots = [...this.dirty].filter((n) => n.isConnected);
      this.dirty = new Set();
      // Keep only outermost roots: a root inside another is rescanned with it.
      const outer = roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
      for (const root of outer) {
        const stale: Text[] = [];
        collectText(root, stale);
        for (const t of stale) this.done.delete(t);
        this.painter.remove(this.index.removeNodes(stale));
        this.runner.push(this.scan(root));
      }
    });
  }
}

/** Text and inline elements change the run they sit in; blocks bring runs of their own. */
function isInlineNode(node: Node): boolean {
  return node.nodeType !== Node.ELEMENT_NODE || isInline(node as Element);
}

/** Every text node in a subtree (or the node itself). */
function collectText(node: Node, out: Text[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    out.push(node as Text);
    return;
  }
  const doc = node.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) out.push(t as Text);
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}
