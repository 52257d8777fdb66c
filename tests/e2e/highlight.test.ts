import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Bundle } from '../../lib/bundle/types';
import { renderArticle } from '../../scripts/demo/render';
import {
  allTexts,
  artifactsDir,
  domWithoutPuente,
  extensionDir,
  highlighted,
  launchPlain,
  mentionRect,
  screenshot,
  seenWhileScrolling,
  sendToActiveTab,
  serve,
  settled,
  until,
  useBrowser,
  collectErrors,
} from './harness';

const bundle = JSON.parse(readFileSync(join(extensionDir, 'bundle.json'), 'utf8')) as Bundle;

void describe('highlighting on news pages', () => {
  const env = useBrowser();
  const pages = '/tests/fixtures/pages';

  void it('marks English mentions, across inline elements, and nothing inside words or hidden places', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}${pages}/en-news.html`);
    const byKind = await settled(page);
    const texts = allTexts(byKind);
    for (const want of [
      'fourth ministerial meeting of the China-CELAC Forum',
      'Latin America and the Caribbean',
      'President Xi Jinping',
      'Belt and Road Initiative',
      'Global Development Initiative',
      'ECLAC',
      'CELAC rotating presidency',
      'Global South',
      'Wang Yi',
      'Colombia',
    ]) {
      assert.ok(texts.includes(want), `missing "${want}" in ${JSON.stringify(texts)}`);
    }
    assert.deepEqual(byKind['puente-person']?.sort(), ['President Xi Jinping', 'Wang Yi']);
    // Trap words, hidden text, form fields, the editor, scripts and SVG stay unmarked.
    const inside = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const ranges = [...registry.values()].flatMap((h) => [...h]);
      const bad = ['#p3', '#hidden', '#editor', 'svg', 'textarea', 'form'];
      return ranges
        .filter((r) => bad.some((sel) => document.querySelector(sel)?.contains(r.startContainer)))
        .map((r) => r.toString());
    });
    assert.deepEqual(inside, []);
    // Every mention's element gets its kind's colours, inline elements included (Chromium's
    // build writes the rules on :root only, and highlight styles are inherited).
    const styles = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return [...registry].flatMap(([name, h]) =>
        [...h].flatMap((r) => {
          const common = r.commonAncestorContainer;
          const holder = common instanceof Element ? common : common.parentElement!;
          const inside = [...holder.querySelectorAll('*')].filter((e) => r.intersectsNode(e));
          return [r.startContainer.parentElement!, ...inside].map((el) => {
            const style = getComputedStyle(el, `::highlight(${name})`);
            return `${name} in ${el.tagName}: ${style.backgroundColor} ${style.textDecorationLine}`;
          });
        }),
      );
    });
    assert.ok(
      styles.some((s) => / in (EM|A|STRONG|SPAN):/.test(s)),
      JSON.stringify(styles),
    );
    for (const s of styles) assert.match(s, /: rgba\(\d+, \d+, \d+, 0\.16\) underline$/);
    await screenshot(page, 'highlight-en');
    await page.close();
  });

  void it('marks Chinese mentions, simplified and traditional, and respects excluded contexts', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}${pages}/zh-news.html`);
    const byKind = await settled(page);
    const texts = allTexts(byKind);
    for (const want of ['习近平', '中拉论坛', '拉共体', '中國—拉共體論壇', '拉美經委會', 'CELAC']) {
      assert.ok(texts.includes(want), `missing "${want}" in ${JSON.stringify(texts)}`);
    }
    assert.ok(texts.some((t) => t.startsWith('中国—拉共体论坛第四届部长级会议')));
    // 中非合作论坛 is FOCAC, an entry of its own, never the China–CELAC Forum.
    assert.ok(!texts.some((t) => t !== '中非合作论坛' && t.includes('中非')));
    const point = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...registry.get('puente-mechanism')!].find((r) => r.toString() === '中非合作论坛')!;
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('puente-ui .card');
    await tooltip.waitFor();
    assert.equal(await tooltip.getAttribute('data-entry-id'), 'focac');
    await screenshot(page, 'highlight-zh');
    await page.close();
  });

  void it('marks Spanish mentions with Spanish word order and accents, not inside words', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}${pages}/es-news.html`);
    const texts = allTexts(await settled(page));
    for (const want of [
      'Foro CELAC - China',
      'Iniciativa de la Franja y la Ruta',
      'CEPAL',
      'México',
      'Brasil',
    ]) {
      assert.ok(texts.includes(want), `missing "${want}" in ${JSON.stringify(texts)}`);
    }
    assert.ok(texts.some((t) => t.includes('IV Reunión Ministerial')));
    assert.ok(!texts.some((t) => /abrirá|relaciones|^Un$/.test(t)), JSON.stringify(texts));
    await screenshot(page, 'highlight-es');
    await page.close();
  });

  void it('shows a card with the three names on hover and hides it when the pointer leaves', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}${pages}/en-news.html`);
    await settled(page);
    const rect = await mentionRect(page, 'Wang Yi');
    await page.mouse.move(rect.x - 40, rect.y + 40);
    await page.mouse.move(rect.x, rect.y);
    const tooltip = page.locator('puente-ui .card');
    await tooltip.waitFor();
    assert.equal(await tooltip.getAttribute('data-entry-id'), 'wang-yi');
    const text = (await tooltip.textContent()) ?? '';
    assert.match(text, /Wang Yi/);
    assert.match(text, /王毅/);
    const box = await tooltip.boundingBox();
    // No box: the card hidden or gone while the pointer stayed (see below): say what it was.
    assert.ok(
      box,
      `the card is not visible: ${await page.evaluate(() => {
        const card = document.querySelector('puente-ui')?.shadowRoot?.querySelector('.card');
        if (!card) return 'no card in the host';
        const layer = card.parentElement!;
        return JSON.stringify({
          layer: getComputedStyle(layer).visibility,
          card: getComputedStyle(card).visibility,
          display: getComputedStyle(card).display,
          rect: card.getBoundingClientRect(),
        });
      })}`,
    );
    const covers =
      box.x < rect.right &&
      box.x + box.width > rect.left &&
      box.y < rect.bottom &&
      box.y + box.height > rect.top;
    assert.equal(covers, false, 'the tooltip does not cover the mention');
    // The pointer rests: the card stays open, and in no frame does it cover the mention. (It
    // once grew over it when its data arrived, above a mention low in the window, which the
    // layer took for the pointer entering and leaving the card: it closed 300 ms later.)
    const watched = await page.evaluate(async (m) => {
      const frames: string[] = [];
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const card = document.querySelector('puente-ui')?.shadowRoot?.querySelector('.card');
        if (!card) return `gone after ${i} frames`;
        const b = card.getBoundingClientRect();
        if (b.left < m.right && b.right > m.left && b.top < m.bottom && b.bottom > m.top)
          frames.push(JSON.stringify(b));
      }
      return frames.length ? `over the mention in ${frames.length} frames: ${frames[0]}` : 'stayed';
    }, rect);
    assert.equal(watched, 'stayed');
    await screenshot(page, 'highlight-hover');
    await page.mouse.move(5, 5);
    await tooltip.waitFor({ state: 'detached' });
    await page.close();
  });

  void it('leaves the page DOM as it is, apart from its one host element', async () => {
    const plain = await launchPlain();
    try {
      for (const name of ['en-news.html', 'zh-news.html', 'frames.html']) {
        const page = await env.session.context.newPage();
        await page.goto(`${env.origin}${pages}/${name}`);
        await settled(page);
        const hosts = await page.evaluate(() => document.querySelectorAll('puente-ui').length);
        assert.ok(hosts <= 1);
        const withPuente = await domWithoutPuente(page);
        const other = await plain.context.newPage();
        await other.goto(`${env.origin}${pages}/${name}`);
        await other.waitForTimeout(200);
        assert.equal(withPuente, await domWithoutPuente(other), `${name} differs`);
        await page.close();
        await other.close();
      }
    } finally {
      await plain.close();
    }
  });

  void it('keeps a React app working through 500 re-renders, with no errors and the same DOM', async () => {
    const page = await env.session.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${env.origin}${pages}/react-app.html`);
    await settled(page);
    await page.evaluate(async () => {
      const w = window as unknown as { __rerender(): void };
      for (let i = 0; i < 500; i++) {
        w.__rerender();
        await new Promise((r) => setTimeout(r, 0));
      }
    });
    await page.evaluate(() =>
      (window as unknown as { __addStory(s: string): void }).__addStory('New: the AIIB and BRICS.'),
    );
    await until(
      async () => allTexts(await highlighted(page)).includes('BRICS'),
      'the new story to be marked',
    );
    assert.equal(await page.locator('#tick').textContent(), 'Update 500 — the Global South watches CELAC');
    const texts = allTexts(await settled(page));
    assert.ok(texts.includes('Global South') && texts.includes('China-CELAC Forum'), JSON.stringify(texts));
    assert.deepEqual(errors, []);
    const plain = await launchPlain();
    try {
      const other = await plain.context.newPage();
      await other.goto(`${env.origin}${pages}/react-app.html`);
      await other.evaluate(async () => {
        const w = window as unknown as { __rerender(): void; __addStory(s: string): void };
        for (let i = 0; i < 500; i++) {
          w.__rerender();
          await new Promise((r) => setTimeout(r, 0));
        }
        w.__addStory('New: the AIIB and BRICS.');
      });
      await other.waitForTimeout(100);
      assert.equal(await domWithoutPuente(page), await domWithoutPuente(other));
    } finally {
      await plain.close();
    }
    await screenshot(page, 'highlight-react');
    await page.close();
  });

  void it('follows an infinite feed: every added mention is marked', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}${pages}/infinite.html`);
    await settled(page);
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => (window as unknown as { __add(n: number): number }).__add(20));
      await page.waitForTimeout(30);
    }
    // 208 items; three of every four lines carry terms (2 + 1 + 2 per cycle of four).
    const expected = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.item')].map((d) => d.textContent ?? '');
      return items.reduce(
        (n, t) => n + (/Wang Yi/.test(t) ? 2 : /China-CELAC/.test(t) ? 1 : /Argentina/.test(t) ? 3 : 0),
        0,
      );
    });
    // Every one of them is marked when the reader gets to it (Puente registers the ones around
    // the viewport), and Puente counts them all.
    await page.bringToFront();
    const counted = async () =>
      ((await sendToActiveTab(env.session, 'getPageTerms', null)) as { res: { mentions: number } }).res
        .mentions;
    await until(async () => (await counted()) === expected, `${expected} mentions`);
    assert.equal((await seenWhileScrolling(page, '.item')).length, expected);
    await page.close();
  });

  void it('marks text in open shadow roots and in iframes', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`${env.origin}${pages}/frames.html`);
    const texts = allTexts(await settled(page, 3));
    assert.ok(texts.includes('Belt and Road Initiative'));
    assert.ok(texts.includes('China-CELAC Forum'), 'inside the shadow root');
    assert.ok(texts.includes('ECLAC'));
    const frame = page.frames().find((f) => f.url().endsWith('zh-news.html'))!;
    await until(async () => allTexts(await highlighted(frame)).includes('习近平'), 'the iframe to be marked');
    await screenshot(page, 'highlight-frames');
    await page.close();
  });

  void it('leaves frames with nothing a reader can see unmarked until they have it', async () => {
    // Which frames ask the background for the matcher data (a second listener in the worker,
    // which answers nothing).
    const asks = () => env.session.worker.evaluate<{ url: string }[]>('globalThis.__matcherAsks ?? []');
    await env.session.worker.evaluate(`(() => {
      globalThis.__matcherAsks = [];
      chrome.runtime.onMessage.addListener((message, sender) => {
        if (message?.type === 'getPageMatcher') globalThis.__matcherAsks.push({ url: sender.url });
      });
    })()`);
    const page = await env.session.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${env.origin}${pages}/frames-quiet.html`);
    await until(async () => allTexts(await highlighted(page)).includes('China-CELAC Forum'), 'the page');
    const pixel = page.frames().find((f) => f.url().endsWith('zh-news.html'))!;
    const late = page.frames().find((f) => f.url().endsWith('frame-late.html'))!;
    await page.waitForTimeout(1500);
    // A 1 × 1 frame holding an article is left alone (the build before marked it).
    assert.deepEqual(allTexts(await highlighted(pixel)), []);
    assert.deepEqual(allTexts(await highlighted(late)), []);
    // Neither frame has asked for the matcher data (108 KB a frame): only the page did.
    assert.deepEqual(
      (await asks()).map((a) => a.url.split('/').pop()),
      ['frames-quiet.html'],
    );
    // Given a size, it is marked; given text, the other one is.
    await page.evaluate(() => document.getElementById('pixel')!.setAttribute('width', '600'));
    await page.evaluate(() => document.getElementById('pixel')!.setAttribute('height', '300'));
    await until(
      async () => allTexts(await highlighted(pixel)).includes('习近平'),
      'the frame once it has a size',
    );
    await late.evaluate(() => (window as unknown as { __fill(): void }).__fill());
    await until(
      async () => allTexts(await highlighted(late)).includes('CELAC'),
      'the frame once it has text',
    );
    assert.deepEqual((await asks()).map((a) => a.url.split('/').pop()).sort(), [
      'frame-late.html',
      'frames-quiet.html',
      'zh-news.html',
    ]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('marks every mention the build found in the corpus documents rendered as pages', async () => {
    const dir = join(artifactsDir, 'corpus-pages');
    mkdirSync(dir, { recursive: true });
    for (const doc of bundle.documents) writeFileSync(join(dir, `${doc.id}.html`), renderArticle(doc));
    // The longest document three times over: more mentions than Puente registers at once, so
    // only the window around the viewport is, and it has to follow the reader down the page.
    const longest = [...bundle.documents].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0]!;
    const html = renderArticle(longest);
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
    writeFileSync(join(dir, 'longest-3.html'), html.replace(body, body.repeat(3)));
    const site = await serve(dir);
    try {
      for (const [doc, file, copies] of [
        ...bundle.documents.map((d) => [d, d.id, 1] as const),
        [longest, 'longest-3', 3] as const,
      ]) {
        const page = await env.session.context.newPage();
        await page.goto(`${site.origin}/${file}.html`);
        await settled(page);
        // Puente registers the mentions around the viewport: read the page from top to bottom.
        const onPage = await seenWhileScrolling(page, 'article > p, article > h2');
        await page.evaluate(() => window.scrollTo(0, 0));
        const passages = new Map(bundle.passages.map((p) => [p.id, p]));
        const artefacts = doc.artefacts.map((a) => a.text);
        const expected = bundle.mentions
          .filter((m) => m.docId === doc.id)
          .map((m) => passages.get(m.passageId)!.text.slice(m.start, m.end))
          // Cyrillic words are read as Latin only in the build (see docs/BUNDLE.md).
          .filter((t) => !artefacts.some((a) => t.includes(a)))
          .flatMap((t) => Array<string>(copies).fill(t))
          .sort();
        if (copies > 1) {
          const registered = allTexts(await highlighted(page)).length;
          assert.ok(registered < expected.length, `${registered} registered of ${expected.length}`);
        }
        const missing = [...expected];
        for (const t of onPage) {
          const i = missing.indexOf(t);
          if (i >= 0) missing.splice(i, 1);
        }
        assert.deepEqual(missing, [], `${file}: not highlighted`);
        if (doc.id === bundle.documents[0]!.id) await screenshot(page, 'highlight-corpus');
        await page.close();
      }
    } finally {
      site.server.close();
    }
  });

  void it('registers only the mentions near the viewport, a fixed sidebar last in the page included', async () => {
    // The corpus's longest article (fewer mentions than the window's limit) with a sidebar that
    // stays in view and comes last in the page's order.
    const longest = [...bundle.documents].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0]!;
    const aside =
      '<aside id="sidebar" style="position:fixed;top:4em;right:0;width:12em;background:#fff;border:1px solid #ccc;padding:.5em">' +
      'Read more on the China-CELAC Forum</aside>';
    const dir = join(artifactsDir, 'near-pages');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sidebar.html'), renderArticle(longest).replace('</body>', `${aside}</body>`));
    const site = await serve(dir);
    const page = await env.session.context.newPage();
    try {
      await page.goto(`${site.origin}/sidebar.html`);
      await page.bringToFront();
      // At least the article's mentions as the build found them (as in the corpus test above;
      // the page adds its title's), and the sidebar's. (The active tab is not asked: under load it
      // can still be another page.)
      const passages = new Map(bundle.passages.map((p) => [p.id, p]));
      const artefacts = longest.artefacts.map((a) => a.text);
      const found =
        bundle.mentions
          .filter((m) => m.docId === longest.id)
          .map((m) => passages.get(m.passageId)!.text.slice(m.start, m.end))
          .filter((t) => !artefacts.some((a) => t.includes(a))).length + 1;
      const inSidebar = () =>
        page.evaluate(() =>
          [...CSS.highlights.values()].some((h) =>
            [...h].some((r) => (r as Range).startContainer.parentElement?.id === 'sidebar'),
          ),
        );
      const registered = async () => allTexts(await highlighted(page)).length;
      // Printed pages are not the viewport: everything found is registered while printing, so
      // this also waits for the whole page to be scanned.
      const print = (type: string) => page.evaluate((t) => window.dispatchEvent(new Event(t)), type);
      // Puente has started (its listeners are there) once the first screen is marked.
      await settled(page);
      await print('beforeprint');
      let total = 0;
      let stable = 0;
      await until(async () => {
        const n = await registered();
        stable = n === total && n >= found ? stable + 1 : 0;
        total = n;
        return stable >= 3;
      }, `at least ${found} registered while printing`);
      await print('afterprint');
      for (const at of [0, 0.5, 1]) {
        await page.evaluate((f) => window.scrollTo(0, f * (document.body.scrollHeight - innerHeight)), at);
        let last = '';
        await until(async () => {
          const [side, n] = [await inSidebar(), await registered()];
          last = `sidebar ${side}, ${n} of ${total} registered`;
          return side && n < total;
        }, `only what is near, at ${at}`).catch((error: Error) => {
          throw new Error(`${error.message} (${last})`);
        });
        // Once settled, it stays so: the page is quiet.
        await page.waitForTimeout(600);
        assert.ok(await inSidebar(), `the sidebar's mention at ${at}`);
        const n = await registered();
        assert.ok(n > 0 && n < total / 2, `${n} of ${total} registered at ${at}`);
      }
      // Every mention on the page is marked when the reader gets to it.
      assert.equal((await seenWhileScrolling(page)).length, total);
      await screenshot(page, 'highlight-sidebar');
    } finally {
      await page.close();
      site.server.close();
    }
  });

  void it('turns off for one site at once and stays on elsewhere', async () => {
    const port = new URL(env.origin).port;
    const a = await env.session.context.newPage();
    await a.goto(`http://news-a.test:${port}${pages}/en-news.html`);
    const b = await env.session.context.newPage();
    await b.goto(`http://news-b.test:${port}${pages}/en-news.html`);
    await settled(a);
    await settled(b);
    const ext = await env.session.context.newPage();
    await ext.goto(env.session.url('sidepanel.html'));
    await ext.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        disabledSites: ['news-a.test'],
      }),
    );
    await until(async () => allTexts(await highlighted(a)).length === 0, 'site A to be cleared');
    assert.ok(allTexts(await highlighted(b)).length > 0, 'site B keeps its highlights');
    await ext.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        disabledSites: [],
      }),
    );
    await until(async () => allTexts(await highlighted(a)).length > 0, 'site A to be marked again');
    await Promise.all([a.close(), b.close(), ext.close()]);
  });
});
