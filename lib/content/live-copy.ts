/**
 * Globals in the extension's isolated world, which every content script of Puente in a frame
 * shares (and the page cannot see).
 *
 * LIVE_COPY: where the running content script names its version: a second copy of that version
 * stays out, and the background reads it before injecting into open tabs
 * (lib/background/inject.ts).
 */
export const LIVE_COPY = '__puenteLiveCopy';

/**
 * CARD_VIEW: where the card's interface, put into the frame by the background on first use,
 * hands itself to the content script that asked for it (./card-view-loader.ts).
 */
export const CARD_VIEW = '__puenteCardView';
