/** The forum's history as timeline points, from the dates of glossary entries. */
import type { Lang, Term, TermKind } from './bundle/types';
import { pick } from './i18n/pick';

/** One dated moment linked to its entry. */
export interface TimelinePoint {
  date: string;
  year: number;
  termId: string;
  kind: TermKind;
  name: string;
  label: string;
}

/** Kinds that tell the forum's own history (the default view). */
export const FORUM_KINDS: readonly TermKind[] = ['mechanism', 'event', 'document', 'initiative'];

/** The forum's history starts with CELAC, founded in December 2011. */
export const FORUM_SINCE = 2011;

/** Every dated moment of the given entries (and years), oldest first. */
export function timelinePoints(
  terms: readonly Term[],
  kinds?: readonly TermKind[],
  since = 0,
  lang: Lang = 'en',
): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (const t of terms) {
    if (kinds && !kinds.includes(t.kind)) continue;
    for (const d of t.dates) {
      if (Number(d.date.slice(0, 4)) < since) continue;
      points.push({
        date: d.date,
        year: Number(d.date.slice(0, 4)),
        termId: t.id,
        kind: t.kind,
        name: pick({ en: t.en.name, zh: t.zh.name, es: t.es.name }, lang),
        label: pick(d, lang),
      });
    }
  }
  return points.sort((a, b) => a.date.localeCompare(b.date) || a.termId.localeCompare(b.termId));
}

/** Points grouped by year, for drawing. */
export function byYear(points: readonly TimelinePoint[]): { year: number; points: TimelinePoint[] }[] {
  const groups = new Map<number, TimelinePoint[]>();
  for (const p of points) groups.set(p.year, [...(groups.get(p.year) ?? []), p]);
  return [...groups].map(([year, list]) => ({ year, points: list }));
}

/** A date for display: "17 Jul", "Jan", or nothing for a bare year. */
export function shortDate(date: string, locale = 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return '';
  const value = new Date(Date.UTC(y!, m - 1, d ?? 1));
  return new Intl.DateTimeFormat(
    locale,
    d ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' },
  ).format(value);
}
