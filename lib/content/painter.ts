/**
 * Painting mentions. The CSS Custom Highlight API draws them without touching the page's DOM
 * (wrapping text in elements breaks React/Vue pages and editors, a complaint in every
 * highlighter that did it). Where the API is missing, a fallback wraps each mention in a
 * <mark> and can unwrap it exactly.
 */
import type { TermKind } from '../bundle/types';
import { TERM_KINDS } from '../bundle/types';
import { byDocumentOrder, rangeOf, startNodeOf, type PageMention } from './mentions';

/** Draws and erases mentions. */
export interface Painter {
  readonly kind: 'highlight-api' | 'wrap';
  add(mentions: readonly PageMention[], kindOf: (m: PageMention) => TermKind): void;
  remove(mentions: readonly PageMention[]): void;
  /** Shows every mention added so far (painters may hold some back). */
  flush(): void;
  /** Shows them soon: at most one commit per `soonMs` (a busy page changes every frame). */
  flushSoon(): void;
  /** Whether a commit is scheduled by `flushSoon`. */
  readonly scheduled: boolean;
  /** The reader scrolled: commits, around the new position where only some are shown. */
  refresh(): void;
  /**
   * The page is being printed (`true`) or no longer (`false`): printed pages are not the
   * viewport, so a painter that registers only what is near it registers everything it shows.
   */
  printing(on: boolean): void;
  clear(): void;
}

/** Where the reader is, for a painter that shows only the mentions around the viewport. */
export interface ViewportProbe {
  /** Every mention, in document order. */
  ordered(): readonly PageMention[];
  /** The index of the first mention in view in that list (reads boxes, by halves). */
  locate(mentions: readonly PageMention[]): number;
  /**
   * The index of the first mention from `from` on that starts below the viewport (reads boxes,
   * by halves): with `locate`, how many mentions are in view.
   */
  below?(mentions: readonly PageMention[], from: number): number;
  /**
   * A mention known to be in view without reading boxes (the first screen's), if any: before
   * the reader scrolls, the window is placed around it. Reading boxes forces a layout, and a
   * forced layout during the scan of a page of 20,000 `content-visibility: auto` paragraphs
   * took 226 ms.
   */
  inView(): PageMention | null;
  /** How many mentions the first screen had, once it is marked (null before, or if unknown). */
  inViewCount?(): number | null;
}

/**
 * Tells, some time after an element is observed and whenever that changes, whether it is near
 * the viewport, and when it comes close to it: IntersectionObservers in pages (they read no box
 * on the page's time: the browser works it out in its rendering steps, and calls back after the
 * frame).
 */
export interface Nearness {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}

/**
 * A change of nearness: the element, and whether it is now near the viewport (`near`, within a
 * screen of it) or has come close to it (`close`, within a quarter of a screen).
 */
export interface NearChange {
  el: Element;
  near?: boolean;
  close?: boolean;
}

/** Makes a {@link Nearness} that calls `onChange` with what changed. */
export type NearnessFactory = (onChange: (changes: readonly NearChange[]) => void) => Nearness;

/** The highlight name for a kind, as used in `::highlight(...)`. */
export function highlightName(kind: TermKind): string {
  return `puente-${kind}`;
}

/**
 * Painter on `CSS.highlights`: one Highlight per kind. Every commit of new ranges costs the
 * page a rendering frame, and that frame is not cheap on big pages: Chromium rebuilds its
 * highlight markers from every registered range (measured on one 3 MB text node: 9,000 ranges
 * added 150 per frame took 3.4 s, frames growing from 24 to 83 ms; all at once 48 ms), and a
 * page of 20,000 `content-visibility: auto` paragraphs spends 50 ms per frame on its own
 * intersection checks. So the first batch (the first screen) is shown at once and later ranges
 * are held and committed when the hold runs out, the hold doubling from `holdMs` to
 * `maxHoldMs`: a scan of any length causes a handful of frames, and a mention waits at most
 * `maxHoldMs` to be shown. The highlighter also commits at the end of each scan and when the
 * reader scrolls.
 */
