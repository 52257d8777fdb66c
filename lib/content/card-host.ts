/**
 * Puente's one host element on a page (WXT's shadow-root UI) and the hover card inside it:
 * when it opens (after the hover delay, never while a button is down or text is selected),
 * where it sits (next to the mention, never over it, inside the viewport, following scroll),
 * when it closes (Escape, a click elsewhere, its mention scrolling away, the pointer leaving
 * both — unless pinned), and what its buttons do. The drawing is the card view's
 * (./card-view.ts), loaded when a mention is first hovered (./card-view-loader.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardProps, NoteState } from '@/components/page/Card';
import type { Lang } from '../bundle/types';
import type { CardData } from '../db/cards';
import type { PageEntry } from '../match/forms';
import { toBackground } from '../messaging/protocol';
import { withRetry } from '../messaging/retry';
import type { Anchor } from './anchors';
import type { Translator } from '../i18n/translator';
import type { CardView } from './card-view';
import { loadCardView } from './card-view-loader';
import { keepOnTop } from './page-guards';
import { contextTimers, type PageTimers } from './timers';
import { rangeOf, type PageMention } from './mentions';
import { contextAround, sentenceAround, type Snippet } from './sentence';

/** The name of Puente's host element. */
export const HOST_NAME = 'puente-ui';

interface Open {
  mention: PageMention;
  /** The mention's text on the page, which the card is placed against while it is open. */
  range: Range;
  entry: PageEntry;
  sentence: Snippet;
  data: CardData | null;
  loading: boolean;
  error: string | null;
  pinned: boolean;
  /**
   * Opened at the reader's request (the side panel, the popup, the keyboard), not by the pointer
   * resting on the mention: the pointer being elsewhere does not close it.
   */
  requested: boolean;
  note: NoteState;
  status: string | null;
}

/** What the card host needs from the page. */
export interface CardHostOptions {
  delay: () => number;
  /** The page's language (for sentences). */
  pageLang: () => Lang;
  /** The language whose name leads in the card. */
  leadLang: () => Lang;
  /** The interface's strings. */
  i18n: () => Translator;
  /** Where the card's interface comes from (by default loaded on first use). */
  loadView?: () => Promise<CardView>;
  /**
   * The mention under the pointer as last hit-tested (the hover tracker's), if any. A card that
   * moves or grows under a resting pointer fires pointerenter and pointerleave on Puente's layer
   * with no pointer move, and the page's hit test is not asked again: while this still names the
   * open card's mention, leaving the card does not close it.
   */
  hovered?: () => PageMention | null;
}

