/**
 * `npm start`: after the build, renders the corpus as a small local news site, serves it on
 * 127.0.0.1 and opens Chromium with Puente loaded. Without a display it says how to load the
 * extension by hand and keeps serving the demo site until Ctrl+C.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Bundle } from '../lib/bundle/types';
import { renderArticle, renderIndex } from './demo/render';

const root = join(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3');
const demoDir = join(root, '.generated/demo');
const port = Number(process.env.PORT ?? 5199);

const bundle = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;
mkdirSync(demoDir, { recursive: true });
writeFileSync(join(demoDir, 'index.html'), renderIndex(bundle.documents));
for (const doc of bundle.documents) writeFileSync(join(demoDir, `${doc.id}.html`), renderArticle(doc));

const server = createServer((req, res) => {
  const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'index.html';
  const file = join(demoDir, name);
  if (!/^[\w.-]+\.html$/.test(name) || !existsSync(file)) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
});
server.listen(port, '127.0.0.1', () => void open());

async function open(): Promise<void> {
  const url = `http://127.0.0.1:${port}/${bundle.documents[0]?.id ?? 'index'}.html`;
  const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux';
  console.log(`Demo news site: http://127.0.0.1:${port}/`);
  if (!display || !existsSync(browser)) {
    console.log(
      [
        !existsSync(browser)
          ? `No Chromium at ${browser} (set CHROMIUM_PATH).`
          : 'No display to open a browser on.',
        'Load Puente by hand: open chrome://extensions, turn on Developer mode,',
        `choose "Load unpacked" and pick ${extensionDir}, then visit ${url}`,
        'Serving the demo site until Ctrl+C.',
      ].join('\n'),
    );
    return;
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'puente-start-')), {
    executablePath: browser,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log('Chromium is open with Puente loaded. Close the window to stop.');
  context.on('close', () => server.close());
}