export class HighlightApiPainter implements Painter {
  readonly kind = 'highlight-api';
  private readonly highlights = new Map<TermKind, Highlight>();
  /**
   * How many mentions were added and not removed, and the kind of each (the highlighter's,
   * fixed for its life). The mentions themselves are the index's (`view.ordered()`): a map of
   * every mention here and a set of them in the index took 0.4–0.6 MB more heap on a live
   * feed of 7,500–45,000 mentions (tests/e2e/feed.test.ts).
   */
  private count = 0;
  private kindOf: ((m: PageMention) => TermKind) | null = null;
  /**
   * The mentions the painter shows (every one, or the window's), each with the element it is
   * watched by (null without nearness) and its Range while that element is not known to be far
   * from the viewport (null while it is far, or not yet known to be near: see `near`).
   */
  private readonly registered = new Map<PageMention, { el: Element | null; range: Range | null }>();
  /**
   * Where the browser can tell (IntersectionObservers), a shown mention's Range is in a
   * highlight only while the element its text starts in is within a screen of the viewport.
   * Every registered range costs each frame after the page changes anything (see `view`, below),
   * wherever it is; a window in document order cannot tell a sidebar from the text below the
   * viewport, and the browser's geometry can, so this applies at any size. The first commit
   * (the first screen) is shown at once; mentions committed later wait for the browser to say
   * where their element is (the frame after), so that a mention found far below costs no
   * rebuild. An element without a box (`display: contents`) counts as near.
   *
   * Each change to the registered ranges is itself a rebuild and a repaint of the text under
   * them, and scrolling alone repaints nothing: changed paragraph by paragraph as they cross the
   * margin, scrolling the longest article 60 px a frame took 540 ms of main thread against
   * 290 ms with every mention registered. So changes are applied together: when an element not
   * shown comes close to the viewport, or `settleMs` after the first change not yet applied.
   */
  private readonly near: Nearness | null;
  private readonly elementOf: (m: PageMention) => Element | null;
  /** Observed elements, with the shown mentions that start in each. */
  private readonly byElement = new Map<Element, Set<PageMention>>();
  /** Observed elements the browser last said were near the viewport. */
  private readonly nearby = new Set<Element>();
  /** Observed elements whose mentions' Ranges are in the highlights. */
  private readonly shownElements = new Set<Element>();
  /** Observed elements whose nearness changed since the last time changes were applied. */
  private dirty = new Set<Element>();
  private settling = false;
  private readonly settleMs: number;
  /** Ranges in the highlights now. */
  private ranges = 0;
  /** Whether this commit shows its mentions before nearness is known (the first screen's). */
  private eager = false;
  /** While the page is printed, every shown mention has its Range, near or not. */
  private printAll = false;
  /** Mentions added since the last commit. */
  private pending = new Set<PageMention>();
  private lastFlush = 0;
  private timedFlushes = 0;
  private soonTimer = false;
  /**
   * Beyond `limit` mentions only a window of them around the viewport is registered, in
   * document order: mentions a page adds where the reader is are shown with their neighbours.
   * Chromium drops and rebuilds a marker for every registered range, and repaints the text
   * under each, in every frame after the page changed its DOM or its style anywhere, not only
   * when Puente commits. On the corpus's longest article (291 mentions, 24 in view) with a
   * counter ticking 30 times a second in a corner (`bench/churn-trace.ts`), each of those frames
   * spent 1.6 ms in pre-paint and 5.3 ms in paint with every mention registered, 0.6 and 2.4 ms
   * with a window of 60 (a build with a lower `limit`), and 0.1 and 0.2 ms without Puente; five
   * copies of that article (1,455 mentions) spent 6.7 and 3.3 ms, now 0.8 and 2.4. On a live
   * feed with 45,000 mentions, registering them all brought major collections of 200-700 ms and 70-130 ms of pre-paint in
   * every frame; registered ranges also lengthen every major collection while the page changes
   * (on a feed of 60,000 paragraphs the longest pause was 64 ms with 2,000 registered, 38 ms
   * with 200 and 34 ms with none). The window follows document order, so on a page laid out in
   * columns it can leave out mentions in view elsewhere in that order (a sidebar's): pages of
   * up to `limit` mentions (300; an article, the corpus's longest has 291) show every one, and
   * with nearness (`near`, above) only those near the viewport have a Range. Beyond the limit,
   * with nearness the window is `window` wide and bounds only how many elements are observed;
   * without it the window is two screens' worth of mentions (half a
   * screen above the viewport, the screen in view, half a screen below): counted from the first
   * screen until the reader scrolls (`window` if it had none), then measured by reading boxes
   * at each scroll; at least `minWindow` and at most `window`. A scroll moves the window only
   * when the viewport comes within a quarter of a screen of its edge, since every change to the
   * registered set is a rebuild too: scrolling the five copies 60 px a frame costs about 1.8 ms
   * more per frame than with everything registered (the window moves every few frames).
   */
  view: ViewportProbe | null = null;
  /** The mention the window was centred on, and whether the reader moved since (a scroll). */
  private anchor: PageMention | null = null;
  private moved = false;
  /** Mentions in a screen (null until known) and the first and last mention of the window. */
  private perScreen: number | null = null;
  private first: PageMention | null = null;
  private last: PageMention | null = null;

