/**
 * The global, in the extension's isolated world, where the running content script names its
 * version: a second copy of that version stays out, and the background reads it before
 * injecting into open tabs (lib/background/inject.ts).
 */
export const LIVE_COPY = '__puenteLiveCopy';
