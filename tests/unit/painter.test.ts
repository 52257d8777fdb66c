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
  it('shows the first batch at once, then commits in batches that grow with what is shown', () => {
    const registry = new Map<string, Set<Range>>();
    let now = 0;
    const painter = new HighlightApiPainter(registry as unknown as HighlightRegistry, 1000, () => now);
    const shown = () => registry.get('puente-place')!.size;
    painter.add(mentions(100), () => 'place');
    expect(shown()).toBe(100);
    const held = mentions(20);
    painter.add(held, () => 'place');
    expect(shown()).toBe(100);
    painter.add(mentions(80), () => 'place');
    expect(shown()).toBe(200);
    // Removed before it was shown: never shown.
    const late = mentions(3);
    painter.add(late, () => 'place');
    painter.remove(late.slice(0, 2));
    now = 1000;
    painter.add(mentions(1), () => 'place');
    expect(shown()).toBe(202);
    painter.remove(held);
    expect(shown()).toBe(182);
    painter.add(mentions(2), () => 'place');
    expect(shown()).toBe(182);
    painter.flush();
    expect(shown()).toBe(184);
    painter.clear();
    expect(registry.size).toBe(0);
  });
});
