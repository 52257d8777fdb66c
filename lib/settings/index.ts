/**
 * User settings, as versioned @wxt-dev/storage items. Changes reach open tabs through `watch`,
 * without a reload.
 */
import { allowedSites, disabledSites, highlightingEnabled, siteMode } from './sites';
import { highlightStyle, hoverDelay, kindColours, markedKinds } from './appearance';
import { badgeEnabled, leadLanguage, uiLanguage } from './interface';

export * from './sites';
export * from './appearance';
export * from './interface';

/** Every setting, for "reset settings". */
export const ALL_SETTINGS = [
  highlightingEnabled,
  siteMode,
  disabledSites,
  allowedSites,
  highlightStyle,
  kindColours,
  markedKinds,
  hoverDelay,
  uiLanguage,
  leadLanguage,
  badgeEnabled,
] as const;

/** Puts every setting back to its default (notes are not settings: they stay). */
export async function resetSettings(): Promise<void> {
  await Promise.all(ALL_SETTINGS.map((item) => item.removeValue()));
}
