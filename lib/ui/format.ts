/**
 * Dates for the UI, as the text gives them, approximate or not.
 *
 * Written from the locale files instead of with Intl.DateTimeFormat: the first Intl object a
 * page makes loads locale data, 17–77 ms in one task, and the card (which runs in news pages)
 * would pay it on the first hover of every page. The locale strings give what Intl gives
 * (`dateStyle: 'long'`, and month and year, or a year); tests/unit/i18n.test.ts checks every
 * month of several years against Intl in each language.
 */
import type { DocumentSummary } from '../db/corpus';
import type { Translator } from '../i18n/translator';

const MONTHS = [
  'date.month.january',
  'date.month.february',
  'date.month.march',
  'date.month.april',
  'date.month.may',
  'date.month.june',
  'date.month.july',
  'date.month.august',
  'date.month.september',
  'date.month.october',
  'date.month.november',
  'date.month.december',
] as const;

/** A calendar date, a month or a year in the interface language (month and day are 1-based). */
export function formatCalendar(
  { t }: Pick<Translator, 't'>,
  year: number,
  month?: number,
  day?: number,
): string {
  if (!month) return t('date.year', { year });
  const name = t(MONTHS[month - 1]!);
  return day ? t('date.full', { year, month: name, day }) : t('date.monthYear', { year, month: name });
}

/** A document's date for display: exact when the text gives it, else "c. <month year>". */
export function formatDocumentDate(
  doc: Pick<DocumentSummary, 'date' | 'dateApprox'>,
  i18n: Pick<Translator, 't'>,
): string {
  if (doc.date) {
    const [day, time] = doc.date.split('T');
    const [y, m, d] = day!.split('-').map(Number);
    const text = formatCalendar(i18n, y!, m, d);
    return time ? `${text}, ${time}` : text;
  }
  if (doc.dateApprox) {
    const [y, m] = doc.dateApprox.split('-').map(Number);
    // A year alone is written out too: Chinese writes it "2015年".
    return i18n.t('date.approximate', { date: formatCalendar(i18n, y!, m) });
  }
  return i18n.t('date.undated');
}
