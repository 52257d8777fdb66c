/**
 * The page highlighter: scans the page (the visible part first, the rest in idle slices),
 * paints mentions, follows changes with a MutationObserver, and hit-tests the pointer.
 * Everything it starts is stopped by `stop()`, which the content-script context calls when
 * the extension is updated or disabled.
 */
import type { Automaton } from '../match/automaton';
import { buildPageMatcher, type PageMatcherData } from '../match/forms';
import { WINDOW } from '../match/windows';
import {
  MentionIndex,
  matchRunInSlices,
  mentionsOf,
  rangeOf,
  startNodeOf,
  type PageMention,
} from './mentions';
import { HighlightApiPainter, MARK_ATTRIBUTE, createPainter, type Painter } from './painter';
import { blockOf, hasText, isInline, isSkipped, textRuns, type TextRun, type WalkOptions } from './runs';
import { SliceRunner, type Timers } from './scheduler';

/**
 * The timers the highlighter runs on: `contextTimers` (they stop with the content script).
 * `clearTimeout` is required so that WXT's context itself does not fit: its wrappers add a
 * listener per call, several per frame on a live feed, and it was passed here until a trace of
 * the feed showed `addEventListener` under the page's mutation callbacks.
 */
export interface HighlighterContext extends Timers {
  requestAnimationFrame(fn: () => void): number;
  clearTimeout(id: number): void;
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
  /**
   * Text nodes (and the blocks of whole-block runs) scanned by the first-screen pass or by a
   * rescan, which the initial pass must not scan again; dropped once the initial pass is over.
   * The initial pass records nothing: a WeakSet entry per text node made garbage collection
   * mark a million ephemerons (a 100 ms pause) on a page of a million text nodes, and a live
   * feed's 60,000 paragraphs 330 ms.
   */
  private done: WeakSet<Node> | null = new WeakSet<Node>();
  /** Long runs being matched window by window, with a token per scan (see `process`). */
  private readonly inProgress = new Map<Text, object>();
  private observer: MutationObserver | null = null;
  /** The first mention found in the blocks in view at the start (see `ViewportProbe.inView`). */
  private inView: PageMention | null = null;
  private dirty = new Set<Node>();
  /**
   * The dirty roots whose text changed (not only added): their marks are dropped as soon as the
   * change is seen. A block the page added holds nothing indexed (a node moved in was dropped
   * with its removal), so it is read only by its rescan, which forgets before it scans: reading
   * it at the frame too cost a feed a walk of each new section.
   */
  private changed = new Set<Node>();
  private flushScheduled = false;
  private runsScanned = 0;
  private batches = 0;
  private stopped = false;
  private readonly listening = new AbortController();
  private scrollFlush = false;
  private readonly walk: WalkOptions;
  /** Called when the set of mentions changes (for live counts). */
  onChange: (() => void) | null = null;

  constructor(
    private readonly win: Window & typeof globalThis,
    readonly data: PageMatcherData,
    private readonly ctx: HighlighterContext,
    options: {
      exclude: (el: Element, tagName?: string) => boolean;
      onShadowRoot?: (root: ShadowRoot) => void;
    },
    automaton?: Automaton,
  ) {
    this.automaton = automaton ?? buildPageMatcher(data.entries);
    this.painter = createPainter(win, (fn, ms) => ctx.setTimeout(fn, ms));
    if (this.painter instanceof HighlightApiPainter)
      this.painter.view = {
        ordered: () => this.index.ordered(),
        locate: firstInView,
        below: (mentions, from) => firstBelow(mentions, from, win.innerHeight),
        // A mention since removed is not in the list: the painter then reads boxes.
        inView: () => this.inView,
        // None in the first screen (a page that fills itself later, a feed) tells nothing of
        // the pages to come: the painter's largest window until the reader scrolls.
        inViewCount: () =>
          this.firstScreenMs === null || this.firstScreenMentions === 0 ? null : this.firstScreenMentions,
      };
    this.runner = new SliceRunner(ctx);
    this.walk = {
      exclude: options.exclude,
      done: this.done ?? undefined,
      onShadowRoot: (root) => {
        // Changes inside shadow roots are not seen from the document: observe each one.
        this.observer?.observe(root, OBSERVE);
        options.onShadowRoot?.(root);
      },
    };
  }

