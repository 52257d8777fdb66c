import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesText, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { fromBrowserLanguage, resolveUiLanguage, type UiLanguage } from '@/lib/i18n/languages';
import { createTranslator } from '@/lib/i18n/translator';
import { formatCalendar, formatDocumentDate } from '@/lib/ui/format';
import { localeFile, translator } from './locales';
import { hardCodedStrings } from './ui-strings';

const root = process.cwd();

function parsed(lang: UiLanguage): Map<string, ParsedMessage> {
  const list = parseMessagesText(readFileSync(localeFile(lang), 'utf8'), 'YAML').filter(
    (m) => !m.key[0]!.startsWith('@@'),
  );
  return new Map(list.map((m) => [m.key.join('.'), m]));
}

/** Every file under `dir` (relative to the project) whose name ends with one of `exts`. */
function files(dir: string, exts: string[]): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .map((f) => join(root, dir, f));
}

// Everything that draws a person's interface, or text a person reads (menus, toasts, exports).
// The rest of lib/ runs at build time (its messages are for the glossary's editors) or holds
// no text (matching, the database, settings as data).
const UI_SOURCES = [
  ...files('components', ['.tsx', '.ts']),
  ...files('entrypoints', ['.tsx', '.ts']),
  ...['lib/content', 'lib/background', 'lib/ui', 'lib/i18n', 'lib/notes'].flatMap((d) =>
    files(d, ['.ts', '.tsx']),
  ),
  join(root, 'lib/timeline.ts'),
];

describe('the interface in English, Chinese and Spanish', () => {
  const en = parsed('en');

  it.each(['zh', 'es'] as const)(
    '%s has exactly the keys of English, each with the same values to fill',
    (lang) => {
      const other = parsed(lang);
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, message] of en) {
        const translated = other.get(key)!;
        expect(translated.type, key).toBe(message.type);
        expect([...translated.namedSubstitutions].sort(), key).toEqual(
          [...message.namedSubstitutions].sort(),
        );
        if (message.type === 'plural' && translated.type === 'plural') {
          // The count is shown in the "other" form wherever English shows it.
          if (message.plurals.n?.includes('$1')) expect(translated.plurals.n, key).toContain('$1');
        }
      }
    },
  );

  it.each(['en', 'zh', 'es'] as const)(
    '%s: the store description fits the 132 characters Chrome allows',
    (lang) => {
      expect(translator(lang).t('extension.description').length).toBeLessThanOrEqual(132);
    },
  );

  it('has no key that nothing uses', () => {
    const source = [...UI_SOURCES, join(root, 'wxt.config.ts')]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = [...en.keys()].filter(
      (key) => !source.includes(`'${key}'`) && !source.includes(`__MSG_${key.replaceAll('.', '_')}__`),
    );
    expect(unused).toEqual([]);
  });

  it('has no user-visible string written in the code instead of the locale files', () => {
    const found = UI_SOURCES.flatMap((f) => hardCodedStrings(f)).map(
      (s) => `${s.file.slice(root.length + 1)}:${s.line}: ${s.text}`,
    );
    expect(found).toEqual([]);
  });

  it('catches the hard-coded strings it is meant to catch', () => {
    const file = join(root, '.scratch-i18n-probe.tsx');
    const probe = `export const A = () => <p title="Close the card">Save note</p>;\nexport const b = { label: 'Open in side panel' };\nexport const ok = () => <p class="a b" data-x="Y z">{t('card.copy')}</p>;\n`;
    writeFileSync(file, probe);
    try {
      expect(hardCodedStrings(file).map((s) => s.text)).toEqual([
        'Close the card',
        'Save note',
        'Open in side panel',
      ]);
    } finally {
      rmSync(file);
    }
  });

  it('has no text in the pages’ HTML except the product name', () => {
    for (const html of files('entrypoints', ['.html'])) {
      const text = readFileSync(html, 'utf8')
        .replace(/<script[\s\S]*?<\/script>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      expect(text, html).toEqual(['Puente']);
    }
  });
});

