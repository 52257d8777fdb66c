/**
 * The Firefox harness: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core (never a
 * browser download), the Firefox build installed as a temporary add-on into a fresh profile, and
 * fixtures served on 127.0.0.1 by the Chromium harness's `serve`. Screenshots go to
 * tests/e2e/artifacts/firefox-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { artifactsDir, root, useSession } from '../e2e/harness';

export const firefoxExtensionDir = join(root, '.output/firefox-mv2');
const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's internal UUID, fixed by a pref so that its pages have known addresses. */
const UUID = '5e7d3c1a-9b2f-4c6e-8a41-0d2b7f9e6c35';

/** A running Firefox with Puente installed. */
export interface FirefoxSession {
  browser: Browser;
  /** The add-on id Firefox reports for the installed extension. */
  addonId: string;
  url(path: string): string;
  /** Opens one of Puente's pages in a new tab of this size, loaded. */
  open(path: string, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Sets a tab's viewport. Puppeteer sends WebDriver BiDi's screen-orientation override with the
 * viewport; Firefox before 141 (ESR 140) has no such command and fails the call after the
 * viewport itself is set, so that one failure is let through.
 */
async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (e) {
    if (!String(e).includes('setScreenOrientationOverride')) throw e;
  }
}

/** Launches Firefox ESR headless with the Firefox build of Puente installed. */
export async function launchFirefox(): Promise<FirefoxSession> {
  const manifestPath = join(firefoxExtensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error('The Firefox extension is not built: run `npm run build:firefox` first.');
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  // Puppeteer makes a fresh temporary profile and removes it on close.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with this flag; ESR 140
    // runs with it as well.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
      // Light mode, whatever the machine's theme.
      'layout.css.prefers-color-scheme.content-override': 1,
      'ui.systemUsesDarkTheme': 0,
    },
  });
  try {
    // A temporary add-on (WebDriver BiDi webExtension.install): no signature needed.
    const addonId = await browser.installExtension(firefoxExtensionDir);
    const url = (path: string) => `moz-extension://${UUID}/${path.replace(/^\//, '')}`;
    return {
      browser,
      addonId,
      url,
      async open(path, size = { width: 400, height: 800 }) {
        const page = await browser.newPage();
        await setViewport(page, size);
        await gotoExtensionPage(page, url(path));
        return page;
      },
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * Navigates a tab to an extension page. Puppeteer's `page.goto` never settles for
 * moz-extension:// addresses (it waits for navigation events Firefox does not send for them), so
 * this sends WebDriver BiDi's browsingContext.navigate itself and waits for the load. Puppeteer's
 * `page.url()` keeps saying about:blank afterwards; read `location.href` in the page instead.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  const context = (
    page.mainFrame() as unknown as {
      browsingContext?: { navigate(url: string, wait: 'complete'): Promise<void> };
    }
  ).browsingContext;
  if (!context) throw new Error('puppeteer-core changed: a frame has no browsingContext');
  await context.navigate(url, 'complete');
}

/** Saves a screenshot as tests/e2e/artifacts/firefox-<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `firefox-${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Firefox with Puente and a fixture server, started before a suite's tests and closed after. */
export interface FirefoxEnv {
  session: FirefoxSession;
  origin: string;
}

/** Registers before/after hooks that launch Firefox and serve the project root on 127.0.0.1. */
export function useFirefox(): FirefoxEnv {
  return useSession(launchFirefox);
}
