/**
 * Painting mentions. The CSS Custom Highlight API draws them without touching the page's DOM
 * (wrapping text in elements breaks React/Vue pages and editors, a complaint in every
 * highlighter that did it). Where the API is missing, a fallback wraps each mention in a
 * <mark> and can unwrap it exactly.
 */
import type { TermKind } from '../bundle/types';
import { TERM_KINDS } from '../bundle/types';
import type { PageMention } from './mentions';

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
  clear(): void;
}

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
  /** Every mention's range and the highlight of its kind. */
  private readonly all = new Map<Range, Highlight>();
  /** The ranges in a highlight now. */
  private readonly registered = new Set<Range>();
  /** Ranges added since the last commit. */
  private pending = new Set<Range>();
  private lastFlush = 0;
  private timedFlushes = 0;
  private soonTimer = false;
  /**
   * Beyond `limit` mentions only `limit` of them around the viewport are registered (and a
   * small batch just found). Each commit makes Chromium drop and rebuild a marker for every registered range:
   * on a live feed with 45,000 mentions that garbage brought major collections of 200-700 ms
   * and every frame spent 70-130 ms before painting, while registering nothing cost neither.
   * `locate` tells where the viewport is in a list of ranges in the order they were found
   * (document order for a page's first pass): the index of the first one in view.
   */
  locate: ((ranges: readonly Range[]) => number) | null = null;
  /** The range the window was centred on, and whether the reader moved since (a scroll). */
  private anchor: Range | null = null;
  private moved = true;

  private readonly holdMs: number;
  private readonly maxHoldMs: number;
  private readonly soonMs: number;
  readonly limit: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(
    private readonly registry: HighlightRegistry,
    options: {
      holdMs?: number;
      maxHoldMs?: number;
      soonMs?: number;
      limit?: number;
      now?: () => number;
      setTimer?: (fn: () => void, ms: number) => unknown;
    } = {},
  ) {
    this.holdMs = options.holdMs ?? 1000;
    this.maxHoldMs = options.maxHoldMs ?? 8000;
    this.soonMs = options.soonMs ?? 400;
    this.limit = options.limit ?? 2000;
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    for (const kind of TERM_KINDS) {
      const h = new Highlight();
      this.highlights.set(kind, h);
      registry.set(highlightName(kind), h);
    }
  }

  /** Whether only a window of the mentions is registered. */
  get windowed(): boolean {
    return this.locate !== null && this.all.size > this.limit;
  }

  add(mentions: readonly PageMention[], kindOf: (m: PageMention) => TermKind): void {
    for (const m of mentions) {
      this.all.set(m.range, this.highlights.get(kindOf(m))!);
      this.pending.add(m.range);
    }
    if (this.registered.size === 0 && !this.windowed) this.flush();
    else if (this.now() - this.lastFlush >= Math.min(this.maxHoldMs, this.holdMs * 2 ** this.timedFlushes)) {
      this.timedFlushes++;
      this.flush();
    }
  }

  remove(mentions: readonly PageMention[]): void {
    for (const m of mentions) {
      const h = this.all.get(m.range);
      this.all.delete(m.range);
      this.pending.delete(m.range);
      if (h && this.registered.delete(m.range)) h.delete(m.range);
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
    if (!this.windowed) {
      // Everything is registered: add what came since, and what a window had left out.
      const missing =
        this.registered.size + this.pending.size < this.all.size ? this.all.keys() : this.pending;
      for (const range of missing) this.register(range);
      this.pending = new Set();
      return;
    }
    // Where the viewport is: found again after a scroll, otherwise where it was (reading boxes
    // would force a layout of a page that keeps changing).
    const list = [...this.all.keys()];
    let at = this.moved || !this.anchor ? -1 : list.indexOf(this.anchor);
    if (at < 0) at = this.locate!(list);
    this.moved = false;
    this.anchor = list[at] ?? null;
    const from = Math.max(0, Math.min(at - this.limit / 2, list.length - this.limit));
    const wanted = new Set(list.slice(from, from + this.limit));
    // Mentions just found in a few places (a page editing what is in view) are shown wherever
    // they are; a big batch (a scan, a feed's new stories) waits for the window to reach it.
    if (this.pending.size <= this.limit / 4) for (const range of this.pending) wanted.add(range);
    for (const range of this.registered) {
      if (!wanted.has(range)) {
        this.registered.delete(range);
        this.all.get(range)?.delete(range);
      }
    }
    for (const range of wanted) this.register(range);
    this.pending = new Set();
  }

  /** The reader scrolled: shows what was found so far, around the new position. */
  refresh(): void {
    this.moved = true;
    this.flush();
  }

  private register(range: Range): void {
    const h = this.all.get(range);
    if (!h || this.registered.has(range)) return;
    this.registered.add(range);
    h.add(range);
  }

  clear(): void {
    // Only its own: after an update the new copy's highlights may already be registered.
    for (const [kind, h] of this.highlights) {
      if (this.registry.get(highlightName(kind)) === h) this.registry.delete(highlightName(kind));
    }
    this.highlights.clear();
    this.all.clear();
    this.registered.clear();
    this.pending = new Set();
  }
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
    const sorted = [...mentions].sort((a, b) =>
      a.run === b.run ? b.start - a.start : a.range.compareBoundaryPoints(Range.START_TO_START, b.range) * -1,
    );
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
    return new HighlightApiPainter(css.highlights, { setTimer });
  return new WrapPainter();
}
