/**
 * How mentions look and which are marked: a style (underline, background, both or none), a
 * colour per kind, the kinds to mark, and the hover delay. The content script turns these into
 * one adopted style sheet (no element is added to the page).
 */
import { storage } from '@wxt-dev/storage';
import { TERM_KINDS, type TermKind } from '../bundle/types';

export type HighlightStyle = 'both' | 'underline' | 'background' | 'none';

export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['both', 'underline', 'background', 'none'];

export const highlightStyle = storage.defineItem<HighlightStyle>('local:highlightStyle', {
  fallback: 'both',
  version: 1,
});

/** The default colour of each kind (the same as the manifest's style sheet). */
export const DEFAULT_COLOURS: Readonly<Record<TermKind, string>> = {
  organization: '#2f6db4',
  mechanism: '#b4372f',
  initiative: '#2e8b57',
  document: '#a06e00',
  event: '#7b3fb4',
  person: '#b43f8a',
  place: '#0f7f86',
  concept: '#5d6270',
};

/** Colours the user chose, by kind; kinds not listed keep their default. */
export const kindColours = storage.defineItem<Partial<Record<TermKind, string>>>('local:kindColours', {
  fallback: {},
  version: 1,
});

/** The kinds Puente marks on pages. */
export const markedKinds = storage.defineItem<TermKind[]>('local:markedKinds', {
  fallback: [...TERM_KINDS],
  version: 1,
});

/** Delay before the card opens on hover, in milliseconds. */
export const hoverDelay = storage.defineItem<number>('local:hoverDelay', { fallback: 250, version: 1 });

export const HOVER_DELAY_RANGE = { min: 0, max: 1500, step: 50 } as const;

/** A colour setting that is a valid #rrggbb value, else the kind's default. */
export function colourOf(kind: TermKind, colours: Partial<Record<TermKind, string>>): string {
  const c = colours[kind];
  return c && /^#[0-9a-f]{6}$/i.test(c) ? c.toLowerCase() : DEFAULT_COLOURS[kind];
}

/**
 * The style sheet for a style and colours: ::highlight() rules and the fallback's marks. `scope`
 * is put before each ::highlight() (see `highlightScope` in lib/content/preferences.ts).
 */
export function appearanceCss(
  style: HighlightStyle,
  colours: Partial<Record<TermKind, string>>,
  scope = '',
): string {
  const rules: string[] = [];
  for (const kind of TERM_KINDS) {
    const c = colourOf(kind, colours);
    const background = style === 'both' || style === 'background' ? `${c}29` : 'transparent';
    const line = style === 'both' || style === 'underline' ? `underline 2px ${c}cc` : 'none';
    // !important: these come after the manifest's defaults and must win over them.
    const body = `background-color: ${background} !important; text-decoration: ${line} !important;`;
    rules.push(
      `${scope}::highlight(puente-${kind}) { ${body} }`,
      `mark[data-puente-mark='${kind}'] { ${body} }`,
    );
  }
  // The user's notes found again on the page (as in the manifest's highlights.css), for shadow
  // trees, which the manifest's style sheet does not reach.
  rules.push(
    `${scope}::highlight(puente-note) { background-color: rgba(255, 205, 0, 0.35); text-decoration: underline dotted 2px rgba(176, 137, 0, 0.9); }`,
  );
  return rules.join('\n');
}
