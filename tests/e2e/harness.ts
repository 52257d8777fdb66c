/**
 * The real-browser harness: Debian's Chromium driven by playwright-core (never a browser
 * download) with the built extension loaded into a fresh profile, and fixtures served on
 * 127.0.0.1 only. Screenshots go to tests/e2e/artifacts/ for people to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type Frame,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';

export const root = join(import.meta.dirname, '../..');
export const extensionDir = join(root, '.output/chrome-mv3');
export const artifactsDir = join(root, 'tests/e2e/artifacts');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet headless Chromium on a machine without a network. */
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A running browser with Puente installed. */
export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension (or another unpacked copy) on a fresh profile. */
export async function launch(
  options: {
    colorScheme?: 'light' | 'dark';
    extensionPath?: string;
    args?: string[];
    /** A profile to start from (kept on close): a browser started again with Puente installed. */
    profile?: string;
  } = {},
): Promise<Session> {
  const extension = options.extensionPath ?? extensionDir;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'puente-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      ...BROWSER_ARGS,
      // Fixture sites with names of their own, all served from 127.0.0.1.
      '--host-resolver-rules=MAP *.test 127.0.0.1',
      ...(options.args ?? []),
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    url: (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves a folder on 127.0.0.1 (a random free port). */
export async function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^([/\\])+/,
      '',
    );
    const file = join(dir, path || 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** Saves a screenshot of what a person sees, for review. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  // caret: 'initial' keeps Playwright from touching the page's editable elements (it would
  // leave style="" on them and spoil DOM comparisons).
  await page.screenshot({ path, caret: 'initial' });
  return path;
}

/**
 * Functions that run inside a page, shared by the Chromium harness (Playwright) and the Firefox
 * one (Puppeteer): pass them to `page.evaluate`. Anonymous arrows only: they are serialised.
 */
export const inPage = {
  /** Every row of an object store of Puente's IndexedDB (from an extension page). */
  readStore: (name: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('puente');
      // Before the background has created the database, opening it without a version would
      // create an empty one, and this connection, left open, would block the background's
      // upgrade: the profile never got seeded. Abort instead: the caller asks again.
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => reject(new Error(String(open.error)));
      open.onsuccess = () => {
        const db = open.result;
        db.onversionchange = () => db.close();
        try {
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as unknown[]);
            db.close();
          };
          req.onerror = () => {
            reject(new Error(String(req.error)));
            db.close();
          };
        } catch (e) {
          db.close();
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
    }),
  /** The text of every highlighted range, by highlight name. */
  highlighted: () => {
    const out: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, h] of registry)
      out[name] = [...h].filter((r) => r.startContainer.isConnected).map((r) => r.toString());
    return out;
  },
  /** The centre and rectangle of the first line of the first highlighted range with this text. */
  mentionRect: (t: string) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const range = [...registry.values()].flatMap((h) => [...h]).find((r) => r.toString() === t);
    if (!range) throw new Error(`no highlight "${t}"`);
    // The first line box: a mention that wraps has an empty middle in its bounding box.
    const r = range.getClientRects()[0]!;
    return {
      x: r.x + r.width / 2,
      y: r.y + r.height / 2,
      left: r.left,
      right: r.right,
      top: r.top,
      bottom: r.bottom,
    };
  },
};

/** Reads every row of an object store of Puente's IndexedDB, from an extension page. */
export async function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return (await page.evaluate(inPage.readStore, store)) as T[];
}

/** Waits until the background has seeded the database. */
export async function waitForSeed(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const meta = await readStore(page, 'meta').catch(() => []);
    if (meta.length > 0) return;
    await page.waitForTimeout(100);
  }
  throw new Error('The database was not seeded');
}

/** Launches Chromium without Puente (to compare a page's DOM with and without it). */
export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'puente-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: BROWSER_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The text of every highlighted range on a page (or frame), by highlight name. */
export async function highlighted(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(inPage.highlighted);
}

/** The centre and rectangle of the first line of the first highlighted range with this text. */
export async function mentionRect(page: Page, text: string) {
  return page.evaluate(inPage.mentionRect, text);
}

/** Moves the pointer onto a mention as a person would, and waits for its card. */
export async function hover(page: Page, text: string) {
  // The page may still be being marked (in slices, the first screen first): wait for this one.
  await until(
    async () => (await mentionRect(page, text).catch(() => null)) !== null,
    `a highlight "${text}"`,
  );
  const r = await mentionRect(page, text);
  await page.mouse.move(r.x + 30, r.y + 60);
  await page.mouse.move(r.x, r.y, { steps: 3 });
  const card = page.locator('puente-ui .card');
  await card.waitFor();
  return { card, rect: r };
}

/**
 * Scrolls a page from top to bottom, half a screen at a time, and answers the text of every
 * highlighted range seen in the viewport on the way, each mention once (by its text node and
 * offset), sorted: what a reader reading the whole page sees marked. Puente registers only the
 * mentions around the viewport, so the ranges registered at any one moment are not all of them.
 * `where` keeps ranges whose start is inside an element matching it.
 */
