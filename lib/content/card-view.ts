/**
 * The card's interface: its components (Preact), their styles and its placement next to the
 * mention (@floating-ui/dom). This is more than a third of what the content script would be, and
 * a page needs it only when a card opens, so in Chromium it is a script of its own
 * (entrypoints/card-view.ts) that the background puts into a frame on its first hover, and the
 * content script stays small to parse on every page (see ./card-view-loader.ts). The card host
 * (./card-host.ts) keeps the state and the timing; this module only draws.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h, render, type VNode } from 'preact';
import { Card, type CardProps } from '@/components/page/Card';
import { NoteCard } from '@/components/page/NoteCard';
import pageCss from '@/components/page/page.css?inline';
import type { Note } from '../db/types';
import { I18nContext } from '../i18n/context';
import type { Translator } from '../i18n/translator';

/** What the card host draws with. */
export interface CardView {
  /** The styles of Puente's shadow root (card and toast). */
  css: string;
  /** Draws the card of a mention into the layer. */
  card(layer: HTMLElement, props: CardProps, i18n: Translator): void;
  /** Draws the card of a saved note into the layer. */
  note(layer: HTMLElement, props: { note: Note; onClose: () => void }, i18n: Translator): void;
  /** Empties the layer. */
  clear(layer: HTMLElement): void;
  /**
   * Keeps `card` next to the text of `range` (below it, else above; inside the viewport; never
   * over it) while the page scrolls or resizes, until the returned function is called.
   */
  place(range: Range, card: HTMLElement): () => void;
}

const translated = (i18n: Translator, node: VNode<object>) =>
  h(I18nContext.Provider, { value: i18n }, node) as VNode<object>;

export const cardView: CardView = {
  css: pageCss,
  card: (layer, props, i18n) => render(translated(i18n, h(Card, props) as VNode<object>), layer),
  note: (layer, props, i18n) => render(translated(i18n, h(NoteCard, props) as VNode<object>), layer),
  clear: (layer) => render(null, layer),
  place(range, card) {
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
    };
    const update = () =>
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              card.style.maxHeight = `${Math.max(160, Math.min(560, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y, placement }) => {
        // Above the mention, the card hangs from its bottom edge (top at that edge, moved up by its
        // own height): a card that grows (its data arriving) grows upwards, away from the mention,
        // instead of over it and under the pointer until the next placement.
        const above = placement.startsWith('top');
        Object.assign(card.style, {
          position: 'fixed',
          left: `${x}px`,
          top: `${above ? y + card.offsetHeight : y}px`,
          transform: above ? 'translateY(-100%)' : '',
        });
      });
    return autoUpdate(reference, card, update);
  },
};
