/**
 * Puente's one host element on a page: a shadow root (WXT's shadow-root UI) holding the
 * tooltip, mounted on first use and positioned next to the mention with @floating-ui/dom so
 * that it never covers the mention and stays in the viewport.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Tooltip } from '@/components/page/Tooltip';
import pageCss from '@/components/page/page.css?inline';
import type { PageEntry } from '../match/forms';
import type { PageMention } from './mentions';

/** The name of Puente's host element. */
export const HOST_NAME = 'puente-ui';

/** Shows and hides the tooltip. */
export class TooltipHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private cleanup: (() => void) | null = null;
  private shown: PageMention | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  private async mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.mounting ??= createShadowRootUi(this.ctx, {
      name: HOST_NAME,
      position: 'overlay',
      anchor: 'html',
      css: pageCss,
      onMount(container) {
        const layer = document.createElement('div');
        layer.className = 'layer';
        container.append(layer);
        return layer;
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.mounting;
  }

  /** Shows the tooltip for a mention, or hides it for null. */
  async show(mention: PageMention | null, entry: PageEntry | null): Promise<void> {
    this.shown = mention;
    this.cleanup?.();
    this.cleanup = null;
    if (!mention || !entry) {
      if (this.ui?.mounted) render(null, this.ui.mounted);
      return;
    }
    const ui = await this.mount();
    if (this.shown !== mention || !ui.mounted) return;
    const layer = ui.mounted;
    render(h(Tooltip, { entry }), layer);
    const floating = layer.firstElementChild as HTMLElement;
    const reference = {
      getBoundingClientRect: () => mention.range.getBoundingClientRect(),
      getClientRects: () => mention.range.getClientRects(),
    };
    const place = () =>
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        Object.assign(floating.style, { position: 'fixed', left: `${x}px`, top: `${y}px` });
      });
    this.cleanup = autoUpdate(reference, floating, place);
  }

  /** Removes the host element. */
  remove(): void {
    this.cleanup?.();
    this.ui?.remove();
    this.ui = null;
    this.mounting = null;
  }
}
