/**
 * Guards against pages that fight Puente: a forged "newer script started" event that would
 * switch it off, and style rules or removals aimed at its host element.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's context stops itself when a newer copy of the script (after an update) dispatches a
 * CustomEvent named `<extension id>:content:wxt:content-script-started` on `document`. Any page
 * can dispatch that event too (a published extension's id is public), which would switch Puente
 * off. While this copy is alive (`runtime.id` is defined; it is gone once the extension was
 * reloaded or updated) no newer copy can exist, so the event is stopped at the window, before it
 * reaches WXT's listener on `document`.
 */
export function refuseForgedScriptStarts(signal: AbortSignal): void {
  // Private in WXT's types, but the name WXT itself listens for.
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  window.addEventListener(
    name,
    (event) => {
      if (browser.runtime?.id != null) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}

/** Inline `!important` declarations win over every page rule, even `!important` ones (CSS Cascade 4, §6.4). */
const HOST_STYLE: [string, string][] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['pointer-events', 'auto'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['contain', 'none'],
  ['position', 'fixed'],
  ['inset', '0 auto auto 0'], // i18n-ignore: a CSS value
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['z-index', '2147483647'],
];

/**
 * Keeps the host element visible over the page: styles the page cannot override and, where the
 * Popover API exists, the top layer, above any z-index the page uses.
 */
export function keepOnTop(host: HTMLElement): void {
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Not shown in the top layer (a page's modal dialog is open): the z-index still applies.
  }
}
