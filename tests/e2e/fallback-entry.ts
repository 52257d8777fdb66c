/**
 * The page highlighter on its own, bundled into a page by tests/e2e/fallback.test.ts, to test
 * the wrapping fallback in a real browser where CSS.highlights has been taken away.
 */
import data from '../../.generated/public/page-matcher.json';
import { PageHighlighter } from '../../lib/content/highlighter';
import type { PageMatcherData } from '../../lib/match/forms';

const ctx = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (id: number) => window.clearTimeout(id),
  requestAnimationFrame: (fn: () => void) => window.requestAnimationFrame(fn),
};
const w = window as unknown as { __puente?: PageHighlighter; __startPuente(): void };
w.__startPuente = () => {
  const h = new PageHighlighter(window, data as PageMatcherData, ctx, { exclude: () => false });
  h.start();
  w.__puente = h;
};