  private readonly holdMs: number;
  private readonly maxHoldMs: number;
  private readonly soonMs: number;
  readonly limit: number;
  readonly window: number;
  readonly minWindow: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly rangeOf: (m: PageMention) => Range;

  constructor(
    private readonly registry: HighlightRegistry,
    options: {
      holdMs?: number;
      maxHoldMs?: number;
      soonMs?: number;
      limit?: number;
      window?: number;
      minWindow?: number;
      now?: () => number;
      setTimer?: (fn: () => void, ms: number) => unknown;
      /** Makes the Range registered for a mention (tests pass their own). */
      rangeOf?: (m: PageMention) => Range;
      /** Tells which elements are near the viewport (none: every shown mention is registered). */
      nearness?: NearnessFactory;
      /** The element whose nearness decides a mention's (tests pass their own). */
      elementOf?: (m: PageMention) => Element | null;
      /** How long changes of nearness wait to be applied together (see `near`). */
      settleMs?: number;
    } = {},
  ) {
    this.holdMs = options.holdMs ?? 1000;
    this.maxHoldMs = options.maxHoldMs ?? 8000;
    this.soonMs = options.soonMs ?? 400;
    this.limit = options.limit ?? 300;
    this.window = options.window ?? 200;
    this.minWindow = Math.min(options.minWindow ?? 32, this.window);
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.rangeOf = options.rangeOf ?? rangeOf;
    this.near = options.nearness?.((changes) => this.onNear(changes)) ?? null;
    this.elementOf = options.elementOf ?? ((m) => startNodeOf(m).parentElement);
    this.settleMs = options.settleMs ?? 250;
    for (const kind of TERM_KINDS) {
      const h = new Highlight();
      this.highlights.set(kind, h);
      registry.set(highlightName(kind), h);
    }
  }

  /** Whether only a window of the mentions is registered. */
  get windowed(): boolean {
    return this.view !== null && this.count > Math.max(this.limit, this.size());
  }

  /**
   * How many mentions the window holds: two screens' worth, within bounds (see `view`). With
   * nearness, `window`: only those near the viewport have a Range, so the window bounds only
   * how many elements are observed, and a wide one moves rarely.
   */
  size(): number {
    if (this.near) return this.window;
    const screen = this.perScreen ?? this.view?.inViewCount?.() ?? null;
    if (screen === null) return this.window;
    return Math.max(this.minWindow, Math.min(this.window, 2 * screen));
  }

