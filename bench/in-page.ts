/**
 * What the benchmark runs inside a page (bundled with esbuild and injected): Puente's page
 * highlighter and the baselines, each timed with performance.now().
 */
import Mark from 'mark.js';
import { PageHighlighter } from '../lib/content/highlighter';
import { rangeOf, startNodeOf } from '../lib/content/mentions';
import { buildPageMatcher, type PageMatcherData } from '../lib/match/forms';

const ctx = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (id: number) => window.clearTimeout(id),
  requestAnimationFrame: (fn: () => void) => window.requestAnimationFrame(fn),
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formsOf(data: PageMatcherData): string[] {
  return [...new Set(data.entries.flatMap((e) => e.forms))].sort((a, b) => b.length - a.length);
}

const api = {
  /** The floor: a bare TreeWalker reading every text node. */
  bareWalk(_data?: unknown): number {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = w.nextNode(); node; node = w.nextNode()) n += (node as Text).data.length;
    if (n < 0) console.log(n);
    return performance.now() - t0;
  },
  /**
   * A second floor: the same walk reading every character's code (what any matcher has to do
   * at least). The bare walk reads each node's string without looking at its characters.
   */
  charWalk(_data?: unknown): number {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = w.nextNode(); node; node = w.nextNode()) {
      const text = (node as Text).data;
      for (let i = 0; i < text.length; i++) n = (n + text.charCodeAt(i)) | 0;
    }
    if (n === 0.5) console.log(n);
    return performance.now() - t0;
  },
  /** Puente: scan + match + highlight, all of it (no idle slicing), plus its own figures. */
  puente(data: PageMatcherData) {
    const t0 = performance.now();
    const automaton = buildPageMatcher(data.entries);
    const build = performance.now() - t0;
    const t1 = performance.now();
    const h = new PageHighlighter(window, data, ctx, { exclude: () => false }, automaton);
    h.start();
    h.finishNow();
    const scan = performance.now() - t1;
    (window as unknown as { __h: PageHighlighter }).__h = h;
    return { build, scan, mentions: h.index.size, firstScreen: h.firstScreenMs };
  },
  /** Puente as it runs on a page: idle slices; resolves when done with the longest slice. */
  async puenteSliced(data: PageMatcherData) {
    const t0 = performance.now();
    const h = new PageHighlighter(window, data, ctx, { exclude: () => false });
    h.start();
    while (h.busy) await new Promise((r) => setTimeout(r, 5));
    const stats = h.stats();
    return {
      total: performance.now() - t0,
      firstScreen: h.firstScreenMs,
      longestSlice: stats.longestSlice,
      slices: stats.runs,
    };
  },
  /** Hit-test cost per call in microseconds, over points on mentions. */
  hitTest(_data?: unknown, samples = 400, repeat = 20): number[] {
    const h = (window as unknown as { __h: PageHighlighter }).__h;
    const mentions = h.orderedMentions();
    const out: number[] = [];
    for (let i = 0; i < samples && mentions.length; i++) {
      const m = mentions[Math.floor((i * mentions.length) / samples)]!;
      startNodeOf(m).parentElement!.scrollIntoView({ block: 'center' });
      const r = rangeOf(m).getClientRects()[0];
      if (!r) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const t0 = performance.now();
      for (let k = 0; k < repeat; k++) h.hitTest(x, y);
      out.push(((performance.now() - t0) / repeat) * 1000);
    }
    return out;
  },
  /**
   * mark.js with the array of every surface form (its usual use). mark.js recurses once per
   * keyword and overflows the stack on ~1,800 of them, so the array goes in chunks of 50,
   * one call after another: the same work, the way a user of mark.js would have to do it.
   */
  markArray(data: PageMatcherData): Promise<number> {
    const forms = formsOf(data);
    const t0 = performance.now();
    return new Promise((resolve) => {
      const next = (i: number) => {
        if (i >= forms.length) return resolve(performance.now() - t0);
        new Mark(document.body).mark(forms.slice(i, i + 50), {
          separateWordSearch: false,
          diacritics: false,
          done: () => setTimeout(() => next(i + 50), 0),
        });
      };
      next(0);
    });
  },
  /** mark.js with one RegExp of every form. */
  markRegExp(data: PageMatcherData): Promise<number> {
    const re = new RegExp(formsOf(data).map(escape).join('|'), 'gi');
    const t0 = performance.now();
    return new Promise((resolve) =>
      new Mark(document.body).markRegExp(re, { done: () => resolve(performance.now() - t0) }),
    );
  },
  /** One big regular expression over each text node, wrapping matches in <mark>. */
  bigRegex(data: PageMatcherData): number {
    const re = new RegExp(formsOf(data).map(escape).join('|'), 'gi');
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = w.nextNode(); node; node = w.nextNode()) nodes.push(node as Text);
    for (const node of nodes) {
      const text = node.data;
      re.lastIndex = 0;
      const found: [number, number][] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) {
        found.push([m.index, m.index + m[0].length]);
        if (m[0].length === 0) re.lastIndex++;
      }
      for (let i = found.length - 1; i >= 0; i--) {
        const [s, e] = found[i]!;
        const range = document.createRange();
        range.setStart(node, s);
        range.setEnd(node, e);
        range.surroundContents(document.createElement('mark'));
      }
    }
    return performance.now() - t0;
  },
};

(window as unknown as { __bench: typeof api }).__bench = api;
