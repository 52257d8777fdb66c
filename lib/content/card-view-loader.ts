/**
 * Loads the card's interface (./card-view.ts) the first time a page needs it.
 *
 * Chromium: the background injects entrypoints/card-view.ts into the asking frame with
 * `scripting.executeScript` (the permission and host access the content script's injection into
 * open tabs already has), which runs it in the content scripts' isolated world, where it leaves
 * itself under CARD_VIEW. No web-accessible resource is needed, so pages cannot fetch the file
 * to learn that Puente is installed. Firefox (no `scripting` permission there): the view is
 * bundled into the content script.
 */
import { toBackground } from '../messaging/protocol';
import { withRetry } from '../messaging/retry';
import type { CardView } from './card-view';
import { CARD_VIEW } from './live-copy';

let loading: Promise<CardView> | null = null;

/** The card's interface, loaded once per frame; a failed load is tried again on the next call. */
export function loadCardView(): Promise<CardView> {
  return (loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  }));
}

async function load(): Promise<CardView> {
  if (import.meta.env.FIREFOX) return (await import('./card-view')).cardView;
  const world = globalThis as { [CARD_VIEW]?: CardView };
  // Taken once by the copy that asked: a copy from an earlier version left in this world (after
  // an update) never gets a view that is not its own.
  delete world[CARD_VIEW];
  await withRetry(() => toBackground.sendMessage('loadCardView', null));
  const view = world[CARD_VIEW];
  delete world[CARD_VIEW];
  // i18n-ignore: for developers, in the console.
  if (!view) throw new Error('Puente: the card view did not load');
  return view;
}
