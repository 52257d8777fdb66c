/**
 * User settings, as versioned @wxt-dev/storage items (local: they describe this browser's
 * sites). Changes reach open tabs through `watch`, without a reload.
 */
import { storage } from '@wxt-dev/storage';

/** Highlighting on every site. */
export const highlightingEnabled = storage.defineItem<boolean>('local:highlightingEnabled', {
  fallback: true,
  version: 1,
});

/** Sites (host names without "www.") where Puente stays off. */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

/** The site key of a URL: its host name without a leading "www.", or null for non-web URLs. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    return u.protocol === 'file:' ? 'file' : u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether Puente should highlight a page with this URL. */
export async function isActiveOn(url: string): Promise<boolean> {
  const site = siteOf(url);
  if (!site) return false;
  const [enabled, disabled] = await Promise.all([highlightingEnabled.getValue(), disabledSites.getValue()]);
  return enabled && !disabled.includes(site);
}

/** Turns Puente on or off for one site. */
export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const list = await disabledSites.getValue();
  const next = enabled ? list.filter((s) => s !== site) : [...new Set([...list, site])];
  await disabledSites.setValue(next.sort());
}

/** Delay before the card opens on hover, in milliseconds. */
export const hoverDelay = storage.defineItem<number>('local:hoverDelay', { fallback: 250, version: 1 });