  add(mentions: readonly PageMention[], kindOf: (m: PageMention) => TermKind): void {
    this.kindOf = kindOf;
    this.count += mentions.length;
    for (const m of mentions) this.pending.add(m);
    if (this.registered.size === 0 && !this.windowed) this.flush();
    else if (this.now() - this.lastFlush >= Math.min(this.maxHoldMs, this.holdMs * 2 ** this.timedFlushes)) {
      this.timedFlushes++;
      this.flush();
    }
  }

  remove(mentions: readonly PageMention[]): void {
    this.count = Math.max(0, this.count - mentions.length);
    for (const m of mentions) {
      this.pending.delete(m);
      this.unregister(m);
    }
  }

  /**
   * A page that changes all the time (a live feed) would otherwise get a commit, and Chromium a
   * rebuild of every marker, in each frame: measured on a feed with 7,500 mentions, 20-35 ms of
   * each frame went to that.
   */
  get scheduled(): boolean {
    return this.soonTimer;
  }

  flushSoon(): void {
    if (this.pending.size === 0 || this.soonTimer) return;
    const wait = this.lastFlush + this.soonMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.soonTimer = true;
    this.setTimer(() => {
      this.soonTimer = false;
      if (this.highlights.size > 0) this.flush();
    }, wait);
  }

  flush(): void {
    this.lastFlush = this.now();
    this.eager = this.registered.size === 0;
    if (!this.windowed) {
      // Everything is registered: add what came since, and what a window had left out (only
      // a painter with a view has a window).
      const missing =
        this.view && this.registered.size + this.pending.size < this.count
          ? this.view.ordered()
          : this.pending;
      for (const m of missing) this.register(m);
      this.pending = new Set();
      return;
    }
    const view = this.view!;
    const list = view.ordered();
    // With nearness, where the reader is comes from what the browser last said was near: no
    // box is read. Reading them forces layouts, and on a page that keeps its paragraphs out of
    // layout (`content-visibility: auto`) each box read inside one is a layout of its own:
    // 10-15 ms each on the fixture of a million text nodes, 170 ms for a window placed after the
    // page changed the paragraph in view, at the first scroll too.
    const near = this.near && !this.printAll ? this.nearRange(list) : null;
    if (near) {
      this.moved = false;
      if (this.keeps(list, near)) {
        for (let i = near.from; i <= near.to; i++) this.register(list[i]!);
        this.pending = new Set();
      } else {
        const centre = (near.first + near.last) >> 1;
        this.place(list, centre - (this.size() >> 1), centre);
      }
      return;
    }
    // Where the viewport is: found again after a scroll, otherwise where it was (reading boxes
    // would force a layout of a page that keeps changing).
    let at = -1;
    let inView: number | null = null;
    const moved = this.moved;
    if (!moved) {
      const known = this.anchor ?? view.inView();
      if (known) at = list.indexOf(known);
    }
    if (at < 0) at = view.locate(list);
    if (moved && view.below) {
      inView = Math.max(0, view.below(list, at) - at);
      this.perScreen = inView;
    }
    this.moved = false;
    const size = this.size();
    if (inView !== null && this.first && this.last) {
      // A scroll within the window: it stays (new mentions inside it are added).
      const margin = Math.ceil(inView / 4);
      const from = list.indexOf(this.first);
      const to = list.indexOf(this.last);
      if (
        from >= 0 &&
        to >= 0 &&
        from <= Math.max(0, at - margin) &&
        to >= Math.min(list.length - 1, at + inView + margin)
      ) {
        for (let i = from; i <= to; i++) this.register(list[i]!);
        this.pending = new Set();
        return;
      }
    }
    const before = Math.max(0, Math.floor((size - (this.perScreen ?? view.inViewCount?.() ?? 0)) / 2));
    this.place(list, at - before, at);
  }

