/**
 * The background's part of the interface: strings for content scripts in the chosen language,
 * the toolbar badge with the number of entries on each tab's page, and the context menu's
 * titles, kept in the interface language as the setting changes.
 */
import { browser } from 'wxt/browser';
import { resolveUiLanguage, type UiLanguage } from '../i18n/languages';
import { loadTranslator } from '../i18n/load';
import type { MessageTable, Translator } from '../i18n/translator';
import { badgeEnabled, uiLanguage } from '../settings';
import { createContextMenus } from './context-menu';

// Only what pages show travels to content scripts; the rest stays with the extension's pages.
const CONTENT_PREFIXES = ['card_', 'common_', 'kind_', 'date_', 'toast_'];

/** The strings content scripts use, in one language. */
export async function contentStrings(lang: UiLanguage): Promise<MessageTable> {
  const { table } = await loadTranslator(lang);
  return Object.fromEntries(
    Object.entries(table).filter(([key]) => CONTENT_PREFIXES.some((p) => key.startsWith(p))),
  );
}

/** The interface language now (the setting, or the browser's). */
export async function currentTranslator(): Promise<Translator> {
  return loadTranslator(resolveUiLanguage(await uiLanguage.getValue(), browser.i18n.getUILanguage()));
}

// Manifest V2 (Firefox) calls the toolbar button browserAction.
const action = () =>
  browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** Shows the number of entries on a tab's page on its toolbar icon (when the badge is on). */
export async function setBadge(tabId: number, entries: number): Promise<void> {
  const on = await badgeEnabled.getValue();
  const text = on && entries > 0 ? (entries > 999 ? '999+' : String(entries)) : '';
  await action()
    .setBadgeText({ tabId, text })
    .catch(() => undefined); // the tab may have closed meanwhile
}

/** Follows the settings: menu titles in the interface language, badges cleared when turned off. */
export function watchInterfaceSettings(): () => void {
  void action().setBadgeBackgroundColor({ color: '#2f6db4' });
  const unwatch = [
    uiLanguage.watch(() => void currentTranslator().then(createContextMenus)),
    badgeEnabled.watch((on) => {
      if (on) return;
      void browser.tabs.query({}).then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) void setBadge(tab.id, 0);
      });
    }),
  ];
  return () => unwatch.forEach((u) => u());
}
