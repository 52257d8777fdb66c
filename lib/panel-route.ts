/**
 * The route the side panel should show next, set by the card's "Open in side panel". Session
 * storage, which content scripts cannot reach: only the background and the panel import this.
 */
import { storage } from '@wxt-dev/storage';

export const panelRoute = storage.defineItem<string | null>('session:panelRoute', { fallback: null });