  /** Registers the window starting at `from` (kept within the list), centred on `anchor`. */
  private place(list: readonly PageMention[], from: number, anchor: number): void {
    const size = this.size();
    this.anchor = list[anchor] ?? null;
    from = Math.max(0, Math.min(from, list.length - size));
    const slice = list.slice(from, from + size);
    this.first = slice[0] ?? null;
    this.last = slice[slice.length - 1] ?? null;
    const wanted = new Set(slice);
    // The new first: an element that stays in the window stays observed and shown.
    for (const m of wanted) this.register(m);
    for (const m of this.registered.keys()) if (!wanted.has(m)) this.unregister(m);
    this.pending = new Set();
  }

  /**
   * Where the mentions the browser last said were near are in `list` (the first and last), and
   * where the window starts and ends (-1 for an end the page removed). Null when none is near,
   * or when all are: then nearness cannot tell where the reader is among them (one element
   * holds them all, a text node of megabytes) and boxes must.
   * Near mentions are registered, so inside the window: the search starts at its first.
   */
  private nearRange(list: readonly PageMention[]): NearRange | null {
    const wanted = new Set<PageMention>();
    for (const el of this.nearby) for (const m of this.byElement.get(el) ?? []) wanted.add(m);
    if (wanted.size === 0 || wanted.size >= this.registered.size) return null;
    const from = this.first ? list.indexOf(this.first) : -1;
    let first = -1;
    let last = -1;
    let to = -1;
    let found = 0;
    for (let i = Math.max(0, from); i < list.length; i++) {
      const m = list[i]!;
      if (m === this.last) to = i;
      if (wanted.has(m)) {
        if (first < 0) first = i;
        last = i;
        found++;
      }
      if (found === wanted.size && to >= 0) break;
    }
    return first < 0 ? null : { first, last, from, to };
  }

  /**
   * Whether the window holds the near mentions with a margin on either side (about a screen,
   * the near ones spanning three): it then stays, since every change to the registered set
   * costs a rebuild of the markers.
   */
  private keeps(list: readonly PageMention[], near: NearRange): boolean {
    const span = near.last - near.first + 1;
    const margin = Math.min(Math.ceil(span / 3), Math.max(0, (this.size() - span) >> 1));
    return (
      near.from >= 0 &&
      near.to >= 0 &&
      near.from <= Math.max(0, near.first - margin) &&
      near.to >= Math.min(list.length - 1, near.last + margin)
    );
  }

  /**
   * After the browser's word on nearness, beyond the limit: the window moves when the near
   * mentions come close to its edge (a scroll's frame reads nearness a frame late), and is
   * found again from boxes when nothing in it is near any more (the reader jumped past it).
   */
  private follow(wasNear: boolean): void {
    if (this.printAll || !this.windowed) return;
    if (this.nearby.size === 0) {
      if (wasNear) this.refresh();
      return;
    }
    const list = this.view!.ordered();
    const near = this.nearRange(list);
    if (near && !this.keeps(list, near)) this.flush();
  }

  /** The reader scrolled: shows what was found so far, around the new position. */
  refresh(): void {
    this.moved = true;
    this.flush();
  }

  /** The highlight of a mention's kind (none once cleared). */
  private highlightOf(m: PageMention): Highlight | undefined {
    return this.kindOf ? this.highlights.get(this.kindOf(m)) : undefined;
  }

  /**
   * Shows a mention: its Range goes into its highlight now if nearness is unknown here, if its
   * element is shown, or in a commit made when nothing was shown (the first screen, or a page
   * that replaced all its text); otherwise when the browser says its element is near.
   */
  private register(m: PageMention): void {
    const h = this.highlightOf(m);
    if (!h || this.registered.has(m)) return;
    const el = this.near ? this.elementOf(m) : null;
    const shown: { el: Element | null; range: Range | null } = { el, range: null };
    this.registered.set(m, shown);
    if (el) {
      let here = this.byElement.get(el);
      if (!here) {
        here = new Set();
        this.byElement.set(el, here);
        this.near!.observe(el);
      }
      here.add(m);
      if (!this.shownElements.has(el)) {
        if (!this.eager && !this.printAll) return;
        this.shownElements.add(el);
      }
    }
    this.show(m, shown);
  }

