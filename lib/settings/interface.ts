/** Interface settings: its language, the language that leads in cards, the toolbar badge. */
import { storage } from '@wxt-dev/storage';
import type { Lang } from '../bundle/types';
import type { UiLanguageSetting } from '../i18n/languages';

export const uiLanguage = storage.defineItem<UiLanguageSetting>('local:uiLanguage', {
  fallback: 'auto',
  version: 1,
});

/** Which name leads in the card: the page's language, or always one language. */
export type LeadLanguage = 'page' | Lang;

export const leadLanguage = storage.defineItem<LeadLanguage>('local:leadLanguage', {
  fallback: 'page',
  version: 1,
});

/** The count of entries on the page, on the toolbar icon. */
export const badgeEnabled = storage.defineItem<boolean>('local:badgeEnabled', { fallback: true, version: 1 });
