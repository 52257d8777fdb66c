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
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, 500, () => now, 4000);
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
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, 500, () => 0);
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
    const painter = new HighlightApiPainter(
      registry as unknown as HighlightRegistry,
      1000,
      () => now,
      8000,
      (fn, ms) => timers.push({ fn, ms }),
      400,
    );
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
