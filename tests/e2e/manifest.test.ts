/**
 * The manifest audit: reads the BUILT manifests (Chromium, and Firefox when it is built: `npm
 * test` builds both before this suite) and the built code, and fails on anything not on the
 * allow-lists below. Each permission must be justified in docs/PERMISSIONS.md.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { extensionDir, root } from './harness';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
};

const firefoxDir = join(root, '.output/firefox-mv2');

/** Top-level keys each build may have; anything else fails the audit. */
const ALLOWED_KEYS = {
  chrome: [
    'manifest_version',
    'host_permissions',
    'name',
    'description',
    'version',
    'permissions',
    'action',
    'commands',
    'background',
    'side_panel',
    'options_ui',
    'content_scripts',
    'icons',
    'default_locale',
    'content_security_policy',
  ],
  firefox: [
    'manifest_version',
    'name',
    'description',
    'version',
    'permissions',
    'browser_action',
    'commands',
    'background',
    'sidebar_action',
    'options_ui',
    'content_scripts',
    'browser_specific_settings',
    'icons',
    'default_locale',
    'content_security_policy',
  ],
};
const PERMISSIONS = {
  chrome: ['contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'],
  firefox: ['contextMenus', 'storage', 'unlimitedStorage'],
};
/**
 * Host permissions: Chromium's build has the content script's own pattern, for `scripting` to
 * put it into tabs open at install or update; Firefox does that itself and has none.
 */
const HOST_PERMISSIONS = { chrome: ['<all_urls>'], firefox: undefined };
/** Keys that would widen what Puente can reach or what can reach it: never allowed. */
const FORBIDDEN_KEYS = [
  'optional_permissions',
  'optional_host_permissions',
  'externally_connectable',
  'web_accessible_resources',
  'update_url',
  'key',
  'oauth2',
  'sandbox',
  'chrome_url_overrides',
  'declarative_net_request',
];
/**
 * Every http(s) address written in the built code, with the reason it is there. None is
 * fetched: they are XML namespaces Preact compares element namespaces with, and links in the
 * error messages of Dexie, WXT and @wxt-dev/storage.
 */