export class CardHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private view: CardView | null = null;
  private mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private open: Open | null = null;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  private showTimer = 0;
  private hideTimer = 0;
  private inside = false;
  private stopPlacing: (() => void) | null = null;
  private toastElement: HTMLElement | null = null;
  private noteOpen: Anchor | null = null;
  private toastTimer = 0;
  private returnFocus: HTMLElement | null = null;
  private readonly timers: PageTimers;
  private warmed = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardHostOptions,
  ) {
    this.timers = contextTimers(ctx);
    ctx.addEventListener(window, 'keydown', (e) => this.onKey(e), { capture: true });
    ctx.addEventListener(window, 'pointerdown', (e) => this.onPointerDown(e), {
      capture: true,
      passive: true,
    });
    ctx.addEventListener(window, 'scroll', () => this.onScroll(), { capture: true, passive: true });
  }

  /** The mention whose card is open. */
  get mention(): PageMention | null {
    return this.open?.mention ?? null;
  }

  /**
   * Hover reports: open after the delay, close shortly after the pointer leaves. `moved` is false
   * when the page moved under a pointer that stayed (a scroll): that leaves a card the reader
   * asked for as it is, whatever is under the pointer now.
   */
  hover(mention: PageMention | null, entry: PageEntry | null, moved = true): void {
    if (!moved && this.open?.requested) return;
    this.timers.clearTimeout(this.showTimer);
    if (mention && entry) {
      // The card's interface loads and its host goes into the page while the hover delay runs
      // (once per frame): in a task of their own, not in the one that shows the first card.
      void this.prepare()
        .then(() => this.warm(mention, entry))
        .catch(() => undefined);
      this.cancelHide();
      if (this.open?.mention === mention) return;
      if (this.open?.pinned) return;
      // Moving straight from one mention to the next swaps the card without a pause.
      const delay = this.open ? 0 : this.options.delay();
      this.showTimer = this.timers.setTimeout(() => void this.show(mention, entry, false, false), delay);
      return;
    }
    this.scheduleHide();
  }

  private cancelHide(): void {
    this.timers.clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }

  /** Hover over a saved quote: shows its note after the delay. */
  hoverNote(anchor: Anchor): void {
    this.timers.clearTimeout(this.showTimer);
    // As for a mention: the interface loads while the delay runs.
    void this.prepare().catch(() => undefined);
    this.cancelHide();
    if (this.noteOpen === anchor || this.open?.pinned) return;
    this.showTimer = this.timers.setTimeout(
      () => void this.showNote(anchor),
      this.open ? 0 : this.options.delay(),
    );
  }

  private async showNote(anchor: Anchor): Promise<void> {
    if (!anchor.range) return;
    this.close();
    this.noteOpen = anchor;
    const ui = await this.mount();
    if (this.noteOpen !== anchor || !ui.mounted || !this.view) return;
    this.view.note(ui.mounted, { note: anchor.note, onClose: () => this.close() }, this.options.i18n());
    this.place(ui, anchor.range);
  }

  /**
   * Opens the card on a mention now; `focus` moves keyboard focus into it. `requested`: the reader
   * asked for it (see `Open.requested`); false when the pointer rests on the mention.
   */
  async show(mention: PageMention, entry: PageEntry, focus = false, requested = true): Promise<void> {
    this.cancelHide();
    if (focus && !this.open) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
    }
    const run = mention.run;
    const sentence = sentenceAround(run.text, mention.start, mention.end);
    const cached = this.cache.has(entry.id);
    this.open = {
      mention,
      range: rangeOf(mention),
      entry,
      sentence,
      data: null,
      loading: false,
      error: null,
      pinned: this.open?.pinned ?? false,
      requested,
      note: 'closed',
      status: null,
    };
    const request = this.data(entry.id);
    const state = this.open;
    // A skeleton shows only if the data takes longer than a frame.
    if (!cached)
      this.timers.requestAnimationFrame(
        () => this.open === state && !state.data && this.patch({ loading: true }),
      );
    const ui = await this.mount();
    if (this.open !== state) return;
    this.render();
    this.place(ui, state.range);
    if (focus) this.cardElement()?.focus();
    try {
      const data = await request;
      if (this.open === state)
        this.patch({ data, loading: false, error: data ? null : this.t('card.notInGlossary') });
    } catch {
      this.cache.delete(entry.id);
      if (this.open === state) this.patch({ loading: false, error: this.t('card.readFailed') });
    }
  }

  /** Renders the open card again (after the interface language changed). */
  refresh(): void {
    this.render();
  }

  private t(key: Parameters<Translator['t']>[0]): string {
    return this.options.i18n().t(key);
  }

  private loadView(): Promise<CardView> {
    return (this.options.loadView ?? loadCardView)();
  }

  /** Closes the card and gives focus back to where it was. */
  close(): void {
    this.timers.clearTimeout(this.showTimer);
    this.cancelHide();
    if (!this.open && !this.noteOpen) return;
    this.open = null;
    this.noteOpen = null;
    this.inside = false;
    this.stopPlacing?.();
    this.stopPlacing = null;
    if (this.ui?.mounted) this.view?.clear(this.ui.mounted);
    this.returnFocus?.focus?.({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Shows a short confirmation at the bottom of the page. */
  async toast(text: string): Promise<void> {
    await this.mount();
    const el = this.toastElement;
    if (!el) return;
    el.textContent = text;
    el.classList.add('show');
    this.timers.clearTimeout(this.toastTimer);
    this.toastTimer = this.timers.setTimeout(() => el.classList.remove('show'), 3000);
  }

  /** Removes the host element. */
  remove(): void {
    this.close();
    this.ui?.remove();
    this.ui = null;
    this.mounting = null;
  }

  private data(id: string): Promise<CardData | null> {
    let p = this.cache.get(id);
    if (!p) {
      // A read is idempotent: an answer lost to a stopped service worker is asked for again.
      p = withRetry(() => toBackground.sendMessage('getCardData', { id }));
      this.cache.set(id, p);
    }
    return p;
  }

  private scheduleHide(): void {
    const keep = () =>
      this.inside ||
      (this.open &&
        (this.open.pinned ||
          this.open.requested ||
          this.open.note !== 'closed' ||
          this.options.hovered?.() === this.open.mention));
    // Already counting down: pointer moves elsewhere must not keep restarting it.
    if ((!this.open && !this.noteOpen) || keep() || this.hideTimer) return;
    this.hideTimer = this.timers.setTimeout(() => {
      this.hideTimer = 0;
      if (!keep()) this.close();
    }, 300);
  }

  /** Loads the card's interface and puts its host into the page, once. */
  private prepare(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    if (!this.mounting) {
      const mounting = this.loadView().then((view) => {
        this.view = view;
        return this.createUi(view.css);
      });
      // A view that failed to load is asked for again next time.
      mounting.catch(() => this.mounting === mounting && (this.mounting = null));
      this.mounting = mounting;
    }
    return this.mounting;
  }

  private async mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    const ui = await this.prepare();
    // A page may remove the host: it is put back when a card is shown, never in answer to the
    // removal itself, so a page that keeps removing it cannot draw Puente into a loop.
    if (!ui.shadowHost.isConnected) {
      ui.remove();
      ui.mount();
    }
    keepOnTop(ui.shadowHost);
    return ui;
  }

  private createUi(css: string): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    return createShadowRootUi(this.ctx, {
      name: HOST_NAME,
      position: 'overlay',
      anchor: 'html',
      css,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => {
        const layer = document.createElement('div');
        layer.className = 'layer';
        layer.addEventListener('pointerenter', () => {
          this.inside = true;
          this.cancelHide();
        });
        layer.addEventListener('pointerleave', () => {
          this.inside = false;
          this.scheduleHide();
        });
        const toast = document.createElement('div');
        toast.className = 'toast';
        toast.setAttribute('role', 'status');
        container.append(layer, toast);
        this.toastElement = toast;
        return layer;
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
  }

  private cardElement(): HTMLElement | null {
    return (this.ui?.mounted?.querySelector('.card') as HTMLElement | null) ?? null;
  }

  private patch(change: Partial<Open>): void {
    if (!this.open) return;
    Object.assign(this.open, change);
    this.render();
  }

  private render(): void {
    const o = this.open;
    const layer = this.ui?.mounted;
    if (!o || !layer || !this.view) return;
    this.view.card(layer, this.props(o), this.options.i18n());
  }

  private props(o: Open): CardProps {
    return {
      entry: o.entry,
      data: o.data,
      loading: o.loading,
      error: o.error,
      sentence: o.sentence,
      pageLang: this.options.leadLang(),
      sentenceLang: this.options.pageLang(),
      uiLang: this.options.i18n().lang,
      pinned: o.pinned,
      note: o.note,
      status: o.status,
      onPin: () => this.patch({ pinned: !o.pinned }),
      onClose: () => this.close(),
      onOpenPanel: () => void this.openPanel(o),
      onCopy: () => void this.copy(o),
      onStartNote: () => this.patch({ note: 'editing', status: null }),
      onCancelNote: () => this.patch({ note: 'closed' }),
      onSaveNote: (text) => void this.saveNote(o, text),
    };
  }

  /**
   * The first card of a frame costs more than any later one: V8 compiles and runs the card's
   * code for the first time, and the page lays out text in faces it has not used yet (the
   * card's own, the Chinese name). In one task that was 50-80 ms. So once per frame, while the
   * hover delay runs, the card of the hovered mention is drawn twice and dropped, each in a task
   * of its own: first into an element outside the document (the code), then hidden in Puente's
   * layer with its layout read (the faces). No request is made, and the page sees nothing: the
   * card is gone again before the task ends.
   */
  private warm(mention: PageMention, entry: PageEntry): void {
    if (this.warmed || this.open) return;
    this.warmed = true;
    const run = mention.run;
    const stand: Open = {
      mention,
      range: document.createRange(),
      entry,
      sentence: sentenceAround(run.text, mention.start, mention.end),
      data: null,
      loading: true,
      error: null,
      pinned: false,
      requested: false,
      note: 'closed',
      status: null,
    };
    const draw = (layer: () => HTMLElement | null | undefined, next?: () => void) =>
      this.timers.setTimeout(() => {
        const view = this.view;
        const into = layer();
        if (this.open || this.noteOpen || !view || !into) return;
        const visibility = into.style.visibility;
        into.style.visibility = 'hidden';
        view.card(into, this.props(stand), this.options.i18n());
        void (into.firstElementChild as HTMLElement | null)?.offsetWidth;
        view.clear(into);
        into.style.visibility = visibility;
        next?.();
      }, 0);
    draw(
      () => document.createElement('div'),
      () => draw(() => this.ui?.mounted),
    );
  }

  private place(ui: ShadowRootContentScriptUi<HTMLElement>, range: Range): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    const card = this.cardElement();
    if (!card || !ui.mounted || !this.view) return;
    this.stopPlacing = this.view.place(range, card);
  }

  private onKey(e: Event): void {
    const key = (e as KeyboardEvent).key;
    if (key === 'Escape' && this.open) {
      e.stopPropagation();
      this.close();
    }
  }

  private onPointerDown(e: Event): void {
    if ((!this.open && !this.noteOpen) || this.open?.pinned) return;
    if (this.ui && e.composedPath().includes(this.ui.shadowHost)) return;
    this.close();
  }

  private onScroll(): void {
    if (!this.open || this.open.pinned) return;
    const r = this.open.range.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight || !this.open.range.startContainer.isConnected)
      this.close();
  }

  private async saveNote(o: Open, text: string): Promise<void> {
    this.patch({ note: 'saving' });
    const { run, start, end } = o.mention;
    const exact = o.sentence.text.replace(/^…|…$/g, '');
    const at = run.text.indexOf(exact);
    const ctx =
      at >= 0 ? contextAround(run.text, at, at + exact.length) : contextAround(run.text, start, end);
    const id = crypto.randomUUID();
    try {
      await withRetry(() =>
        toBackground.sendMessage('saveNote', {
          id,
          quote: { exact, prefix: ctx.prefix, suffix: ctx.suffix },
          url: location.href,
          title: document.title.slice(0, 500) || null,
          termId: o.entry.id,
          text: text.slice(0, 10_000),
          tags: [],
        }),
      );
      this.cache.delete(o.entry.id);
      const data = await this.data(o.entry.id).catch(() => o.data);
      if (this.open === o) this.patch({ note: 'saved', status: this.t('card.noteSaved'), data });
    } catch {
      if (this.open === o) this.patch({ note: 'editing', status: this.t('card.noteFailed') });
    }
  }

  private async openPanel(o: Open): Promise<void> {
    const opened = await toBackground
      .sendMessage('openSidePanel', { route: `#/entry/${o.entry.id}` })
      .catch(() => false);
    if (!opened && this.open === o) this.patch({ status: this.t('card.openFromToolbar') });
  }

  private async copy(o: Open): Promise<void> {
    const d = o.data?.term;
    const first = o.data?.excerpts[0]?.doc;
    const { t } = this.options.i18n();
    const source = first
      ? [first.title, first.author, first.date?.slice(0, 10)].filter(Boolean).join(', ')
      : null;
    const lines = [
      `${o.entry.en} — ${o.entry.zh} (${o.entry.pinyin}) — ${o.entry.es}`,
      d ? d.definition.en : '',
      d ? d.definition.zh : '',
      source ? t('card.copySource', { source }) : '',
      t('card.copyCitation', { url: location.href }),
    ].filter(Boolean);
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      this.patch({ status: t('card.copied') });
    } catch {
      this.patch({ status: t('card.copyRefused') });
    }
  }
}
