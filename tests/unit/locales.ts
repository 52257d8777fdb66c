/** The interface's locale files as the extension reads them, for unit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { LOCALE_DIR, type UiLanguage } from '@/lib/i18n/languages';
import { createTranslator, type MessageTable, type Translator } from '@/lib/i18n/translator';

/** The path of a language's locale file. */
export function localeFile(lang: UiLanguage): string {
  // Tests run from the project's root (see tests/vitest.config.ts).
  return join(process.cwd(), 'assets', 'locales', `${LOCALE_DIR[lang]}.yml`);
}

/** A language's `messages.json` table, built the way the i18n module builds `_locales`. */
export function messageTable(lang: UiLanguage): MessageTable {
  const messages = parseMessagesText(readFileSync(localeFile(lang), 'utf8'), 'YAML');
  return generateChromeMessages(messages);
}

/** The translator a page in this language gets. */
export function translator(lang: UiLanguage = 'en'): Translator {
  return createTranslator(lang, messageTable(lang));
}
