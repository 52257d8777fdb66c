/** Loads a language's messages from the extension's own `_locales` (a file, not the network). */
import { browser } from 'wxt/browser';
import { LOCALE_DIR, type UiLanguage } from './languages';
import { createTranslator, type MessageTable, type Translator } from './translator';

const loaded = new Map<UiLanguage, Promise<Translator>>();

/** The translator for a language, read once per page. */
export function loadTranslator(lang: UiLanguage): Promise<Translator> {
  let found = loaded.get(lang);
  if (!found) {
    // `_locales` is written by the i18n module at build time, so it is not among WXT's typed paths.
    const path = `/_locales/${LOCALE_DIR[lang]}/messages.json` as '/';
    found = fetch(browser.runtime.getURL(path))
      .then((r) => r.json() as Promise<MessageTable>)
      .then((table) => createTranslator(lang, table));
    found.catch(() => loaded.delete(lang));
    loaded.set(lang, found);
  }
  return found;
}
