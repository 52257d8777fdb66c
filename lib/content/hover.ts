/**
 * Hover detection without listeners on page elements: one passive pointermove listener,
 * throttled to animation frames, hit-tests the caret position under the pointer against the
 * mention index. Nothing is reported while a button is down or text is being selected.
 */
import type { PageMention } from './mentions';

/** What the tracker needs from the content-script context. */
export interface HoverContext {
  requestAnimationFrame(fn: () => void): number;
  addEventListener(
    target: Window,
    type: 'pointermove' | 'pointerout' | 'scroll' | 'pointerdown',
    handler: (e: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
}

/**
 * Reports the mention under the pointer whenever it changes, and whether the pointer moved
 * (false when the page scrolled under it).
 */
export class HoverTracker {
  private pending = false;
  private x = 0;
  private y = 0;
  /** Whether the pointer is over this document, where it last moved: (x, y) mean something. */
  private over = false;
  private current: PageMention | null = null;
  enabled = true;

  constructor(
    private readonly win: Window,
    ctx: HoverContext,
    private readonly hitTest: (x: number, y: number) => PageMention | null,
    private readonly onChange: (m: PageMention | null, x: number, y: number, moved: boolean) => void,
  ) {
    ctx.addEventListener(
      win,
      'pointermove',
      (e) => {
        const p = e as PointerEvent;
        this.x = p.clientX;
        this.y = p.clientY;
        this.over = true;
        if (p.buttons !== 0) return this.set(null, true);
        if (this.pending) return;
        this.pending = true;
        ctx.requestAnimationFrame(() => {
          this.pending = false;
          this.check(true);
        });
      },
      { passive: true },
    );
    // Out of the window (or into a frame): the last position no longer tells what is under it,
    // and the pointer is on no mention of this document.
    ctx.addEventListener(
      win,
      'pointerout',
      (e) => {
        if ((e as PointerEvent).relatedTarget !== null) return;
        this.over = false;
        this.set(null, true);
      },
      { passive: true },
    );
    ctx.addEventListener(win, 'pointerdown', () => this.set(null, true), { passive: true });
    // What is under a resting pointer changes as the page scrolls. A pointer that never moved over
    // the page (the reader is in the side panel) is under nothing: without that check, the scroll
    // that brings a mention into view from the panel would read (0, 0) and close its card.
    ctx.addEventListener(win, 'scroll', () => this.over && this.check(false), {
      passive: true,
      capture: true,
    });
  }

  /** The mention under the pointer now. */
  get mention(): PageMention | null {
    return this.current;
  }

  private check(moved: boolean): void {
    const selection = this.win.getSelection();
    if (!this.enabled || (selection && !selection.isCollapsed)) return this.set(null, moved);
    this.set(this.hitTest(this.x, this.y), moved);
  }

  private set(m: PageMention | null, moved: boolean): void {
    // Without a mention the pointer may be over something else of Puente's (a saved quote).
    if (m === this.current && m !== null) return;
    this.current = m;
    this.onChange(m, this.x, this.y, moved);
  }
}
