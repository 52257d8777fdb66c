/**
 * The content script's wiring: starts and stops the highlighter as settings change, shows the
 * tooltip on hover, and answers Puente's pages about this page. Every listener and timer goes
 * through the content-script context, so an extension update leaves nothing behind.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageMatcherData } from '../match/forms';
import { listenToMessages } from '../messaging/listen';
import { dispatchToContent, type PageReport } from '../messaging/to-content';
import { disabledSites, highlightingEnabled, isActiveOn } from '../settings';
import highlightCss from '@/components/page/highlights.css?inline';
import { PageHighlighter } from './highlighter';
import { HoverTracker } from './hover';
import { HOST_NAME, TooltipHost } from './tooltip-host';

/** Runs Puente on this page until the context is invalidated. */
export function runPuente(ctx: ContentScriptContext, data: PageMatcherData): void {
  let highlighter: PageHighlighter | null = null;
  const tooltip = new TooltipHost(ctx);
  const exclude = (el: Element) => el.localName === HOST_NAME;
  // Styles from the manifest do not reach into shadow trees: adopt them there (no element added).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss);
  const onShadowRoot = (root: ShadowRoot) => {
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };

  const start = () => {
    highlighter = new PageHighlighter(window, data, ctx, { exclude, onShadowRoot });
    highlighter.start();
  };
  const stop = () => {
    highlighter?.stop();
    highlighter = null;
    void tooltip.show(null, null);
  };
  const apply = async () => {
    const on = ctx.isValid && (await isActiveOn(location.href));
    if (on && !highlighter) start();
    else if (!on && highlighter) stop();
  };
  void apply();
  const unwatch = [highlightingEnabled.watch(() => void apply()), disabledSites.watch(() => void apply())];

  new HoverTracker(
    window,
    ctx,
    (x, y) => highlighter?.hitTest(x, y) ?? null,
    (m) => void tooltip.show(m, m && highlighter ? highlighter.entryOf(m) : null),
  );

  // "Next mention of this entry", cycling, for the side panel's list of this page's entries.
  const lastShown = new Map<string, number>();
  const showMention = ({ id }: { id: string }) => {
    if (!highlighter) return Promise.resolve(null);
    const list = highlighter.orderedMentions().filter((m) => highlighter!.entryOf(m).id === id);
    if (list.length === 0) return Promise.resolve(null);
    const index = ((lastShown.get(id) ?? -1) + 1) % list.length;
    lastShown.set(id, index);
    const mention = list[index]!;
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    void tooltip.show(mention, highlighter.entryOf(mention));
    return Promise.resolve({ index, total: list.length });
  };

  const stopListening = listenToMessages((type, payload, sender) =>
    dispatchToContent(
      {
        getPageTerms: () => Promise.resolve(report(highlighter)),
        showMention,
      },
      browser.runtime.id,
      type,
      payload,
      sender,
    ),
  );

  ctx.onInvalidated(() => {
    stop();
    tooltip.remove();
    stopListening();
    for (const u of unwatch) u();
  });
}

function report(highlighter: PageHighlighter | null): PageReport {
  return {
    url: location.href,
    active: highlighter !== null,
    scanning: highlighter?.busy ?? false,
    terms: highlighter?.pageTerms() ?? [],
    mentions: highlighter?.index.size ?? 0,
  };
}
