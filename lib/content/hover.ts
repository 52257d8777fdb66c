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
    type: 'pointermove' | 'scroll' | 'pointerdown',
    handler: (e: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
}

/** Reports the mention under the pointer whenever it changes. */
export class HoverTracker {
  private pending = false;
  private x = 0;
  private y = 0;
  private current: PageMention | null = null;
  enabled = true;

  constructor(
    private readonly win: Window,
    ctx: HoverContext,
    private readonly hitTest: (x: number, y: number) => PageMention | null,
    private readonly onChange: (m: PageMention | null, x: number, y: number) => void,
  ) {
    ctx.addEventListener(
      win,
      'pointermove',
      (e) => {
        const p = e as PointerEvent;
        this.x = p.clientX;
        this.y = p.clientY;
        if (p.buttons !== 0) return this.set(null);
        if (this.pending) return;
        this.pending = true;
        ctx.requestAnimationFrame(() => {
          this.pending = false;
          this.check();
        });
      },
      { passive: true },
    );
    ctx.addEventListener(win, 'pointerdown', () => this.set(null), { passive: true });
    ctx.addEventListener(win, 'scroll', () => this.check(), { passive: true, capture: true });
  }

  /** The mention under the pointer now. */
  get mention(): PageMention | null {
    return this.current;
  }

  private check(): void {
    const selection = this.win.getSelection();
    if (!this.enabled || (selection && !selection.isCollapsed)) return this.set(null);
    this.set(this.hitTest(this.x, this.y));
  }

  private set(m: PageMention | null): void {
    // Without a mention the pointer may be over something else of Puente's (a saved quote).
    if (m === this.current && m !== null) return;
    this.current = m;
    this.onChange(m, this.x, this.y);
  }
}
