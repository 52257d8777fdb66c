/**
 * `npm run bench`: Puente against the floor and the peers, in headless Chromium and in Node.
 * Every comparison is a ratio measured in the same run (these machines are shared and noisy).
 * Prints a table and writes bench/results.json. See docs/PERFORMANCE.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Bundle } from '../lib/bundle/types';
import type { PageMatcherData } from '../lib/match/forms';
import { renderArticle } from '../scripts/demo/render';
import { extensionDir, launch, launchPlain, serve } from '../tests/e2e/harness';
import { nodeBench } from './node';
import { manyNodesPage, newsPage } from './pages';

const root = join(import.meta.dirname, '..');
const out = join(root, '.generated/bench');
const bundle = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;
const data = JSON.parse(readFileSync(join(extensionDir, 'page-matcher.json'), 'utf8')) as PageMatcherData;
const quick = process.argv.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// Pages: generated news pages of three sizes, one with 100,000 text nodes, and the corpus.
mkdirSync(out, { recursive: true });
const pages: { name: string; file: string; chars: number; markArray: boolean }[] = [];
function addPage(name: string, html: string, markArray: boolean) {
  const file = `${name}.html`;
  writeFileSync(join(out, file), html);
  pages.push({ name, file, chars: html.length, markArray });
}
addPage('news-10k', newsPage(bundle, 10_000), true);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
addPage('news-100k', newsPage(bundle, 100_000), !quick);
addPage('news-1m', newsPage(bundle, 1_000_000), false);
addPage('nodes-100k', manyNodesPage(bundle, 100_000), false);
for (const doc of bundle.documents) addPage(`corpus-${doc.id.slice(0, 6)}`, renderArticle(doc), false);

const script = (
  await build({
    entryPoints: [join(import.meta.dirname, 'in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    logLevel: 'silent',
  })
).outputFiles[0]!.text;

const site = await serve(out);
const plain = await launchPlain();
const runs = quick ? 1 : 3;

async function fresh(file: string): Promise<Page> {
  const page = await plain.context.newPage();
  await page.goto(`${site.origin}/${file}`);
  await page.addScriptTag({ content: script });
  // Every method starts from a laid-out, painted page, as a content script at document_idle does.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        void document.body.offsetHeight;
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );
  return page;
}
type Method =
  'bareWalk' | 'charWalk' | 'puente' | 'puenteSliced' | 'markArray' | 'markRegExp' | 'bigRegex' | 'hitTest';
/** Runs one of bench/in-page.ts's methods on a fresh page and returns what it returns. */
async function measure<T>(file: string, method: Method): Promise<T> {
  const page = await fresh(file);
  const result = await run<T>(page, method);
  await page.close();
  return result;
}
/**
 * Runs a method in an isolated world of a fresh page, as Puente's content script runs: there
 * each DOM node handed to the script gets a wrapper of that world, kept apart from the node,
 * which costs more than the page's own (docs/PERFORMANCE.md).
 */
async function measureIsolated<T>(file: string, method: Method): Promise<T> {
  const page = await fresh(file);
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'bench',
  });
  const evaluate = async (expression: string) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as T;
  };
  await evaluate(script);
  const result = await evaluate(`window.__bench.${method}(${JSON.stringify(data)})`);
  await page.close();
  return result;
}
function run<T>(page: Page, method: Method): Promise<T> {
  return page.evaluate(
    ({ m, d }) =>
      (window as unknown as { __bench: Record<Method, (d: PageMatcherData) => unknown> }).__bench[m](d) as T,
    { m: method, d: data },
  );
}

