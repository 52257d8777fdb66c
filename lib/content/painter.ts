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
  private pending = new Map<Range, Highlight>();
  private shown = 0;
  private lastFlush = 0;
  private timedFlushes = 0;
  private soonTimer = false;

  constructor(
    private readonly registry: HighlightRegistry,
    private readonly holdMs = 1000,
    private readonly now: () => number = () => performance.now(),
    private readonly maxHoldMs = 8000,
    private readonly setTimer: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms),
    private readonly soonMs = 400,
  ) {
    for (const kind of TERM_KINDS) {
      const h = new Highlight();
      this.highlights.set(kind, h);
      registry.set(highlightName(kind), h);
    }
  }

  add(mentions: readonly PageMention[], kindOf: (m: PageMention) => TermKind): void {
    for (const m of mentions) this.pending.set(m.range, this.highlights.get(kindOf(m))!);
    if (this.shown === 0) this.flush();
    else if (this.now() - this.lastFlush >= Math.min(this.maxHoldMs, this.holdMs * 2 ** this.timedFlushes)) {
      this.timedFlushes++;
      this.flush();
    }
  }

  remove(mentions: readonly PageMention[]): void {
    for (const m of mentions) {
      if (this.pending.delete(m.range)) continue;
      for (const h of this.highlights.values()) if (h.delete(m.range)) this.shown--;
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
    if (this.pending.size === 0) return;
    for (const [range, h] of this.pending) h.add(range);
    this.shown += this.pending.size;
    this.pending = new Map();
  }

  clear(): void {
    // Only its own: after an update the new copy's highlights may already be registered.
    for (const [kind, h] of this.highlights) {
      if (this.registry.get(highlightName(kind)) === h) this.registry.delete(highlightName(kind));
    }
    this.highlights.clear();
    this.pending = new Map();
    this.shown = 0;
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
    return new HighlightApiPainter(css.highlights, undefined, undefined, undefined, setTimer);
  return new WrapPainter();
}
