/**
 * Where Puente highlights: on or off everywhere, and per site, either everywhere except the
 * sites the user turned off, or only on the sites the user listed (allow-list mode). Local
 * items: they describe this browser's sites. Changes reach open tabs through `watch`.
 */
import { storage } from '@wxt-dev/storage';

/** Highlighting on every site. */
export const highlightingEnabled = storage.defineItem<boolean>('local:highlightingEnabled', {
  fallback: true,
  version: 1,
});

/** Site keys as stored: lower case, without "www.", unique and sorted. */
export function normaliseSites(sites: readonly string[]): string[] {
  const keys = sites
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/^www\./, ''),
    )
    .filter((s) => s.length > 0);
  return [...new Set(keys)].sort();
}

/** Sites (host names without "www.") where Puente stays off. */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 2,
  // Version 1 stored host names as typed; version 2 keeps them normalised.
  migrations: { 2: (old: string[]) => normaliseSites(old) },
});

/** Whether Puente runs everywhere but the disabled sites, or only on the allowed ones. */
export type SiteMode = 'everywhere' | 'allow-list';

export const siteMode = storage.defineItem<SiteMode>('local:siteMode', {
  fallback: 'everywhere',
  version: 1,
});

/** Sites where Puente runs in allow-list mode. */
export const allowedSites = storage.defineItem<string[]>('local:allowedSites', { fallback: [], version: 1 });

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

/**
 * A site key from what a person types in the options: a bare host ("elpais.com"), a URL, or
 * "file"; null when it names no site.
 */
export function siteFromInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === 'file') return 'file';
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`;
  const site = siteOf(candidate);
  return site && /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*(:\d+)?$/u.test(site) ? site : null;
}

/** Whether the site's own switch is on, given the mode and both lists. */
export function siteIsOn(
  site: string,
  mode: SiteMode,
  disabled: readonly string[],
  allowed: readonly string[],
) {
  return mode === 'allow-list' ? allowed.includes(site) : !disabled.includes(site);
}

/** Whether Puente should highlight a page with this URL. */
export async function isActiveOn(url: string): Promise<boolean> {
  const site = siteOf(url);
  if (!site) return false;
  const [enabled, mode, disabled, allowed] = await Promise.all([
    highlightingEnabled.getValue(),
    siteMode.getValue(),
    disabledSites.getValue(),
    allowedSites.getValue(),
  ]);
  return enabled && siteIsOn(site, mode, disabled, allowed);
}

/** Turns Puente on or off for one site, in whichever list the mode uses. */
export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const allowList = (await siteMode.getValue()) === 'allow-list';
  const item = allowList ? allowedSites : disabledSites;
  const list = await item.getValue();
  const add = allowList ? enabled : !enabled;
  await item.setValue(normaliseSites(add ? [...list, site] : list.filter((s) => s !== site)));
}

/** The items that decide where Puente runs, for watchers. */
export const SITE_ITEMS = [highlightingEnabled, siteMode, disabledSites, allowedSites] as const;
