import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// See docs/ARCHITECTURE.md. The compiled corpus and glossary bundle is written by
// scripts/build-bundle.ts into .generated/public and copied into the extension as-is.
export default defineConfig({
  publicDir: '.generated/public',
  // The interface's strings: assets/locales/<locale>.yml, built into _locales by @wxt-dev/i18n.
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: fileURLToPath(new URL('assets/locales', import.meta.url)) },
  manifest: ({ browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // Least privilege: each permission is justified in docs/PERMISSIONS.md.
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      // Chromium: `scripting` puts the content script into tabs open at install or update.
      ...(browser === 'firefox' ? [] : ['sidePanel', 'scripting']),
    ],
    // Chromium: the pages the content script already runs on, so that `scripting` may put it
    // into tabs open at install or update. It adds no install warning (the content script's
    // <all_urls> gives the same one), and the extension pages' policy below forbids them, and
    // the service worker, any network connection, which host permissions would otherwise open
    // to every site (docs/PERMISSIONS.md).
    ...(browser === 'firefox'
      ? {}
      : {
          host_permissions: ['<all_urls>'],
          content_security_policy: {
            extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
          },
        }),
    action: { default_title: '__MSG_extension_name__' },
    // Rebindable by the user at chrome://extensions/shortcuts (or about:addons in Firefox).
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commands_nextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commands_previousMention__',
      },
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commands_saveSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'puente@puente.example',
              // 140 (ESR): the CSS Custom Highlight API and data_collection_permissions.
              strict_min_version: '140.0',
              // Puente collects nothing and sends nothing anywhere.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip`: the store packages, and the sources addons.mozilla.org asks for, which
  // rebuild the extension with `npm ci && npm run build:firefox` (README). WXT already leaves
  // out node_modules, .output, dotfiles (.generated, .wxt) and *.test.* files.
  zip: {
    excludeSources: ['tests/**', 'bench/**', 'docs/screenshots/**', '**/*.log'],
  },
  vite: (env) => ({
    plugins: [preact(), highlightScope(env.browser)],
  }),
});

/**
 * Chromium inherits highlight styles, so its build writes the manifest's ::highlight() rules on
 * :root only; Firefox 140 does not, and keeps a rule for every element. Why: `highlightScope` in
 * lib/content/preferences.ts.
 */
function highlightScope(browser: string): Plugin {
  return {
    name: 'puente-highlight-scope',
    enforce: 'pre',
    transform(code, id) {
      if (browser === 'firefox' || !id.endsWith('/components/page/highlights.css')) return null;
      return code.replace(/^::highlight\(/gm, ':root::highlight(');
    },
  };
}
