/**
 * Framework pages with Puente on: a React app rendered on the server and hydrated in the page,
 * and a Vue app, each re-rendered 500 times. No page errors, no hydration warnings (both use
 * their development builds, which report them), and the app's DOM is the same as without Puente.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  allTexts,
  artifactsDir,
  domWithoutPuente,
  highlighted,
  launchPlain,
  root,
  screenshot,
  settled,
  until,
  useBrowser,
  collectErrors,
} from './harness';

const require = createRequire(import.meta.url);

/** Renders the React fixture on the server into a page that hydrates it when told to. */
function writeReactSsrPage(): string {
  // (No @types/react in this project: the two calls used are typed here.)
  type ReactLike = { createElement(type: unknown): unknown };
  const React = require('react') as ReactLike;
  const server = require('react-dom/server') as { renderToString: (element: unknown) => string };
  const source = readFileSync(join(root, 'tests/fixtures/pages/react-ssr-app.js'), 'utf8');
  const window: { NewsApp?: (r: ReactLike) => () => unknown } = {};
  runInNewContext(source, { window });
  const html = server.renderToString(React.createElement(window.NewsApp!(React)));
  const dir = join(artifactsDir, 'frameworks');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'react-ssr.html'),
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>React news app, server-rendered</title>
<style>body { font: 17px/1.6 system-ui, sans-serif; max-width: 700px; margin: 24px auto; } .hot { font-weight: bold; }</style></head>
<body>
<div id="root">${html}</div>
<script src="/node_modules/react/umd/react.development.js"></script>
<script src="/node_modules/react-dom/umd/react-dom.development.js"></script>
<script src="/tests/fixtures/pages/react-ssr-app.js"></script>
<script>
  // Hydrated when the test says so: after Puente has marked the server's HTML.
  window.__hydrate = () => new Promise((resolve) => {
    ReactDOM.hydrateRoot(document.getElementById('root'), React.createElement(NewsApp(React)), {
      onRecoverableError: (e) => console.error('recoverable hydration error: ' + e.message),
    });
    const wait = () => (window.__rerender ? resolve() : setTimeout(wait, 10));
    wait();
  });
</script>
</body>
</html>
`,
  );
  return '/tests/e2e/artifacts/frameworks/react-ssr.html';
}

/** Hydrates if needed, re-renders 500 times and adds a story. */
async function exercise(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as {
      __hydrate?(): Promise<void>;
      __rerender(): void;
      __addStory(s: string): void;
    };
    await w.__hydrate?.();
    for (let i = 0; i < 500; i++) {
      w.__rerender();
      await new Promise((r) => setTimeout(r, 0));
    }
    w.__addStory('New: the AIIB and BRICS.');
  });
}

void describe('framework pages', () => {
  const env = useBrowser();
  // One browser without Puente, for the DOM to compare with.
  let plain: Awaited<ReturnType<typeof launchPlain>> | undefined;
  before(async () => {
    plain = await launchPlain();
  });
  after(async () => {
    await plain?.close();
  });

  for (const [name, path] of [
    ['React, server-rendered then hydrated', ''],
    ['Vue', '/tests/fixtures/pages/vue-app.html'],
  ] as const) {
    void it(`${name}: 500 re-renders with no errors or hydration warnings and the same DOM`, async () => {
      const url = `${env.origin}${path || writeReactSsrPage()}`;
      const page = await env.session.context.newPage();
      const errors = collectErrors(page, /hydrat|mismatch/i);
      await page.goto(url);
      const before = allTexts(await settled(page, 4));
      await exercise(page);
      await until(
        async () => allTexts(await highlighted(page)).includes('BRICS'),
        'the new story to be marked',
      );
      assert.equal(await page.locator('#tick').textContent(), 'Update 500 — the Global South watches CELAC');
      const texts = allTexts(await settled(page));
      const other = await plain!.context.newPage();
      await other.goto(url);
      await exercise(other);
      await other.waitForTimeout(100);
      const same = (await domWithoutPuente(page)) === (await domWithoutPuente(other));
      await other.close();
      console.log(
        `${name}: ${before.length} mentions marked before, ${texts.length} after 500 re-renders and a new story; ${errors.length} errors; DOM ${same ? 'identical' : 'different'} without Puente`,
      );
      assert.ok(texts.includes('Global South') && texts.includes('China-CELAC Forum'), JSON.stringify(texts));
      assert.deepEqual(errors, []);
      assert.ok(same, 'the same DOM as without Puente');
      await screenshot(page, `framework-${path ? 'vue' : 'react-ssr'}`);
      await page.close();
    });
  }
});
