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

// Fake mentions: a range made once, told apart by a number (the sets of ranges the tests
// compare would otherwise be equal whenever their sizes are: empty Ranges look alike).
type Fake = PageMention & { range: Range };
let made = 0;
function mentions(n: number): Fake[] {
  return Array.from({ length: n }, () => ({ range: { made: made++ } }) as unknown as Fake);
}

function painterOn(
  registry: Map<string, Set<Range>>,
  options: ConstructorParameters<typeof HighlightApiPainter>[1] = {},
) {
  return new HighlightApiPainter(registry as unknown as HighlightRegistry, {
    rangeOf: (m) => (m as Fake).range,
    ...options,
  });
}

describe('HighlightApiPainter', () => {
  it('shows the first batch at once, then commits when a doubling hold runs out', () => {
    const registry = new Map<string, Set<Range>>();
    let now = 0;
    const painter = painterOn(registry, {
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
    const painter = painterOn(registry, {
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
    const painter = painterOn(registry, {
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
  /** A painter with a limit of 12 and a window of 10, over fake mentions whose document order the test keeps. */
  function windowed() {
    const registry = new Map<string, Set<Range>>();
    const painter = painterOn(registry, {
      now: () => 0,
      setTimer: () => undefined,
      limit: 12,
      window: 10,
    });
    const doc: Fake[] = [];
    const probe = { at: 0, located: 0, inView: null as Fake | null };
    painter.view = {
      ordered: () => doc,
      locate: () => {
        probe.located++;
        return probe.at;
      },
      inView: () => probe.inView,
    };
    const shown = () => new Set(registry.get('puente-place'));
    const ranges = (list: Fake[]) => new Set(list.map((m) => m.range));
    /** Adds mentions at a place in document order. */
    const add = (list: Fake[], at = doc.length) => {
      doc.splice(at, 0, ...list);
      painter.add(list, () => 'place');
    };
    const remove = (list: Fake[]) => {
      for (const m of list) doc.splice(doc.indexOf(m), 1);
      painter.remove(list);
    };
    return { painter, doc, probe, shown, ranges, add, remove };
  }

  it('registers the window around the viewport in document order, follows the reader, and everything below the limit', () => {
    const { painter, doc, probe, shown, ranges, add, remove } = windowed();
    add(mentions(5));
    expect(shown()).toEqual(ranges(doc));
    // Beyond the limit: the window only (the first ten, the viewport being at the top).
    add(mentions(23));
    painter.flush();
    expect(painter.windowed).toBe(true);
    expect(shown()).toEqual(ranges(doc.slice(0, 10)));
    expect(probe.located).toBe(1);
    // Mentions the page adds where the reader is are shown with their neighbours, and stay
    // shown; mentions added far below (a feed's new stories) are not.
    const edited = mentions(2);
    add(edited, 3);
    add(mentions(2));
    painter.flush();
    expect(shown()).toEqual(ranges(doc.slice(0, 10)));
    for (const m of edited) expect(shown().has(m.range)).toBe(true);
    painter.flush();
    for (const m of edited) expect(shown().has(m.range)).toBe(true);
    // The next commits keep the window where it was without reading boxes again.
    expect(probe.located).toBe(1);
    // The reader scrolled: the window moves to the new position.
    probe.at = 20;
    painter.refresh();
    expect(probe.located).toBe(2);
    expect(shown()).toEqual(ranges(doc.slice(15, 25)));
    // Removed mentions leave; below the limit everything is registered again.
    remove(doc.slice(0, 24));
    expect(shown()).toEqual(ranges(doc.slice(0, 1)));
    painter.flush();
    expect(painter.windowed).toBe(false);
    expect(shown()).toEqual(ranges(doc));
  });

  it('sizes the window from the mentions in view and moves it only when the reader nears its edge', () => {
    const registry = new Map<string, Set<Range>>();
    const painter = painterOn(registry, { now: () => 0, setTimer: () => undefined, limit: 8, minWindow: 4 });
    const doc = mentions(300);
    // The first screen held 10 mentions, the first of them the 100th.
    const probe = { at: 100, inView: 10, located: 0, measured: 0 };
    painter.view = {
      ordered: () => doc,
      locate: () => {
        probe.located++;
        return probe.at;
      },
      below: (_list, from) => {
        probe.measured++;
        return from + probe.inView;
      },
      inView: () => doc[100]!,
      inViewCount: () => 10,
    };
    const shown = () => new Set(registry.get('puente-place'));
    const ranges = (list: Fake[]) => new Set(list.map((m) => m.range));
    painter.add(doc.slice(0, 1), () => 'place');
    painter.add(doc.slice(1), () => 'place');
    painter.flush();
    // Two screens' worth: half a screen above the first screen, and half a screen below it.
    expect(painter.windowed).toBe(true);
    expect(painter.size()).toBe(20);
    expect(shown()).toEqual(ranges(doc.slice(95, 115)));
    expect(probe.located + probe.measured).toBe(0);
    // A scroll of one mention: the viewport and a quarter of a screen around it are still
    // inside the window, which stays.
    probe.at = 101;
    painter.refresh();
    expect(probe.measured).toBe(1);
    expect(shown()).toEqual(ranges(doc.slice(95, 115)));
    // Near its lower edge: the window moves around the viewport.
    probe.at = 104;
    painter.refresh();
    expect(shown()).toEqual(ranges(doc.slice(99, 119)));
    // A part of the page with more in view: a larger window, up to `window`.
    probe.at = 200;
    probe.inView = 40;
    painter.refresh();
    expect(painter.size()).toBe(80);
    expect(shown()).toEqual(ranges(doc.slice(180, 260)));
    probe.inView = 150;
    painter.refresh();
    expect(painter.size()).toBe(200);
    // None in view (a picture): the smallest window.
    probe.inView = 0;
    probe.at = 0;
    painter.refresh();
    expect(painter.size()).toBe(4);
    expect(shown()).toEqual(ranges(doc.slice(0, 4)));
  });

  it('keeps its largest window until a scroll when the first screen told nothing', () => {
    const registry = new Map<string, Set<Range>>();
    const painter = painterOn(registry, { now: () => 0, setTimer: () => undefined, limit: 8, window: 50 });
    const doc = mentions(120);
    let at = 0;
    painter.view = {
      ordered: () => doc,
      locate: () => at,
      below: (_list, from) => from + 6,
      inView: () => null,
      inViewCount: () => null,
    };
    painter.add(doc.slice(0, 1), () => 'place');
    painter.add(doc.slice(1), () => 'place');
    painter.flush();
    expect(registry.get('puente-place')!.size).toBe(50);
    // Measured at a scroll: 6 in view, the smallest window (32 by default), taken when the
    // window next moves.
    painter.refresh();
    expect(painter.size()).toBe(32);
    expect(registry.get('puente-place')!.size).toBe(50);
    at = 100;
    painter.refresh();
    expect(registry.get('puente-place')!.size).toBe(32);
  });

  it('places the first window around a mention known to be in view, without reading boxes', () => {
    const { painter, doc, probe, shown, ranges, add } = windowed();
    add(mentions(40));
    probe.inView = doc[30]!;
    painter.flush();
    expect(probe.located).toBe(0);
    expect(shown()).toEqual(ranges(doc.slice(25, 35)));
  });
});
