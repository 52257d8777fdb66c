/**
 * The settings a page needs, read once and followed while it is open: the interface language
 * (its strings come from the background), which name leads in the card, which kinds are
 * marked, how marks look, and the hover delay. Marks are restyled with one adopted style sheet
 * (the page's DOM is not touched).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermKind } from '../bundle/types';
import { resolveUiLanguage } from '../i18n/languages';
import { createTranslator, type Translator } from '../i18n/translator';
import { toBackground } from '../messaging/protocol';
import { withRetry } from '../messaging/retry';
import { runTeardown } from './teardown';
import {
  appearanceCss,
  highlightStyle,
  hoverDelay,
  kindColours,
  leadLanguage,
  markedKinds,
  uiLanguage,
  type LeadLanguage,
} from '../settings';

/**
 * Where a document's ::highlight() rules go. Chromium inherits highlight styles (an element's
 * ::highlight() from its parent's), so there they are written once, on :root: a rule that
 * matched every element gave each its own highlight style data, 2.4 MB of the renderer's memory
 * per 10,000 paragraphs, traced at every garbage collection, and made a full restyle 2.6× as
 * long (docs/PERFORMANCE.md). Firefox 140 does not inherit them: there every element needs the
 * rule. The manifest's highlights.css is rewritten the same way for Chromium (wxt.config.ts).
 * Shadow roots always get rules for every element (`:root` matches nothing inside them).
 */
export const highlightScope = import.meta.env.FIREFOX ? '' : ':root'; // i18n-ignore: a selector

/** The style sheet of the default settings: what the manifest's highlights.css says. */
const DEFAULT_CSS = appearanceCss(highlightStyle.fallback, {}, highlightScope);

export class ContentPreferences {
  /** Strings in the interface language; keys show until they arrive. */
  i18n: Translator = createTranslator('en', {});
  lead: LeadLanguage = 'page';
  kinds: ReadonlySet<TermKind> = new Set();
  delay = 250;
  /** The user's highlight style for shadow roots (rules for every element). */
  readonly sheet = new CSSStyleSheet();
  /** The same for the document (scoped: `highlightScope`), adopted once it differs from the defaults. */
  readonly documentSheet = new CSSStyleSheet();
  private css = '';
  private document: Document | null = null;

  constructor(
    ctx: ContentScriptContext,
    private readonly on: { kinds: () => void; strings: () => void },
  ) {
    const unwatch = [
      uiLanguage.watch(() => void this.loadStrings()),
      leadLanguage.watch((v) => (this.lead = v)),
      hoverDelay.watch((v) => (this.delay = v)),
      markedKinds.watch((v) => {
        this.kinds = new Set(v);
        this.on.kinds();
      }),
      highlightStyle.watch(() => void this.restyle()),
      kindColours.watch(() => void this.restyle()),
    ];
    ctx.onInvalidated(() => runTeardown(unwatch));
  }

  /** Reads every setting; resolves when the page can start. */
  async load(): Promise<void> {
    const [lead, delay, kinds] = await Promise.all([
      leadLanguage.getValue(),
      hoverDelay.getValue(),
      markedKinds.getValue(),
      this.restyle(),
    ]);
    this.lead = lead;
    this.delay = delay;
    this.kinds = new Set(kinds);
    void this.loadStrings();
  }

  /**
   * Adds the style sheet to a shadow root, once; a document gets it only when the user's style
   * differs from the defaults, which the manifest's style sheet already gives every page before
   * it is parsed. A style sheet with ::highlight() rules added to a loaded page makes Chromium
   * restyle every element: 290 ms on a page of a million text nodes.
   */
  adoptInto(root: Document | ShadowRoot): void {
    let sheet = this.sheet;
    if (root.nodeType === Node.DOCUMENT_NODE) {
      this.document = root as Document;
      if (this.css === '' || this.css === DEFAULT_CSS) return;
      sheet = this.documentSheet;
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  private async restyle(): Promise<void> {
    const [style, colours] = await Promise.all([highlightStyle.getValue(), kindColours.getValue()]);
    this.css = appearanceCss(style, colours, highlightScope);
    this.documentSheet.replaceSync(this.css);
    this.sheet.replaceSync(appearanceCss(style, colours));
    if (this.document) this.adoptInto(this.document);
  }

  private async loadStrings(): Promise<void> {
    const lang = resolveUiLanguage(await uiLanguage.getValue(), browser.i18n.getUILanguage());
    const table = await withRetry(() => toBackground.sendMessage('getUiStrings', { lang })).catch(() => null);
    if (!table) return;
    this.i18n = createTranslator(lang, table);
    this.on.strings();
  }
}