const URL_LITERALS = new Map([
  ['http://www.w3.org/2000/svg', 'Preact: SVG namespace'],
  ['http://www.w3.org/1998/Math/MathML', 'Preact: MathML namespace'],
  ['http://www.w3.org/1999/xhtml', 'Preact: HTML namespace'],
  ['https://tinyurl.com/y2uuvskb', 'Dexie: error message text'],
  ['http://bit.ly/2kdckMn', 'Dexie: error message text'],
  [
    'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow#elements_you_can_attach_a_shadow_to',
    'WXT (shadow-root UI): error message text',
  ],
  ['https://github.com/wxt-dev/wxt/issues/371', '@wxt-dev/storage: error message text'],
  ['https://wxt.dev/guide/go-further/testing.html', '@wxt-dev/storage: error message text'],
  // Built at run time (the variable's name is the minifier's): a site typed in the options is
  // read with `new URL`, never fetched (lib/settings/sites.ts).
  ['https://${…}', 'lib/settings/sites.ts: parses a typed site name'],
]);
/** Ways to run code from a string, or to load it from elsewhere. */
const CODE_FROM_STRINGS: [string, RegExp][] = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(string)', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['remote import', /\bimport\s*\(\s*["'`]https?:/],
  ['remote script tag', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The permissions justified in docs/PERMISSIONS.md: the names in backticks in a table's first column. */
function justified(): Set<string> {
  const doc = readFileSync(join(root, 'docs/PERMISSIONS.md'), 'utf8');
  const names = doc
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  return new Set(names);
}

/**
 * The content security policy: the browser's default (no key), or one at least as strict that
 * allows no eval, no inline script and no script from elsewhere.
 */
function checkCsp(csp: unknown, browser: string): void {
  if (browser === 'chrome') {
    // Host permissions would let the extension's pages and worker reach any site: the policy
    // allows them no connection but to the extension's own files.
    const pages = (csp as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    assert.match(pages, /(?:^|;)\s*connect-src 'self'\s*(?:;|$)/, `${browser}: connect-src 'self'`);
  }
  if (csp === undefined) return;
  const policies = typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
  for (const policy of policies) {
    const scriptSrc = /script-src([^;]*)/.exec(policy)?.[1] ?? '';
    assert.ok(scriptSrc.trim(), `${browser}: a CSP without script-src falls back to weaker rules`);
    for (const source of scriptSrc.trim().split(/\s+/)) {
      assert.ok(
        ["'self'", "'wasm-unsafe-eval'", "'none'"].includes(source),
        `${browser}: script source ${source} is not allowed`,
      );
    }
  }
}

function audit(dir: string, browser: 'chrome' | 'firefox'): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const keys = Object.keys(manifest);
  for (const key of FORBIDDEN_KEYS) assert.ok(!(key in manifest), `${browser}: "${key}" is not allowed`);
  assert.deepEqual(
    keys.filter((k) => !ALLOWED_KEYS[browser].includes(k)),
    [],
    `${browser}: keys not on the allow-list`,
  );
  assert.equal(manifest.manifest_version, browser === 'chrome' ? 3 : 2);
  checkCsp(manifest.content_security_policy, browser);
  assert.deepEqual([...(manifest.permissions ?? [])].sort(), PERMISSIONS[browser]);
  assert.deepEqual(manifest.host_permissions, HOST_PERMISSIONS[browser]);
  for (const h of manifest.host_permissions ?? []) assert.ok(justified().has(h), `"${h}" is not justified`);
  const reasons = justified();
  for (const p of manifest.permissions ?? []) {
    assert.ok(reasons.has(p), `${browser}: permission "${p}" is not justified in docs/PERMISSIONS.md`);
  }
  // One content script, on the pages the user reads; its files are Puente's own.
  assert.equal(manifest.content_scripts?.length, 1);
  for (const script of manifest.content_scripts ?? []) {
    assert.deepEqual(script.matches, ['<all_urls>']);
    for (const m of script.matches) assert.ok(reasons.has(m), `"${m}" is not justified`);
    for (const file of [...(script.js ?? []), ...(script.css ?? [])]) {
      assert.ok(existsSync(join(dir, file)), `${file} is in the build`);
    }
  }
  if (browser === 'firefox') {
    const gecko = (manifest.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    assert.equal(gecko.id, 'puente@puente.example');
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  }
  // No remote code: nothing in the build runs a string as code or loads code from elsewhere,
  // and every address written in it is a known constant that is never fetched.
  const code = files(dir).filter((f) => /\.(?:m?js|html|css)$/.test(f));
  let bytes = 0;
  const urls = new Set<string>();
  for (const file of code) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    for (const [what, pattern] of CODE_FROM_STRINGS) {
      const hit = pattern.exec(text);
      assert.equal(
        hit,
        null,
        `${browser}: ${what} in ${relative(dir, file)}: …${hit ? text.slice(hit.index - 60, hit.index + 60) : ''}…`,
      );
    }
    for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g))
      urls.add(m[0].replace(/\$\{[^}]*\}/g, '${…}'));
  }
  assert.deepEqual(
    [...urls].filter((u) => !URL_LITERALS.has(u)),
    [],
    `${browser}: addresses in the built code that are not on the allow-list`,
  );
  console.log(
    `manifest audit (${browser}): ${keys.length} keys, permissions ${JSON.stringify(manifest.permissions)}, ` +
      `${code.length} code files (${(bytes / 1024).toFixed(0)} KiB) scanned: 0 eval/new Function/remote code, ` +
      `${urls.size} address constants, all allow-listed`,
  );
}

/**
 * The content script's style sheet: Chromium inherits highlight styles, so its rules are on
 * :root only (a rule on every element costs each its own style data); Firefox's are not.
 */
function highlightRules(dir: string, scope: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const css = manifest
    .content_scripts!.flatMap((c) => c.css ?? [])
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const selectors = css
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\{[^}]*\}/g, ',')
    .split(',')
    .map((sel) => sel.trim())
    .filter((sel) => sel.includes('::highlight('));
  assert.equal(selectors.length, 9, JSON.stringify(selectors));
  for (const s of selectors) assert.match(s, new RegExp(`^${scope}::highlight\\(puente-[a-z]+\\)$`));
}

void describe('manifest audit', () => {
  void it('Chromium: only the justified permissions, no connections, no remote code', () => {
    audit(extensionDir, 'chrome');
    highlightRules(extensionDir, ':root');
  });

  void it('Firefox: the same, with the gecko id and no data collection', (t) => {
    if (!existsSync(join(firefoxDir, 'manifest.json'))) {
      t.skip('the Firefox build is missing: run `npm run build:firefox` (npm test builds it)');
      return;
    }
    audit(firefoxDir, 'firefox');
    highlightRules(firefoxDir, '');
  });
});
