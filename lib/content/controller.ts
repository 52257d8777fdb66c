/**
 * The content script's wiring: starts and stops the highlighter as settings change, opens the
 * card on hover or from the keyboard, and answers Puente's pages about this page. Every
 * listener and timer goes through the content-script context, so an extension update leaves
 * nothing behind.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '../bundle/types';
import type { Automaton } from '../match/automaton';
import { buildPageMatcherInSteps, type PageMatcherData } from '../match/forms';
import { listenToMessages } from '../messaging/listen';
import { dispatchToContent, type PageReport } from '../messaging/to-content';
import { badgeEnabled, isActiveOn, SITE_ITEMS } from '../settings';
import { pageLanguage } from '../text/language';
import { CardHost, HOST_NAME } from './card-host';
import { PageHighlighter } from './highlighter';
import { runInSlices } from './scheduler';
import { contextTimers } from './timers';
import { HoverTracker } from './hover';
import { rangeOf, startNodeOf, type PageMention } from './mentions';
import { selectionQuote } from './selection';
import { anchorNotes, type Anchor } from './anchors';
import { withRetry } from '../messaging/retry';
import { toBackground } from '../messaging/protocol';
import { ContentPreferences } from './preferences';
import { frameHasText } from './frame';
import { runTeardown } from './teardown';

const HOST_TAG = HOST_NAME.toUpperCase();

/** Runs Puente on this page until the context is invalidated. */
export function runPuente(ctx: ContentScriptContext): void {
  const timers = contextTimers(ctx);
  let highlighter: PageHighlighter | null = null;
  const prefs = new ContentPreferences(ctx, {
    // A change of kinds changes what is matched: start again with the new set of entries.
    kinds: () => {
      if (highlighter || building) void apply(true);
    },
    strings: () => card.refresh(),
  });
  let lang: Lang | null = null;
  const pageLang = () =>
    (lang ??= pageLanguage(document.documentElement.lang, document.body?.textContent?.slice(0, 4000) ?? ''));
  const card = new CardHost(ctx, {
    delay: () => prefs.delay,
    pageLang,
    leadLang: () => (prefs.lead === 'page' ? pageLang() : prefs.lead),
    i18n: () => prefs.i18n,
    hovered: () => tracker.mention,
  });
  // Puente's host by the tag name the walk has read: upper case in HTML documents, as created
  // in XHTML ones.
  const exclude = (el: Element, tagName = el.tagName) => tagName === HOST_TAG || tagName === HOST_NAME;
  // Styles from the manifest do not reach into shadow trees: the user's sheet, which states
  // every kind (and the notes' mark), is adopted there (no element added).
  const onShadowRoot = (root: ShadowRoot) => prefs.adoptInto(root);

  // The toolbar badge: how many entries this page has, sent when it settles. Only the top
  // frame reports (the background ignores the others): frames such as ads send nothing.
  let reportTimer = 0;
  const topFrame = window === window.top;
  const reportBadge = () => {
    if (!topFrame) return;
    timers.clearTimeout(reportTimer);
    reportTimer = timers.setTimeout(() => {
      const entries = highlighter?.entryCount() ?? 0;
      void toBackground
        .sendMessage('reportPage', { entries, mentions: highlighter?.index.size ?? 0 })
        .catch(() => undefined);
    }, 400);
  };

  // The user's notes on this page, found again and marked with a highlight of their own.
  let anchors: Anchor[] = [];
  const noteHighlight = typeof Highlight === 'function' ? new Highlight() : null;
  const anchorPageNotes = async () => {
    const notes = await withRetry(() => toBackground.sendMessage('getPageNotes', null)).catch(() => []);
    if (!highlighter || notes.length === 0) return;
    anchors = anchorNotes(document.body, notes, { exclude });
    noteHighlight?.clear();
    for (const a of anchors) if (a.range) noteHighlight?.add(a.range);
    if (noteHighlight) CSS.highlights.set('puente-note', noteHighlight);
  };

  // A frame inside a page with nothing to mark yet (lib/content/frame.ts) starts once it has:
  // it watches its document and its size until then.
  let waiting: (() => void) | null = null;
  const stopWaiting = () => {
    waiting?.();
    waiting = null;
  };
  const waitForText = () => {
    if (waiting) return;
    let timer = 0;
    const check = () => {
      timer = 0;
      if (!waiting || !frameHasText(window, { exclude })) return;
      stopWaiting();
      void apply();
    };
    const soon = () => {
      if (waiting && !timer) timer = timers.setTimeout(check, 250);
    };
    const observer = new MutationObserver(soon);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    ctx.addEventListener(window, 'resize', soon);
    waiting = () => {
      observer.disconnect();
      timers.clearTimeout(timer);
    };
  };

  // The automaton for the marked kinds, built in idle slices (the whole build would be one long
  // task) and kept for the next start with the same kinds.
  let built: { key: string; automaton: Automaton } | null = null;
  let building = false;
  // The matcher data comes from the background so that this script stays small on every page.
  // The top frame asks at once, beside reading the settings; a frame inside the page only when it
  // is first marked, so that frames with nothing to mark (advertisements) never ask. Retried: the
  // worker may be stopped while it answers (MV3); a request that failed even so is made again by
  // the next start.
  let asked: Promise<PageMatcherData> | null = null;
  const ask = () => {
    const request = (asked ??= withRetry(() => toBackground.sendMessage('getPageMatcher', null)));
    request.catch(() => asked === request && (asked = null));
    return request;
  };
  if (topFrame) void ask().catch(() => undefined);
  const start = async () => {
    if (!frameHasText(window, { exclude })) return waitForText();
    building = true;
    let page: { data: PageMatcherData; automaton: Automaton };
    try {
      const data = await ask();
      const entries = data.entries.filter((e) => prefs.kinds.has(e.kind));
      const key = entries.map((e) => e.id).join('\n');
      if (built?.key !== key) {
        built = { key, automaton: await runInSlices(buildPageMatcherInSteps(entries), timers) };
      }
      page = { data: { ...data, entries }, automaton: built.automaton };
    } finally {
      building = false;
    }
    if (!ctx.isValid) return;
    highlighter = new PageHighlighter(window, page.data, timers, { exclude, onShadowRoot }, page.automaton);
    highlighter.onChange = reportBadge;
    highlighter.start();
    reportBadge();
    timers.setTimeout(() => void anchorPageNotes(), 300);
  };
  const stop = () => {
    stopWaiting();
    highlighter?.stop();
    highlighter = null;
    anchors = [];
    CSS.highlights?.delete('puente-note');
    card.close();
    reportBadge();
  };
  // One change of settings at a time: a start waits for its automaton. `restart` starts again
  // with the kinds now marked. A start that failed (the matcher data could not be had, even
  // after retries) leaves the page unmarked until the next change, which tries again: the chain
  // goes on.
  let applying = Promise.resolve();
  const apply = (restart = false) =>
    (applying = applying
      .then(async () => {
        if (restart && highlighter) stop();
        const on = ctx.isValid && (await isActiveOn(location.href));
        if (on && !highlighter) await start();
        else if (!on && (highlighter || waiting)) stop();
      })
      .catch(() => undefined));
  prefs.adoptInto(document);
  void prefs.load().then(() => apply());
  const unwatch = [
    ...SITE_ITEMS.map((item) => item.watch(() => void apply())),
    badgeEnabled.watch(() => reportBadge()),
  ];

  const tracker = new HoverTracker(
    window,
    {
      requestAnimationFrame: (fn) => timers.requestAnimationFrame(fn),
      addEventListener: (target, type, handler, options) =>
        ctx.addEventListener(target, type, handler, options),
    },
    // After an update or reload this copy is orphaned: reading `isValid` notices (the runtime's
    // id is gone) and invalidates the context, which stops and erases everything. Checked on
    // pointer moves, so that a quiet page costs nothing.
    (x, y) => (ctx.isValid ? (highlighter?.hitTest(x, y) ?? null) : null),
    (m, x, y, moved) => {
      if (m || anchors.length === 0)
        return card.hover(m, m && highlighter ? highlighter.entryOf(m) : null, moved);
      const anchor = noteAt(anchors, x, y);
      if (anchor) card.hoverNote(anchor);
      else card.hover(null, null, moved);
    },
  );

  const reveal = (m: PageMention, focus: boolean) => {
    startNodeOf(m).parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    void card.show(m, highlighter!.entryOf(m), focus);
  };

  // "Next mention of this entry", cycling, for the side panel's list of this page's entries.
  const lastShown = new Map<string, number>();
  const showMention = ({ id }: { id: string }) => {
    if (!highlighter) return Promise.resolve(null);
    const list = highlighter.orderedMentions().filter((m) => highlighter!.entryOf(m).id === id);
    if (list.length === 0) return Promise.resolve(null);
    const index = ((lastShown.get(id) ?? -1) + 1) % list.length;
    lastShown.set(id, index);
    reveal(list[index]!, false);
    return Promise.resolve({ index, total: list.length });
  };

  // The keyboard commands: next or previous mention from the open card, or from the viewport.
  // Every frame of the tab hears them; the one holding the keyboard's focus acts. A frame inside
  // the page with nothing to step through (an advertisement the reader clicked into) hands them
  // to the top frame, which then acts whatever holds the focus.
  const stepMention = async ({ direction, inTop }: { direction: 'next' | 'previous'; inTop?: true }) => {
    if (!inTop && !holdsFocus() && !focusInFrameWithoutPuente()) return null;
    const list = highlighter?.orderedMentions() ?? [];
    if (list.length === 0) {
      if (inTop || topFrame) return null;
      return toBackground.sendMessage('stepMentionInTop', { direction }).catch(() => null);
    }
    const current = card.mention ? list.indexOf(card.mention) : -1;
    let index: number;
    if (current >= 0) index = (current + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    else {
      const below = list.findIndex((m) => rangeOf(m).getBoundingClientRect().top >= 0);
      index = direction === 'next' ? Math.max(0, below) : (below <= 0 ? list.length : below) - 1;
    }
    reveal(list[index]!, true);
    return { index, total: list.length };
  };

  // "Save note with Puente" (context menu) and its keyboard command: the selection becomes a note.
  const saveSelection = async (data: null | { focused: true }) => {
    if (data?.focused && !holdsFocus()) return null;
    const quote = selectionQuote(window);
    if (!quote) {
      void card.toast(prefs.i18n.t('toast.selectFirst'));
      return { saved: false, termId: null };
    }
    const match = highlighter ? buildEntryFinder(highlighter)(quote.exact) : null;
    const id = crypto.randomUUID();
    try {
      await withRetry(() =>
        toBackground.sendMessage('saveNote', {
          id,
          quote,
          url: location.href,
          title: document.title.slice(0, 500) || null,
          termId: match,
          text: '',
          tags: [],
        }),
      );
      void card.toast(prefs.i18n.t('toast.noteSaved'));
      return { saved: true, termId: match };
    } catch {
      void card.toast(prefs.i18n.t('toast.saveFailed'));
      return { saved: false, termId: null };
    }
  };

  const stopListening = listenToMessages((type, payload, sender) =>
    dispatchToContent(
      {
        getPageTerms: () => Promise.resolve(report(highlighter, anchors, building)),
        showMention,
        stepMention,
        saveSelection,
      },
      { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin },
      type,
      payload,
      sender,
    ),
  );

  ctx.onInvalidated(() => runTeardown([stop, () => card.remove(), stopListening, ...unwatch]));
}

/**
 * Whether the keyboard's focus is in this frame's own document: a document whose focused
 * element is a frame has passed the focus on to that frame's document.
 */
function holdsFocus(): boolean {
  const tag = document.activeElement?.tagName.toUpperCase();
  return document.hasFocus() && tag !== 'IFRAME' && tag !== 'FRAME';
}

/**
 * Whether the keyboard's focus is in a frame of this document that Puente does not run in: the
 * content script does not match about:blank and srcdoc frames (an advertisement written into
 * one, say), so this document acts for them. Such frames are same-origin, so their documents
 * can be asked; a cross-origin frame has a copy of its own. Asked of each frame's document
 * rather than read from `activeElement`, which in Chromium can still name the frame focused
 * before when the focus moves from one frame into another.
 */
function focusInFrameWithoutPuente(): boolean {
  if (!document.hasFocus()) return false;
  // i18n-ignore: a selector
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
    const doc = frame.contentDocument;
    if (doc && (doc.URL === 'about:blank' || doc.URL === 'about:srcdoc') && doc.hasFocus()) return true;
  }
  return false;
}

/** The entry named first in a piece of text, with the page's own automaton. */
function buildEntryFinder(highlighter: PageHighlighter): (text: string) => string | null {
  return (text) => {
    const first = highlighter.matchText(text)[0];
    return first ? highlighter.data.entries[first.entry]!.id : null;
  };
}

/** The saved quote under a viewport point, if any. */
function noteAt(anchors: readonly Anchor[], x: number, y: number): Anchor | null {
  for (const a of anchors) {
    if (!a.range) continue;
    for (const r of a.range.getClientRects()) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return a;
    }
  }
  return null;
}

function report(
  highlighter: PageHighlighter | null,
  anchors: readonly Anchor[],
  building: boolean,
): PageReport {
  const brief = (a: Anchor) => ({ id: a.note.id, exact: a.note.quote?.exact ?? '', text: a.note.text });
  return {
    notes: {
      found: anchors.filter((a) => a.range).map(brief),
      missing: anchors.filter((a) => !a.range && a.note.quote).map(brief),
    },
    url: location.href,
    active: highlighter !== null || building,
    scanning: building || (highlighter?.busy ?? false),
    terms: highlighter?.pageTerms() ?? [],
    mentions: highlighter?.index.size ?? 0,
  };
}
