/**
 * Looks messages up in a `_locales/<locale>/messages.json` table loaded at run time, so the
 * interface can follow Puente's own language setting instead of only the browser's (which is
 * all `browser.i18n.getMessage` can do). The message format is @wxt-dev/i18n's: keys with dots
 * (stored with underscores), `$1`…`$9` positional and `{name}` named substitutions, and plurals
 * as "one | other" or "zero | one | other".
 */
import type { GeneratedI18nStructure } from '#i18n';
import { LANGUAGE_TAG, type UiLanguage } from './languages';

/** Every message key, as written in assets/locales/en.yml. */
export type MessageKey = Exclude<Extract<keyof GeneratedI18nStructure, string>, `@@${string}`>;
/** Keys of messages with plural forms. */
export type PluralKey = {
  [K in MessageKey]: GeneratedI18nStructure[K]['plural'] extends true ? K : never;
}[MessageKey];

/** A `messages.json` table as the browser reads it. */
export type MessageTable = Record<string, { message: string }>;

/** Values for `{name}` substitutions. */
export type Substitutions = Record<string, string | number>;

/** The interface's strings and formats in one language. */
export interface Translator {
  readonly lang: UiLanguage;
  /** The table the messages come from. */
  readonly table: MessageTable;
  /** The BCP 47 tag, for Intl and `lang` attributes. */
  readonly tag: string;
  /** The message for a key, with `{name}` substitutions. */
  readonly t: (key: MessageKey, substitutions?: Substitutions) => string;
  /** The plural form for `count` ($1 is the count, formatted), with `{name}` substitutions. */
  readonly plural: (key: PluralKey, count: number, substitutions?: Substitutions) => string;
  /** A number formatted for the language. */
  readonly number: (n: number) => string;
}

const NAMED = /\{([A-Za-z0-9_]+)\}/g;

/** A translator over one table; a missing key shows as the key itself, so it is seen and fixed. */
export function createTranslator(lang: UiLanguage, table: MessageTable): Translator {
  const tag = LANGUAGE_TAG[lang];
  // Made on first use: the first Intl object of a page loads locale data (17–77 ms in a fresh
  // tab, a long task on the page's first card), and the content script's start needs none.
  // Whole numbers under 1,000 skip it: they read the same in every interface language (Latin
  // digits, no grouping), and they are all the card shows.
  let numbers: Intl.NumberFormat | null = null;
  const format = (n: number) =>
    Number.isInteger(n) && Math.abs(n) < 1000
      ? String(n)
      : (numbers ??= new Intl.NumberFormat(tag)).format(n);
  const lookup = (key: string) => table[key.replaceAll('.', '_')]?.message ?? key;
  const named = (text: string, subs?: Substitutions) =>
    subs
      ? text.replace(NAMED, (whole, name: string) =>
          Object.prototype.hasOwnProperty.call(subs, name) ? String(subs[name]) : whole,
        )
      : text;
  return {
    lang,
    table,
    tag,
    number: format,
    t: (key, subs) => named(lookup(key), subs),
    plural: (key, count, subs) => {
      const forms = lookup(key).split(' | ');
      const form =
        forms.length === 3
          ? forms[count === 0 || count === 1 ? count : 2]!
          : forms.length === 2
            ? forms[count === 1 ? 0 : 1]!
            : forms[0]!;
      // `$1` is the count; `$$` is a literal dollar sign, as in browser.i18n.
      return named(
        form.replace(/\$(\$|1)/g, (_, c: string) => (c === '$' ? '$' : format(count))),
        subs,
      );
    },
  };
}