export async function seenWhileScrolling(page: Page, where = 'body'): Promise<string[]> {
  const seen = new Map<string, string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 400; step++) {
    // Two frames: the scroll's, in which Puente moves its window, and the one that shows it.
    await page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    // A string: tsx would wrap the helper function in a call the page does not have.
    const found = await page.evaluate<[string, string][]>(`(() => {
      const ids = (window.__ids ??= new WeakMap());
      const id = (n) => {
        if (!ids.has(n)) ids.set(n, (window.__next = (window.__next ?? 0) + 1));
        return ids.get(n);
      };
      const out = [];
      for (const h of CSS.highlights.values()) {
        for (const r of h) {
          const box = r.getBoundingClientRect();
          if (box.bottom <= 0 || box.top >= innerHeight || box.height === 0) continue;
          if (!r.startContainer.parentElement?.closest(${JSON.stringify(where)})) continue;
          out.push([id(r.startContainer) + ':' + r.startOffset, r.toString()]);
        }
      }
      return out;
    })()`);
    for (const [key, text] of found) seen.set(key, text);
    const more = await page.evaluate(() => {
      const before = scrollY;
      window.scrollBy(0, innerHeight / 2);
      return scrollY > before;
    });
    if (!more) break;
  }
  return [...seen.values()].sort();
}

/** All highlighted texts, flattened and sorted. */
export function allTexts(byName: Record<string, string[]>): string[] {
  return Object.values(byName).flat().sort();
}

/** Waits until `probe` returns true (polling), or fails with `what`. */
export async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Sends a content-script message to the active tab from the service worker, exactly as the
 * background does for a keyboard command or a context-menu click (neither can be pressed in
 * headless Chromium). Answers the raw envelope (`{res}` or `{err}`).
 */
export function sendToActiveTab(session: Session, type: string, data: unknown): Promise<unknown> {
  return session.worker.evaluate(
    async ([t, d]) => {
      const c = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id: number }[]>;
              sendMessage(id: number, m: object): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const [tab] = await c.tabs.query({ active: true });
      return c.tabs.sendMessage(tab!.id, { id: 1, type: t, data: d, timestamp: Date.now() });
    },
    [type, data] as const,
  );
}

/** The page's DOM as HTML, without Puente's host element. */
export async function domWithoutPuente(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('puente-ui').forEach((el) => el.remove());
    return clone.outerHTML;
  });
}

/** Waits until the highlighted texts stop changing (at least `min` of them), and answers them. */
export async function settled(page: Page, min = 1): Promise<Record<string, string[]>> {
  let last = -1;
  let stable = 0;
  await until(async () => {
    const n = allTexts(await highlighted(page)).length;
    stable = n === last && n >= min ? stable + 1 : 0;
    last = n;
    return stable >= 3;
  }, 'highlights to settle');
  return highlighted(page);
}

/**
 * Collects a page's uncaught errors and console errors (a missing favicon aside), and warnings
 * that match `warnings`.
 */
export function collectErrors(page: Page, warnings?: RegExp): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    const bad = m.type() === 'error' || (m.type() === 'warning' && warnings?.test(m.text()));
    if (bad && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return errors;
}

/** A browser with Puente and a fixture server, started before a suite's tests and closed after. */
export interface BrowserEnv {
  session: Session;
  origin: string;
}

/**
 * Registers before/after hooks that launch Puente in Chromium and serve `dir` (the project root
 * by default) on 127.0.0.1; the returned object is filled in once the suite starts.
 */
export function useBrowser(options: { colorScheme?: 'light' | 'dark'; dir?: string } = {}): BrowserEnv {
  return useSession(() => launch({ colorScheme: options.colorScheme }), options.dir);
}

/**
 * Registers before/after hooks that start a browser session (any driver) and serve `dir` on
 * 127.0.0.1; the returned object is filled in once the suite starts.
 */
export function useSession<S extends { close(): Promise<void> }>(
  start: () => Promise<S>,
  dir = root,
): { session: S; origin: string } {
  const env = {} as { session: S; origin: string };
  let server: Server | undefined;
  before(async () => {
    env.session = await start();
    const served = await serve(dir);
    env.origin = served.origin;
    server = served.server;
  });
  after(async () => {
    await env.session?.close();
    server?.close();
  });
  return env;
}

/** Waits until at least `min` mentions are highlighted on the page. */
export async function waitForHighlights(page: Page, min = 3) {
  await until(async () => allTexts(await highlighted(page)).length >= min, 'highlights');
}

/** Saves a note with `text` from an open card, the way a person does, and waits until it is saved. */
export async function saveNoteFromCard(page: Page, card: Locator, text: string): Promise<void> {
  await card.getByRole('button', { name: 'Save note' }).click();
  const box = (await card.boundingBox())!;
  // Keep the pointer on the card so that it stays open while the note is typed.
  await page.mouse.move(box.x + 40, box.y + 40);
  await card.locator('textarea').fill(text);
  await card.locator('form').getByRole('button', { name: 'Save note' }).click();
  await card.getByText('Note saved.').waitFor();
}
