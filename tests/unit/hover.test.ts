import { describe, expect, it } from 'vitest';
import { HoverTracker, type HoverContext } from '@/lib/content/hover';
import type { PageMention } from '@/lib/content/mentions';

function setup(under: PageMention | null) {
  const reports: { m: PageMention | null; x: number; y: number; moved: boolean }[] = [];
  const tests: [number, number][] = [];
  const ctx: HoverContext = {
    // Frames run at once: the throttle is not what is tested here.
    requestAnimationFrame: (fn) => (fn(), 0),
    addEventListener: (target, type, handler, options) => target.addEventListener(type, handler, options),
  };
  new HoverTracker(
    window,
    ctx,
    (x, y) => (tests.push([x, y]), under),
    (m, x, y, moved) => reports.push({ m, x, y, moved }),
  );
  const move = (x: number, y: number) =>
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, buttons: 0 }));
  const scroll = () => window.dispatchEvent(new Event('scroll'));
  const leave = () => window.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
  return { reports, tests, move, scroll, leave };
}

describe('HoverTracker', () => {
  it('reports what is under the pointer when it moves, as moved', () => {
    const m = { start: 3 } as unknown as PageMention;
    const { reports, move } = setup(m);
    move(10, 20);
    expect(reports).toEqual([{ m, x: 10, y: 20, moved: true }]);
  });

  it('does not hit-test on a scroll before the pointer has been over the page', () => {
    const { reports, tests, scroll } = setup(null);
    scroll();
    expect(tests).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('hit-tests again on a scroll under a resting pointer, as not moved, until the pointer leaves', () => {
    const { reports, tests, move, scroll, leave } = setup(null);
    move(10, 20);
    scroll();
    expect(tests).toEqual([
      [10, 20],
      [10, 20],
    ]);
    expect(reports.at(-1)).toEqual({ m: null, x: 10, y: 20, moved: false });
    leave();
    scroll();
    expect(tests).toHaveLength(2);
  });

  it('reports no mention when the pointer leaves the window from one', () => {
    const m = { start: 3 } as unknown as PageMention;
    const { reports, move, leave } = setup(m);
    move(10, 20);
    leave();
    expect(reports).toEqual([
      { m, x: 10, y: 20, moved: true },
      { m: null, x: 10, y: 20, moved: true },
    ]);
  });
});
