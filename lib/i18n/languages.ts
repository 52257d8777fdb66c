/**
 * The languages of Puente's interface. The setting may follow the browser ("auto") or fix one
 * of the three; the files are WXT i18n locales in assets/locales (built into `_locales`).
 */
import type { Lang } from '../bundle/types';

/** A language Puente's interface is written in. */
export type UiLanguage = Lang;

/** The UI language setting: the browser's language, or a fixed one. */
export type UiLanguageSetting = 'auto' | UiLanguage;

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'zh', 'es'];

/** The `_locales` folder of each language (Chrome's locale codes). */
export const LOCALE_DIR: Record<UiLanguage, string> = { en: 'en', zh: 'zh_CN', es: 'es' };

/** The BCP 47 tag for Intl and for `lang` attributes. */
export const LANGUAGE_TAG: Record<UiLanguage, string> = { en: 'en', zh: 'zh-Hans', es: 'es' };

/** The language a browser language tag asks for, English when Puente has none closer. */
export function fromBrowserLanguage(tag: string | undefined): UiLanguage {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' || primary === 'es' ? primary : 'en';
}

/** The language to show for a setting, given the browser's UI language. */
export function resolveUiLanguage(
  setting: UiLanguageSetting | undefined,
  browserTag: string | undefined,
): UiLanguage {
  return setting && setting !== 'auto' ? setting : fromBrowserLanguage(browserTag);
}