const rows: Record<string, unknown>[] = [];
/** Time to build the automaton in a fresh page (the content script does it once per page). */
const pageBuilds: number[] = [];
for (const p of pages.filter((x) => !only || x.name === only)) {
  const walk: number[] = [];
  const chars: number[] = [];
  const puente: number[] = [];
  const isolated: number[] = [];
  let mentions = 0;
  let firstScreen = 0;
  for (let i = 0; i < runs; i++) {
    walk.push(await measure<number>(p.file, 'bareWalk'));
    chars.push(await measure<number>(p.file, 'charWalk'));
    const r = await measure<{ scan: number; build: number; mentions: number; firstScreen: number }>(
      p.file,
      'puente',
    );
    puente.push(r.scan);
    isolated.push((await measureIsolated<{ scan: number }>(p.file, 'puente')).scan);
    pageBuilds.push(r.build);
    mentions = r.mentions;
    firstScreen = r.firstScreen;
  }
  const markRegExp = await measure<number>(p.file, 'markRegExp');
  const bigRegex = await measure<number>(p.file, 'bigRegex');
  const markArray = p.markArray ? await measure<number>(p.file, 'markArray') : null;
  const sliced = await measure<{ longestSlice: number; firstScreen: number }>(p.file, 'puenteSliced');
  const row = {
    page: p.name,
    kB: round(p.chars / 1000, 0),
    mentions,
    walkMs: round(median(walk)),
    puenteMs: round(median(puente)),
    isolatedMs: round(median(isolated)),
    xWalk: round(median(puente) / Math.max(median(walk), 0.1)),
    charWalkMs: round(median(chars)),
    xCharWalk: round(median(puente) / Math.max(median(chars), 0.1)),
    markRegExpMs: round(markRegExp),
    fasterThanMarkRegExp: round(markRegExp / median(puente)),
    markArrayMs: markArray === null ? null : round(markArray),
    fasterThanMarkArray: markArray === null ? null : round(markArray / median(puente)),
    bigRegexMs: round(bigRegex),
    firstScreenMs: round(firstScreen),
    longestSliceMs: round(sliced.longestSlice),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}

// Hit-test and heap on the 1M page.
const big = await fresh('news-1m.html');
const cdp = await big.context().newCDPSession(big);
await cdp.send('HeapProfiler.collectGarbage');
const before = await cdp.send('Runtime.getHeapUsage');
await run(big, 'puente');
await cdp.send('HeapProfiler.collectGarbage');
const afterHeap = await cdp.send('Runtime.getHeapUsage');
const hits = await run<number[]>(big, 'hitTest');
await big.close();
await plain.close();

// Card data and seeding, through the installed extension.
const session = await launch();
const panel = await session.context.newPage();
await panel.goto(session.url('sidepanel.html#/sources'));
await panel.locator('.card').first().waitFor();
const cardTimes = await panel.evaluate(
  async (ids) => {
    const c = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome;
    const times: number[] = [];
    for (const id of [...ids, ...ids]) {
      const t0 = performance.now();
      await c.runtime.sendMessage({ id: 1, type: 'getCardData', data: { id }, timestamp: Date.now() });
      times.push(performance.now() - t0);
    }
    return times;
  },
  bundle.terms.map((t) => t.id),
);
// The first card after MV3 stopped the idle service worker (after 30 s without an event): the
// worker starts, opens the database and checks the seeded bundle before it answers.
const cdp2 = await panel.context().newCDPSession(panel);
await cdp2.send('ServiceWorker.enable');
const coldCardTimes: number[] = [];
for (const id of bundle.terms.slice(0, 12).map((t) => t.id)) {
  await cdp2.send('ServiceWorker.stopAllWorkers');
  await panel.waitForTimeout(200);
  coldCardTimes.push(
    await panel.evaluate(async (id) => {
      const c = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const t0 = performance.now();
      await c.runtime.sendMessage({ id: 1, type: 'getCardData', data: { id }, timestamp: Date.now() });
      return performance.now() - t0;
    }, id),
  );
}
const meta = await panel.evaluate(
  () =>
    new Promise<{ durationMs?: number }>((resolve) => {
      const open = indexedDB.open('puente');
      open.onsuccess = () => {
        const req = open.result.transaction('meta').objectStore('meta').get('bundle');
        req.onsuccess = () => resolve(req.result as { durationMs?: number });
      };
    }),
);
await session.close();
site.server.close();

const contentScript = readFileSync(join(extensionDir, 'content-scripts/content.js'));
// The card's interface, which a frame loads the first time a mention is hovered there.
const cardView = readFileSync(join(extensionDir, 'card-view.js'));
const nodeResults = nodeBench(bundle);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version },
  pages: rows,
  node: nodeResults,
  hitTestMicros: { median: round(median(hits)), p95: round(p95(hits)), samples: hits.length },
  cardDataMs: { median: round(median(cardTimes)), p95: round(p95(cardTimes)), samples: cardTimes.length },
  cardDataAfterWorkerStopMs: {
    median: round(median(coldCardTimes)),
    max: round(Math.max(...coldCardTimes)),
    samples: coldCardTimes.length,
  },
  seedingMs: meta.durationMs ?? null,
  contentScriptGzipKB: round(gzipSync(contentScript).length / 1024, 1),
  cardViewGzipKB: round(gzipSync(cardView).length / 1024, 1),
  heapMBOn1M: round((afterHeap.usedSize - before.usedSize) / 1e6, 1),
  automatonBuildMsInPage: { median: round(median(pageBuilds)), max: round(Math.max(...pageBuilds)) },
};
writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2));

console.log('\nPuente benchmark (ratios are within this run)');
console.table(
  rows.map((r) => ({
    page: r.page,
    kB: r.kB,
    mentions: r.mentions,
    'walk ms': r.walkMs,
    'puente ms': r.puenteMs,
    'in content script ms': r.isolatedMs,
    '× walk': r.xWalk,
    'walk+chars ms': r.charWalkMs,
    '× chars': r.xCharWalk,
    'mark.js RegExp ms': r.markRegExpMs,
    '÷ vs RegExp': r.fasterThanMarkRegExp,
    'mark.js array ms': r.markArrayMs ?? '—',
    '÷ vs array': r.fasterThanMarkArray ?? '—',
    'big regex ms': r.bigRegexMs,
    'first screen ms': r.firstScreenMs,
    'longest slice ms': r.longestSliceMs,
  })),
);
console.log(
  `Node matcher: ${round(nodeResults.glossary.mbps, 1)} MB/s with the glossary (${nodeResults.glossary.entries} entries), ` +
    `${round(nodeResults.synthetic300.mbps, 1)} MB/s with 300 synthetic, ${round(nodeResults.synthetic10k.mbps, 1)} MB/s with 10,000 ` +
    `(10,000 cost ${round(nodeResults.ratio10kTo300)}× 300)`,
);
console.log(
  `Automaton: ${nodeResults.glossary.states} states, ${round(nodeResults.glossary.tableMB, 1)} MB of tables, ` +
    `built in ${round(nodeResults.glossary.buildMs)} ms in Node and ${round(median(pageBuilds))} ms (median) in pages`,
);
console.log(`Hit-test: median ${results.hitTestMicros.median} µs, p95 ${results.hitTestMicros.p95} µs`);
console.log(
  `Card data: median ${results.cardDataMs.median} ms, p95 ${results.cardDataMs.p95} ms; ` +
    `the first after the worker was stopped: median ${results.cardDataAfterWorkerStopMs.median} ms, ` +
    `max ${results.cardDataAfterWorkerStopMs.max} ms`,
);
console.log(
  `Seeding: ${results.seedingMs} ms; content script ${results.contentScriptGzipKB} KB gzip (+ ${results.cardViewGzipKB} KB for the card on first hover); heap on the 1M page +${results.heapMBOn1M} MB`,
);
console.log('Written to bench/results.json');