  private unregister(m: PageMention): void {
    const shown = this.registered.get(m);
    if (!shown) return;
    this.registered.delete(m);
    this.hide(m, shown);
    const el = shown.el;
    const here = el && this.byElement.get(el);
    if (!here) return;
    here.delete(m);
    if (here.size > 0) return;
    this.byElement.delete(el);
    this.nearby.delete(el);
    this.shownElements.delete(el);
    this.dirty.delete(el);
    this.near!.unobserve(el);
  }

  private show(m: PageMention, shown: { range: Range | null }): void {
    const h = this.highlightOf(m);
    if (!h || shown.range) return;
    shown.range = this.rangeOf(m);
    h.add(shown.range);
    this.ranges++;
  }

  private hide(m: PageMention, shown: { range: Range | null }): void {
    if (!shown.range) return;
    this.highlightOf(m)?.delete(shown.range);
    shown.range = null;
    this.ranges--;
  }

  /** The browser says which observed elements came near the viewport, or close, or left. */
  private onNear(changes: readonly NearChange[]): void {
    const wasNear = this.nearby.size > 0;
    let now = false;
    for (const { el, near, close } of changes) {
      // Unobserved since (its mentions left the window or the page).
      if (!this.byElement.has(el)) continue;
      if (close) {
        // Within the near margin too, whichever observer spoke first.
        this.nearby.add(el);
        if (!this.shownElements.has(el)) now = true;
      } else if (near === undefined) continue;
      else if (near) this.nearby.add(el);
      else this.nearby.delete(el);
      this.dirty.add(el);
    }
    if (now) this.settle();
    else if (this.dirty.size > 0 && !this.settling) {
      this.settling = true;
      this.setTimer(() => {
        this.settling = false;
        if (this.highlights.size > 0) this.settle();
      }, this.settleMs);
    }
    this.follow(wasNear);
  }

  printing(on: boolean): void {
    if (!this.near || this.printAll === on) return;
    this.printAll = on;
    for (const el of this.byElement.keys()) this.dirty.add(el);
    this.settle();
  }

  /** Applies the changes of nearness: shows the elements now near, hides the others. */
  private settle(): void {
    for (const el of this.dirty) {
      const near = this.printAll || this.nearby.has(el);
      if (near === this.shownElements.has(el)) continue;
      if (near) this.shownElements.add(el);
      else this.shownElements.delete(el);
      for (const m of this.byElement.get(el) ?? []) {
        const shown = this.registered.get(m)!;
        if (near) this.show(m, shown);
        else this.hide(m, shown);
      }
    }
    this.dirty = new Set();
  }

  clear(): void {
    // Only its own: after an update the new copy's highlights may already be registered.
    for (const [kind, h] of this.highlights) {
      if (this.registry.get(highlightName(kind)) === h) this.registry.delete(highlightName(kind));
    }
    this.highlights.clear();
    this.near?.disconnect();
    this.byElement.clear();
    this.nearby.clear();
    this.shownElements.clear();
    this.dirty = new Set();
    this.printAll = false;
    this.ranges = 0;
    this.count = 0;
    this.first = this.last = null;
    this.registered.clear();
    this.pending = new Set();
  }
}

/** Where the near mentions and the window's ends are in the mentions' document order. */
interface NearRange {
  first: number;
  last: number;
  from: number;
  to: number;
}

/** Attribute marking Puente's fallback wrappers, so observers and unwrapping find them. */
export const MARK_ATTRIBUTE = 'data-puente-mark';

/** Fallback painter: wraps each mention's text in <mark data-puente-mark="kind">. */
export class WrapPainter implements Painter {
  readonly kind = 'wrap';
  readonly scheduled = false;
  private readonly marks = new Map<PageMention, HTMLElement[]>();

