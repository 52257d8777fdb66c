import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See docs/ARCHITECTURE.md. The compiled corpus and glossary bundle is written by
// scripts/build-bundle.ts into .generated/public and copied into the extension as-is.
export default defineConfig({
  publicDir: '.generated/public',
  manifest: ({ browser }) => ({
    name: 'Puente',
    description:
      'A reading companion for news on China–Latin America relations: highlights and explains the terms of the China–CELAC Forum in English, Chinese and Spanish.',
    // Least privilege: each permission is justified in docs/PERMISSIONS.md.
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    action: { default_title: 'Puente' },
    // Rebindable by the user at chrome://extensions/shortcuts (or about:addons in Firefox).
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next highlighted term and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous highlighted term and open its card',
      },
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text as a note',
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
  vite: () => ({
    plugins: [preact()],
  }),
});
