/**
 * The context menu on selected text: "Save note with Puente" (the content script of the frame
 * captures the quote and saves it) and "Look up in Puente" (opens the side panel on the entry
 * the selection names, or on the glossary).
 */
import { browser, type Browser } from 'wxt/browser';
import type { Automaton } from '../match/automaton';
import type { PageMatcherData } from '../match/forms';
import { toContent } from '../messaging/to-content-client';
import { panelRoute } from '../panel-route';
import { openSidePanel } from '../ui/open-pages';
import type { Translator } from '../i18n/translator';

export const SAVE_NOTE = 'puente-save-note';
export const LOOK_UP = 'puente-look-up';

/** Creates the menu items (on install and update, and when the interface language changes). */
export function createContextMenus({ t }: Pick<Translator, 't'>): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: SAVE_NOTE, title: t('menu.saveNote'), contexts: ['selection'] });
    // Chromium puts the selected text where the title says %s.
    browser.contextMenus.create({
      id: LOOK_UP,
      title: t('menu.lookUp', { selection: '%s' }),
      contexts: ['selection'],
    });
  });
}

/** The route for a selection: the entry it names, or the glossary. */
export function lookUpRoute(selection: string, automaton: Automaton, data: PageMatcherData): string {
  const first = automaton.match(selection.slice(0, 500))[0];
  return first ? `#/entry/${data.entries[first.entry]!.id}` : '#/glossary';
}

/**
 * Asks the frame's content script to save its selection as a note; without a frame (the
 * keyboard command), every frame is asked and the one holding the keyboard's focus acts.
 */
export async function saveSelectionIn(tabId: number, frameId?: number): Promise<void> {
  await (
    frameId !== undefined
      ? toContent.sendMessage('saveSelection', null, { tabId, frameId })
      : toContent.sendMessage('saveSelection', { focused: true }, tabId)
  ).catch(() => undefined);
}

/** Handles a click on one of Puente's menu items. */
export async function onMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  matcher: () => Promise<{ automaton: Automaton; data: PageMatcherData }>,
): Promise<void> {
  if (tab?.id === undefined) return;
  if (info.menuItemId === SAVE_NOTE) return saveSelectionIn(tab.id, info.frameId);
  if (info.menuItemId === LOOK_UP) {
    // Open first: browsers allow it only while the click's user action is still alive.
    const opening = openSidePanel({ tabId: tab.id });
    const { automaton, data } = await matcher();
    await panelRoute.setValue(lookUpRoute(info.selectionText ?? '', automaton, data));
    await opening;
  }
}