  add(mentions: readonly PageMention[], kindOf: (m: PageMention) => TermKind): void {
    // Wrap from the end so earlier ranges' offsets stay valid.
    const sorted = [...mentions].sort((a, b) => byDocumentOrder(b, a));
    for (const m of sorted) {
      const marks: HTMLElement[] = [];
      const doc = m.run.block.ownerDocument;
      // A mention can span several text nodes: wrap each piece.
      m.run.nodes.forEach((node, i) => {
        const nodeStart = m.run.starts[i]!;
        const from = Math.max(m.start, nodeStart) - nodeStart;
        const to = Math.min(m.end, nodeStart + node.data.length) - nodeStart;
        if (to <= from || !node.parentNode) return;
        const range = doc.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        const mark = doc.createElement('mark');
        mark.setAttribute(MARK_ATTRIBUTE, kindOf(m));
        range.surroundContents(mark);
        marks.push(mark);
      });
      this.marks.set(m, marks);
    }
  }

  remove(mentions: readonly PageMention[]): void {
    for (const m of mentions) {
      for (const mark of this.marks.get(m) ?? []) unwrap(mark);
      this.marks.delete(m);
    }
  }

  flush(): void {
    // Marks are in the page as soon as they are added.
  }

  flushSoon(): void {
    // Marks are in the page as soon as they are added.
  }

  refresh(): void {
    // Marks are in the page as soon as they are added.
  }

  printing(): void {
    // Every mark is in the page.
  }

  clear(): void {
    this.remove([...this.marks.keys()]);
  }
}

/** Replaces a mark by its text and joins it with the text nodes it was split from. */
export function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const text = mark.textContent ?? '';
  const prev = mark.previousSibling;
  const next = mark.nextSibling;
  if (prev?.nodeType === Node.TEXT_NODE) {
    (prev as Text).data += text;
    if (next?.nodeType === Node.TEXT_NODE) {
      (prev as Text).data += (next as Text).data;
      next.remove();
    }
    mark.remove();
  } else if (next?.nodeType === Node.TEXT_NODE) {
    (next as Text).data = text + (next as Text).data;
    mark.remove();
  } else {
    parent.replaceChild(mark.ownerDocument.createTextNode(text), mark);
  }
}

/** The best painter this page supports. */
export function createPainter(
  win: Window & typeof globalThis,
  setTimer: (fn: () => void, ms: number) => unknown,
): Painter {
  const css = win.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (css?.highlights && typeof win.Highlight === 'function')
    return new HighlightApiPainter(css.highlights, { setTimer, nearness: nearnessOf(win) });
  return new WrapPainter();
}

/**
 * Nearness from two IntersectionObservers: within a screen above or below the viewport (or half
 * its width aside), and within a quarter of one. Only in a top-level page: in a frame the
 * observers' margins do not apply when the frame is of another site, so text would be marked
 * only once in view.
 */
function nearnessOf(win: Window & typeof globalThis): NearnessFactory | undefined {
  if (typeof win.IntersectionObserver !== 'function' || win.top !== win) return undefined;
  // No box (display: contents): where its text is cannot be told, so it counts as near.
  const within = (e: IntersectionObserverEntry) =>
    e.isIntersecting || (e.boundingClientRect.width === 0 && e.boundingClientRect.height === 0);
  return (onChange) => {
    const near = new win.IntersectionObserver(
      (entries) => onChange(entries.map((e) => ({ el: e.target, near: within(e) }))),
      { rootMargin: '100% 50%' },
    );
    const close = new win.IntersectionObserver(
      (entries) => onChange(entries.map((e) => ({ el: e.target, close: within(e) }))),
      { rootMargin: '25% 25%' },
    );
    return {
      observe(el) {
        near.observe(el);
        close.observe(el);
      },
      unobserve(el) {
        near.unobserve(el);
        close.unobserve(el);
      },
      disconnect() {
        near.disconnect();
        close.disconnect();
      },
    };
  };
}