describe('the translator', () => {
  it('fills named values and picks plural forms as browser.i18n does', () => {
    const t = createTranslator('en', {
      one: { message: 'Hello {name}' },
      notes: { message: '1 note | $1 notes' },
      zero: { message: 'none | one | $1 many' },
      dollars: { message: '$$1 and $1' },
    });
    expect(t.t('one' as never, { name: 'Ana' })).toBe('Hello Ana');
    expect(t.plural('notes' as never, 1)).toBe('1 note');
    expect(t.plural('notes' as never, 1234)).toBe('1,234 notes');
    expect(t.plural('zero' as never, 0)).toBe('none');
    expect(t.plural('zero' as never, 5)).toBe('5 many');
    expect(t.plural('dollars' as never, 2)).toBe('$1 and 2');
  });

  it('shows a missing key as itself, so that it is noticed', () => {
    expect(createTranslator('es', {}).t('card.copy')).toBe('card.copy');
  });

  it('formats numbers and plurals for each language', () => {
    expect(translator('en').plural('page.mentions', 1)).toBe('1 mention');
    expect(translator('es').plural('page.mentions', 1500)).toBe('1500 menciones');
    expect(translator('zh').plural('page.mentions', 3)).toBe('3 处提及');
    expect(translator('es').t('switch.site', { site: 'elpais.com' })).toBe('Resaltar en elpais.com');
    // Small whole numbers skip Intl (its first use loads locale data): they must read the same.
    for (const lang of ['en', 'es', 'zh'] as const) {
      const t = translator(lang);
      const intl = new Intl.NumberFormat(t.tag);
      for (const n of [-1000, -999, -1, 0, 1, 7, 42, 999, 1000, 12345, 1.5, 0.25]) {
        expect(t.number(n), `${lang} ${n}`).toBe(intl.format(n));
      }
    }
  });

  it('writes dates as Intl does in each language, without Intl', () => {
    for (const lang of ['en', 'es', 'zh'] as const) {
      const t = translator(lang);
      const tag = t.tag;
      for (const year of [1999, 2015, 2024]) {
        const yearOnly = new Intl.DateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' });
        expect(formatCalendar(t, year)).toBe(yearOnly.format(Date.UTC(year, 0, 1)));
        for (let month = 1; month <= 12; month++) {
          const monthYear = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
          expect(formatCalendar(t, year, month)).toBe(monthYear.format(Date.UTC(year, month - 1, 1)));
          const long = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
          for (const day of [1, 9, 19, 28]) {
            expect(formatCalendar(t, year, month, day), `${lang} ${year}-${month}-${day}`).toBe(
              long.format(Date.UTC(year, month - 1, day)),
            );
          }
        }
      }
    }
  });

  it('writes approximate dates in each language', () => {
    const year = { date: null, dateApprox: '2015' };
    const month = { date: null, dateApprox: '2016-02' };
    expect(formatDocumentDate(year, translator('zh'))).toBe('约2015年');
    expect(formatDocumentDate(month, translator('es'))).toBe('h. febrero de 2016');
    expect(formatDocumentDate(month, translator('en'))).toBe('c. February 2016');
    expect(formatDocumentDate({ date: '2018-01-19', dateApprox: null }, translator('zh'))).toBe(
      '2018年1月19日',
    );
  });

  it('follows the browser unless a language is chosen', () => {
    expect(fromBrowserLanguage('zh-TW')).toBe('zh');
    expect(fromBrowserLanguage('es-419')).toBe('es');
    expect(fromBrowserLanguage('pt-BR')).toBe('en');
    expect(resolveUiLanguage('auto', 'es-MX')).toBe('es');
    expect(resolveUiLanguage('zh', 'es-MX')).toBe('zh');
    expect(resolveUiLanguage(undefined, undefined)).toBe('en');
  });
});
