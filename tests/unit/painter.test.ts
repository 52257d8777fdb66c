import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageMention } from '@/lib/content/mentions';
import { HighlightApiPainter } from '@/lib/content/painter';

// happy-dom has no Custom Highlight API: a Highlight is a set of ranges.
const g = globalThis as unknown as { Highlight?: unknown };
const original = g.Highlight;
beforeAll(() => {
  g.Highlight = class extends Set<Range> {};
});
afterAll(() => {
  g.Highlight = original;
});

function mentions(n: number): PageMention[] {
  return Array.from({ length: n }, () => ({ range: document.createRange() }) as unknown as PageMention);
}

describe('HighlightApiPainter', () => {
  it('shows the first batch at once, then commits when a doubling hold runs out', () => {
    const registry = new Map<string, Set<Range>>();
    let now = 0;
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, {
      holdMs: 500,
      maxHoldMs: 4000,
      now: () => now,
    });
    const shown = () => registry.get('puente-place')!.size;
    painter.add(mentions(100), () => 'place');
    expect(shown()).toBe(100);
    // However many arrive, nothing more is shown before the hold runs out.
    const held = mentions(20);
    painter.add(held, () => 'place');
    painter.add(mentions(500), () => 'place');
    now = 499;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(100);
    now = 500;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(622);
    // The hold doubles: 1 s after that commit, then 2 s, up to 4 s.
    now = 1400;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(622);
    now = 1500;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(624);
    now = 3499;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(624);
    now = 3500;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(626);
    for (const wait of [4000, 4000]) {
      now += wait - 1;
      painter.add(mentions(1), () => 'place');
      const before = shown();
      now += 1;
      painter.add(mentions(1), () => 'place');
      expect(shown()).toBe(before + 2);
    }
    // Removed before it was shown: never shown; removed after: gone.
    const late = mentions(3);
    painter.add(late, () => 'place');
    painter.remove(late.slice(0, 2));
    painter.remove(held);
    painter.flush();
    expect(shown()).toBe(630 - 20 + 1);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  it('shows at once again after everything shown was removed', () => {
    const registry = new Map<string, Set<Range>>();
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, {
      holdMs: 500,
      now: () => 0,
    });
    const first = mentions(2);
    painter.add(first, () => 'person');
    painter.remove(first);
    painter.add(mentions(1), () => 'person');
    expect(registry.get('puente-person')!.size).toBe(1);
  });
});

describe('HighlightApiPainter.flushSoon', () => {
  it('commits at most once per interval, later ones on a timer', () => {
    const registry = new Map<string, Set<Range>>();
    let now = 0;
    const timers: { fn: () => void; ms: number }[] = [];
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, {
      now: () => now,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      soonMs: 400,
    });
    const shown = () => registry.get('puente-event')!.size;
    now = 1000;
    painter.add(mentions(5), () => 'event');
    expect(shown()).toBe(5);
    now = 1100;
    painter.add(mentions(1), () => 'event');
    painter.flushSoon();
    painter.add(mentions(1), () => 'event');
    painter.flushSoon();
    expect(shown()).toBe(5);
    expect(painter.scheduled).toBe(true);
    expect(timers.map((t) => t.ms)).toEqual([300]);
    now = 1400;
    timers.shift()!.fn();
    expect(shown()).toBe(7);
    expect(painter.scheduled).toBe(false);
    // Long enough after the last commit: at once.
    now = 2000;
    painter.add(mentions(1), () => 'event');
    painter.flushSoon();
    expect(shown()).toBe(8);
    expect(timers).toHaveLength(0);
  });
});

describe('HighlightApiPainter beyond its limit', () => {
  it('registers the window around the viewport and small batches just found, follows the reader, and everything below the limit', () => {
    const registry = new Map<string, Set<Range>>();
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, {
      now: () => 0,
      setTimer: () => undefined,
      limit: 10,
    });
    const all = mentions(30);
    const ranges = (from: number, to: number) => new Set(all.slice(from, to).map((m) => m.range));
    let at = 0;
    let located = 0;
    painter.locate = () => {
      located++;
      return at;
    };
    const shown = () => new Set(registry.get('puente-place'));
    painter.add(all.slice(0, 5), () => 'place');
    expect(shown()).toEqual(ranges(0, 5));
    // Beyond the limit: the window only (the first ten, the viewport being at the top); a big
    // batch just found waits for the window to reach it.
    painter.add(all.slice(5, 28), () => 'place');
    painter.flush();
    expect(painter.windowed).toBe(true);
    expect(shown()).toEqual(ranges(0, 10));
    // A small batch (the page edited something) is shown wherever it is, until the next commit.
    painter.add(all.slice(28), () => 'place');
    painter.flush();
    expect(shown()).toEqual(new Set([...ranges(0, 10), ...ranges(28, 30)]));
    // The next commit keeps the window where it was without reading boxes again.
    painter.flush();
    expect(shown()).toEqual(ranges(0, 10));
    expect(located).toBe(1);
    // The reader scrolled: the window moves to the new position.
    at = 20;
    painter.refresh();
    expect(located).toBe(2);
    expect(shown()).toEqual(ranges(15, 25));
    // Removed mentions leave; below the limit everything is registered again.
    painter.remove(all.slice(0, 22));
    expect(shown()).toEqual(ranges(22, 25));
    painter.flush();
    expect(painter.windowed).toBe(false);
    expect(shown()).toEqual(ranges(22, 30));
  });
});