  /** Milliseconds from start() until the blocks in view were marked (null until then). */
  firstScreenMs: number | null = null;
  /** Mentions found in the blocks in view at the start. */
  private firstScreenMentions = 0;

  /** Starts scanning and observing. */
  start(): void {
    const doc = this.win.document;
    // Urgent work runs first, in the order pushed: the visible blocks in document order (the
    // index sorts mentions by it, cheaply only when they come in order: see `byDocumentOrder`),
    // then the marker that times them.
    const started = performance.now();
    for (const block of this.visibleBlocks()) this.runner.push(this.scan(block, 'first'), true);
    this.runner.push(this.markFirstScreen(started), true);
    this.runner.push(this.scan(doc.body ?? doc.documentElement, 'initial'));
    this.observer = new this.win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, OBSERVE);
    // The painter holds mentions found out of view, and on pages with thousands of mentions
    // shows only those around the viewport; when the reader scrolls, the next frame (which
    // scrolling draws anyway) shows what was found so far, around the new position.
    this.win.addEventListener(
      'scroll',
      () => {
        if (this.scrollFlush) return;
        this.scrollFlush = true;
        this.ctx.requestAnimationFrame(() => {
          this.scrollFlush = false;
          if (!this.stopped) this.painter.refresh();
        });
      },
      { capture: true, passive: true, signal: this.listening.signal },
    );
    // Printed pages are not the viewport: everything found is registered while printing.
    for (const [type, on] of [
      ['beforeprint', true],
      ['afterprint', false],
    ] as const) {
      this.win.addEventListener(type, () => this.painter.printing(on), { signal: this.listening.signal });
    }
  }

  /** Matches a piece of text with this page's automaton (for the selection's entry). */
  matchText(text: string) {
    return this.automaton.match(text);
  }

  /** Finishes all queued scanning now and shows it (benchmarks and tests; pages get idle slices). */
  finishNow(): void {
    this.runner.drain();
    this.painter.flush();
  }

  /** Stops everything and erases every highlight. */
  stop(): void {
    this.stopped = true;
    this.listening.abort();
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

  /**
   * Entries on the page with their counts, in order of first appearance. The counts are the
   * index's own, kept as mentions come and go; the walk in document order stops once every
   * entry has been seen (counting over every mention grew with a feed, on each of the side
   * panel's requests).
   */
  pageTerms(): PageTerm[] {
    const terms: PageTerm[] = [];
    const seen = new Set<number>();
    for (const m of this.index.ordered()) {
      if (seen.size === this.index.entries) break;
      if (seen.has(m.entry)) continue;
      seen.add(m.entry);
      terms.push({ id: this.entryOf(m).id, count: this.index.countOf(m.entry) });
    }
    return terms;
  }

  /**
   * How many distinct entries the page mentions (for the badge, after every batch): counted as
   * mentions are indexed and removed, which the page's removals do as they happen.
   */
  entryCount(): number {
    return this.index.entries;
  }

  /** Mentions in document order. */
  orderedMentions(): PageMention[] {
    return this.index.ordered().filter((m) => startNodeOf(m).isConnected);
  }

  /** Whether scanning is still under way. */
  get busy(): boolean {
    return this.runner.busy || this.dirty.size > 0 || this.painter.scheduled;
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
      if (candidate && containsPoint(rangeOf(candidate), x, y)) return candidate;
    }
    return null;
  }

  private *markFirstScreen(started: number): Generator<void> {
    this.firstScreenMs = performance.now() - started;
    yield;
  }

  /**
   * Scans a subtree: the blocks in view first, then the initial pass over the whole page, then
   * rescans of what the page changes. The first and the rescans mark their text nodes done, for
   * the initial pass to skip.
   */
  private *scan(root: Node, pass: 'first' | 'initial' | 'rescan'): Generator<void> {
    // A rescan drops what is indexed under its root when it starts, not only when it was queued:
    // a rescan of an ancestor queued before it may have run in between and indexed this root's
    // new text, which this one would then index again (a busy feed, after the initial pass).
    if (pass === 'rescan' && root.isConnected) this.forget(root);
    for (const run of textRuns(root, this.walk)) {
      if (this.stopped) return;
      yield* this.process(run, pass);
      yield;
    }
    if (this.stopped) return;
    if (pass === 'initial') {
      // Nothing is left for the initial pass to skip: later rescans need no record.
      this.done = null;
      this.walk.done = undefined;
    }
    if (pass === 'rescan') this.painter.flushSoon();
    else this.painter.flush();
  }

  /** Matches and paints one run, pausing between windows of a long text. */
  private *process(run: TextRun, pass: 'first' | 'initial' | 'rescan'): Generator<void> {
    this.runsScanned++;
    if (pass !== 'initial' && this.done) {
      // A whole-block run is its block's text: one entry, and its nodes are not listed.
      if (run.whole) this.done.add(run.block);
      else for (const node of run.nodes) this.done.add(node);
    }
    const block = run.block as Element & { checkVisibility?: () => boolean };
    if (run.text.length <= WINDOW) {
      // Match first: most runs have no mention and need no visibility check (a style read).
      const matches = this.automaton.match(run.text);
      if (matches.length === 0) return;
      if (block.checkVisibility && !block.checkVisibility()) return;
      const mentions = mentionsOf(run, matches);
      run.keepOnly?.(mentions);
      if (pass === 'first') {
        this.inView ??= mentions[0]!;
        this.firstScreenMentions += mentions.length;
      }
      this.paint(mentions);
      return;
    }
    if (block.checkVisibility && !block.checkVisibility()) return;
    // A rescan of this run (the page changed it while it waited) replaces the token.
    const head = run.nodes[0]!;
    const token = {};
    this.inProgress.set(head, token);
    let first = true;
    try {
      for (const mentions of matchRunInSlices(run, this.automaton)) {
        if (!first) yield;
        first = false;
        // The page changed the run while it waited: its rescan is queued, this one ends.
        if (this.stopped || this.inProgress.get(head) !== token) return;
        if (mentions.length === 0) continue;
        if (pass === 'first') {
          this.inView ??= mentions[0]!;
          this.firstScreenMentions += mentions.length;
        }
        this.paint(mentions);
      }
    } finally {
      if (this.inProgress.get(head) === token) this.inProgress.delete(head);
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
   * Blocks in view, scanned first so that the first screen is marked quickly. Found by going
   * down from <body> through the children whose boxes meet the viewport, reading boxes (the
   * page is laid out by now) rather than hit-testing: Chromium hit-tests a block's children one
   * by one, 4 ms per point on a list of 25,000 items and 250 ms for a grid of points on a page
   * of a million text nodes. Long child lists are searched by halves (normal flow stacks them
   * top to bottom; where it does not, fewer blocks are found first and the full pass still
   * reaches them). Only elements that hold text themselves count: a container (the margin
   * between paragraphs lands on <article>) would make the whole page "visible".
   */
  private visibleBlocks(): Element[] {
    const doc = this.win.document;
    const w = this.win.innerWidth;
    const h = this.win.innerHeight;
    const body = doc.body;
    if (!body || !w || !h) return [];
    const found = new Set<Element>();
    let budget = 800;
    const stack: Element[] = [body];
    while (stack.length > 0 && budget > 0 && found.size < 60) {
      const el = stack.pop()!;
      if (el !== body && isSkipped(el, this.walk)) continue;
      if (el !== body && holdsText(el)) {
        found.add(isInline(el) ? (blockOf(el) ?? el) : el);
        continue;
      }
      const kids = el.children;
      const n = kids.length;
      let from = 0;
      if (n > 32) {
        budget -= Math.ceil(Math.log2(n));
        const lo = firstReaching(n, (i) => kids[i]!);
        from = Math.max(0, lo - 2);
      }
      const next: Element[] = [];
      for (let i = from; i < n && budget > 0; i++) {
        const kid = kids[i]!;
        budget--;
        const r = kid.getBoundingClientRect();
        if (r.bottom > 0 && r.top < h && r.right > 0 && r.left < w) next.push(kid);
        // Past the bottom of the viewport in a long list: the rest is further down.
        else if (n > 32 && i > from + 4 && r.top >= h) break;
      }
      // Popped in document order.
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
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
    if (block) {
      this.dirty.add(block);
      this.changed.add(block);
    }
  }

  /** Puente's own nodes: its UI host (and inside it) and the fallback's marks. */
  private isOwn(node: Node): boolean {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(MARK_ATTRIBUTE)) return true;
    for (
      let e = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      e;
      e = e.parentElement
    ) {
      if (this.walk.exclude?.(e, e.tagName)) return true;
    }
    return false;
  }

  /** Drops the mentions and the records of the text under a root that is to be read again. */
  private forget(root: Node): void {
    const stale: Text[] = [];
    const blocks: Element[] = [];
    collectText(root, stale, this.done ? blocks : undefined);
    for (const t of stale) {
      this.done?.delete(t);
      this.inProgress.delete(t);
    }
    for (const b of blocks) this.done?.delete(b);
    this.painter.remove(this.index.removeNodes(stale));
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
      const changed = this.changed;
      this.dirty = new Set();
      this.changed = new Set();
      // Keep only outermost roots: a root inside another is rescanned with it. (Looking up each
      // root's ancestors rather than testing every pair: a feed adds a hundred roots a frame.)
      const set = new Set(roots);
      const outer = roots.filter((n) => {
        for (let a = n.parentNode; a; a = a.parentNode) if (set.has(a)) return false;
        return true;
      });
      // In the order the page changed them (see `SliceRunner.urgent`).
      for (const root of outer) {
        if (changed.has(root)) this.forget(root);
        // Urgent: it runs before the initial pass reaches these nodes, which then skips them.
        this.runner.push(this.scan(root, 'rescan'), true);
      }
    });
  }
}

