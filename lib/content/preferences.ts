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

export class ContentPreferences {
  /** Strings in the interface language; keys show until they arrive. */
  i18n: Translator = createTranslator('en', {});
  lead: LeadLanguage = 'page';
  kinds: ReadonlySet<TermKind> = new Set();
  delay = 250;
  /** The user's highlight style, adopted by the document and by shadow roots. */
  readonly sheet = new CSSStyleSheet();

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

  /** Adds the style sheet to a document or shadow root, once. */
  adoptInto(root: Document | ShadowRoot): void {
    if (!root.adoptedStyleSheets.includes(this.sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }

  private async restyle(): Promise<void> {
    const [style, colours] = await Promise.all([highlightStyle.getValue(), kindColours.getValue()]);
    this.sheet.replaceSync(appearanceCss(style, colours));
  }

  private async loadStrings(): Promise<void> {
    const lang = resolveUiLanguage(await uiLanguage.getValue(), browser.i18n.getUILanguage());
    const table = await toBackground.sendMessage('getUiStrings', { lang }).catch(() => null);
    if (!table) return;
    this.i18n = createTranslator(lang, table);
    this.on.strings();
  }
}
