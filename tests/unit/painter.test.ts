import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageMention } from '@/lib/content/mentions';
import { HighlightApiPainter, type NearChange } from '@/lib/content/painter';

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

describe('HighlightApiPainter with nearness', () => {
  /**
   * A painter whose browser is the test: `report` says which elements are near or close, the
   * timers run when the test says, and each fake mention starts in the element the test gives.
   */
  function near(options: ConstructorParameters<typeof HighlightApiPainter>[1] = {}) {
    const registry = new Map<string, Set<Range>>();
    const timers: (() => void)[] = [];
    const observed = new Set<Element>();
    const elementOf = new Map<PageMention, Element>();
    let report: (changes: readonly NearChange[]) => void = () => undefined;
    const painter = painterOn(registry, {
      now: () => 0,
      setTimer: (fn) => timers.push(fn),
      nearness: (onChange) => {
        report = onChange;
        return {
          observe: (el) => observed.add(el),
          unobserve: (el) => observed.delete(el),
          disconnect: () => observed.clear(),
        };
      },
      elementOf: (m) => elementOf.get(m) ?? null,
      ...options,
    });
    /** n mentions starting in `el`. */
    const inside = (el: Element, n: number) => {
      const list = mentions(n);
      for (const m of list) elementOf.set(m, el);
      return list;
    };
    const shown = () => new Set(registry.get('puente-place'));
    const ranges = (...lists: Fake[][]) => new Set(lists.flat().map((m) => m.range));
    const runTimers = () => timers.splice(0).forEach((fn) => fn());
    return {
      painter,
      registry,
      observed,
      inside,
      shown,
      ranges,
      timers,
      runTimers,
      report: (c: NearChange[]) => report(c),
    };
  }
  const element = (name: string) => ({ name }) as unknown as Element;
  /** A view over `doc` whose boxes say the viewport is at `at` (two mentions a screen), counting reads. */
  const boxesOver = (painter: HighlightApiPainter, doc: PageMention[]) => {
    const boxes = { at: 0, located: 0 };
    painter.view = {
      ordered: () => doc,
      locate: () => {
        boxes.located++;
        return boxes.at;
      },
      below: (_list, from) => from + 2,
      inView: () => null,
      inViewCount: () => 2,
    };
    return boxes;
  };

  it('shows the first screen at once and later mentions near the viewport only, applying changes together', () => {
    const { painter, registry, observed, inside, shown, ranges, timers, runTimers, report } = near();
    const [top, middle, bottom, aside] = [
      element('top'),
      element('middle'),
      element('bottom'),
      element('aside'),
    ];
    const first = inside(top, 2);
    painter.add(first, () => 'place');
    expect(shown()).toEqual(ranges(first));
    // Found later: observed, shown once the browser says where they are.
    const inMiddle = inside(middle, 3);
    const atBottom = inside(bottom, 2);
    const inAside = inside(aside, 1);
    painter.add([...inMiddle, ...atBottom, ...inAside], () => 'place');
    painter.flush();
    expect(shown()).toEqual(ranges(first));
    expect(observed).toEqual(new Set([top, middle, bottom, aside]));
    // Near, but not close: applied together after a while, not at once.
    report([
      { el: top, near: true },
      { el: middle, near: true },
      { el: bottom, near: false },
      { el: aside, near: false },
    ]);
    expect(shown()).toEqual(ranges(first));
    expect(timers).toHaveLength(1);
    runTimers();
    expect(shown()).toEqual(ranges(first, inMiddle));
    // An element not shown comes close to the viewport (a sidebar, or the reader scrolled):
    // at once, with whatever else changed.
    report([{ el: top, near: false }]);
    report([{ el: aside, close: true }]);
    expect(shown()).toEqual(ranges(inMiddle, inAside));
    expect(timers).toHaveLength(1);
    runTimers();
    expect(shown()).toEqual(ranges(inMiddle, inAside));
    // Leaving the close margin tells nothing; an element already shown coming close changes nothing.
    report([
      { el: aside, close: false },
      { el: middle, close: true },
    ]);
    expect(shown()).toEqual(ranges(inMiddle, inAside));
    // Removed mentions leave the highlight, and their element is no longer observed once empty.
    painter.remove(inMiddle.slice(0, 2));
    expect(observed.has(middle)).toBe(true);
    painter.remove([...inMiddle.slice(2), ...inAside]);
    expect(shown()).toEqual(new Set());
    expect(observed).toEqual(new Set([top, bottom]));
    // Reports about elements no longer observed are ignored.
    report([{ el: middle, close: true }]);
    expect(shown()).toEqual(new Set());
    report([{ el: bottom, close: true }]);
    expect(shown()).toEqual(ranges(atBottom));
    painter.clear();
    expect(observed.size).toBe(0);
    expect(registry.size).toBe(0);
  });

  it('a mention added to an element already shown is shown at once; one without an element always', () => {
    const { painter, inside, shown, ranges, report, runTimers } = near();
    const p = element('p');
    const first = inside(p, 1);
    painter.add(first, () => 'place');
    report([{ el: p, near: true }]);
    runTimers();
    const more = inside(p, 2);
    const loose = mentions(1);
    painter.add([...more, ...loose], () => 'place');
    painter.flush();
    expect(shown()).toEqual(ranges(first, more, loose));
  });

  it('registers every shown mention while the page is printed, and only the near ones after', () => {
    const { painter, inside, shown, ranges, report, runTimers } = near();
    const [top, bottom] = [element('top'), element('bottom')];
    const first = inside(top, 1);
    painter.add(first, () => 'place');
    const below = inside(bottom, 2);
    painter.add(below, () => 'place');
    painter.flush();
    report([
      { el: top, near: true },
      { el: bottom, near: false },
    ]);
    runTimers();
    expect(shown()).toEqual(ranges(first));
    painter.printing(true);
    expect(shown()).toEqual(ranges(first, below));
    // Found while printing: shown at once; the browser's word on nearness changes nothing.
    const late = inside(element('late'), 1);
    painter.add(late, () => 'place');
    painter.flush();
    report([{ el: bottom, near: false }]);
    runTimers();
    expect(shown()).toEqual(ranges(first, below, late));
    painter.printing(false);
    // The late element's nearness is not known yet: hidden until the browser says it is near.
    expect(shown()).toEqual(ranges(first));
  });

  it('beyond the limit observes only the window, which is as wide as allowed', () => {
    const { painter, observed, inside, shown, ranges } = near({ limit: 4, window: 6 });
    const paragraphs = Array.from({ length: 10 }, (_, i) => element(`p${i}`));
    const doc = paragraphs.flatMap((p) => inside(p, 1));
    let at = 0;
    painter.view = {
      ordered: () => doc,
      locate: () => at,
      below: (_list, from) => from + 1,
      inView: () => null,
      inViewCount: () => 1,
    };
    painter.add(doc.slice(0, 1), () => 'place');
    painter.add(doc.slice(1), () => 'place');
    painter.flush();
    expect(painter.windowed).toBe(true);
    expect(painter.size()).toBe(6);
    expect(observed).toEqual(new Set(paragraphs.slice(0, 6)));
    expect(shown()).toEqual(ranges(doc.slice(0, 1)));
    at = 9;
    painter.refresh();
    expect(observed).toEqual(new Set(paragraphs.slice(4, 10)));
    // The first mention left the window: hidden.
    expect(shown()).toEqual(new Set());
  });

  it('beyond the limit moves the window by what is near, reading boxes only when the reader left it', () => {
    const { painter, observed, inside, report } = near({ limit: 4, window: 6 });
    const paragraphs = Array.from({ length: 20 }, (_, i) => element(`p${i}`));
    const doc = paragraphs.flatMap((p) => inside(p, 1));
    const boxes = boxesOver(painter, doc);
    painter.add(doc.slice(0, 1), () => 'place');
    painter.add(doc.slice(1), () => 'place');
    painter.flush();
    // Nothing is known to be near yet: the first window comes from boxes.
    expect(boxes.located).toBe(1);
    expect(observed).toEqual(new Set(paragraphs.slice(0, 6)));
    const nearOnly = (els: Element[]) =>
      report(paragraphs.filter((p) => observed.has(p)).map((el) => ({ el, near: els.includes(el) })));
    nearOnly(paragraphs.slice(0, 2));
    // The reader scrolls: what is near comes to the window's edge, which moves, boxes unread.
    nearOnly(paragraphs.slice(3, 6));
    expect(observed).toEqual(new Set(paragraphs.slice(1, 7)));
    painter.refresh();
    expect(observed).toEqual(new Set(paragraphs.slice(1, 7)));
    // The page replaces the mention in view (a rescan): the window stays, boxes unread.
    const [old] = doc.splice(4, 1, ...inside(paragraphs[4]!, 1));
    painter.remove([old!]);
    painter.add([doc[4]!], () => 'place');
    painter.flush();
    expect(observed).toEqual(new Set(paragraphs.slice(1, 7)));
    expect(boxes.located).toBe(1);
    // The reader jumps far: nothing in the window is near any more, and boxes tell where.
    boxes.at = 15;
    nearOnly([]);
    expect(boxes.located).toBe(2);
    expect(observed).toEqual(new Set(paragraphs.slice(13, 19)));
  });

  it('beyond the limit reads boxes when one element near the viewport holds the whole window', () => {
    // A text node of megabytes: its element is always near, and tells nothing of where in it.
    const { painter, observed, inside, report, shown, ranges } = near({ limit: 4, window: 6 });
    const giant = element('p');
    const doc = inside(giant, 20);
    const boxes = boxesOver(painter, doc);
    painter.add(doc.slice(0, 1), () => 'place');
    painter.add(doc.slice(1), () => 'place');
    painter.flush();
    report([{ el: giant, near: true, close: true }]);
    expect(observed).toEqual(new Set([giant]));
    expect(shown()).toEqual(ranges(doc.slice(0, 6)));
    boxes.at = 12;
    painter.refresh();
    expect(boxes.located).toBe(2);
    expect(shown()).toEqual(ranges(doc.slice(10, 16)));
  });
});
