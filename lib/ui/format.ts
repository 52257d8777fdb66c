/** Formatting for the UI through Intl (dates as the text gives them, approximate or not). */
import type { DocumentSummary } from '../db/corpus';
import type { Translator } from '../i18n/translator';

/** A document's date for display: exact when the text gives it, else "c. <month year>". */
export function formatDocumentDate(
  doc: Pick<DocumentSummary, 'date' | 'dateApprox'>,
  { tag, t }: Pick<Translator, 'tag' | 't'>,
): string {
  if (doc.date) {
    const [day, time] = doc.date.split('T');
    const d = new Date(`${day}T00:00:00Z`);
    const text = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
    return time ? `${text}, ${time}` : text;
  }
  if (doc.dateApprox) {
    const [y, m] = doc.dateApprox.split('-');
    const d = new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, 1));
    // A year alone is formatted too: Chinese writes it "2015年".
    const when = new Intl.DateTimeFormat(tag, {
      year: 'numeric',
      ...(m ? { month: 'long' as const } : {}),
      timeZone: 'UTC',
    }).format(d);
    return t('date.approximate', { date: when });
  }
  return t('date.undated');
}