/** Text and inline elements change the run they sit in; blocks bring runs of their own. */
function isInlineNode(node: Node): boolean {
  return node.nodeType !== Node.ELEMENT_NODE || isInline(node as Element);
}

/**
 * The index of the first of `count` items in page order whose box ends below the top of the
 * viewport, by halves (normal flow lays them out top to bottom; where it does not, the answer
 * is off by a few screens). Used for long child lists and for the painter's window of ranges.
 */
function firstReaching(count: number, item: (i: number) => Element | Range): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (item(mid).getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The index of the first mention from `from` on that starts below the viewport, by halves (see
 * `firstReaching`), for the size of the painter's window.
 */
function firstBelow(mentions: readonly PageMention[], from: number, height: number): number {
  let lo = Math.max(0, from);
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rangeOf(mentions[mid]!).getBoundingClientRect().top >= height) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first mention in view, for the painter's window (see `firstReaching`). */
function firstInView(mentions: readonly PageMention[]): number {
  return Math.min(
    firstReaching(mentions.length, (i) => rangeOf(mentions[i]!)),
    mentions.length - 1,
  );
}

/**
 * Whether an element has text of its own (not only white space) among its first children. A
 * long list is taken for a container without reading all of it: the white space between the
 * 25,000 items of a list took 16 ms to read (a regular expression per node), a third of the
 * first screen of the benchmark's page of 100,000 text nodes. An element whose text comes only
 * after that many children is found through inline children that hold text, if any; otherwise
 * the full pass reaches it a little later, as it reaches blocks this search misses.
 */
function holdsText(el: Element): boolean {
  let seen = 0;
  for (let c = el.firstChild; c && seen < 64; c = c.nextSibling, seen++) {
    if (c.nodeType === Node.TEXT_NODE && hasText((c as Text).data)) return true;
  }
  return false;
}

/** Every text node in a subtree (or the node itself), and with `elements` every element in it. */
function collectText(node: Node, out: Text[], elements?: Element[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    out.push(node as Text);
    return;
  }
  const doc = node.ownerDocument;
  if (!doc) return;
  if (elements && node.nodeType === Node.ELEMENT_NODE) elements.push(node as Element);
  // An element of text only (a feed's new paragraph): its children, without a walker (an object
  // of the content script's world, with an entry in its table of wrappers).
  if ((node as Element).firstElementChild === null) {
    for (let c = node.firstChild; c; c = c.nextSibling)
      if (c.nodeType === Node.TEXT_NODE) out.push(c as Text);
    return;
  }
  const walker = doc.createTreeWalker(
    node,
    elements ? NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT : NodeFilter.SHOW_TEXT,
  );
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
    else elements!.push(n as Element);
  }
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}
