/**
 * The shape of a glossary entry as written in assets/glossary/*.yaml (docs/GLOSSARY.md).
 * Checked with valibot so that a typo in the data fails the build with the entry's id.
 */
import * as v from 'valibot';
import { TERM_KINDS } from '../bundle/types';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const forms = v.optional(v.array(text), []);
const isoDate = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform(String),
  v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isValidPartialDate, 'is not a real date'),
);

/** Whether a YYYY, YYYY-MM or YYYY-MM-DD string names a real date. */
export function isValidPartialDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y!, m! - 1, d));
    return date.getUTCDate() === d;
  }
  return true;
}

export const RawEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case ASCII')),
  kind: v.picklist(TERM_KINDS),
  en: v.strictObject({ name: text, aliases: forms }),
  zh: v.strictObject({
    name: text,
    aliases: forms,
    pinyin: v.optional(text),
    traditional: v.optional(v.array(text)),
  }),
  es: v.strictObject({ name: text, aliases: forms }),
  definition: v.strictObject({ en: text, zh: text, es: v.optional(text) }),
  related: v.optional(v.array(v.string()), []),
  dates: v.optional(v.array(v.strictObject({ date: isoDate, en: text, zh: text, es: v.optional(text) })), []),
  excludeContexts: v.optional(v.array(text), []),
  review: v.optional(text),
  noCorpusMention: v.optional(text),
});

export type RawEntry = v.InferOutput<typeof RawEntrySchema>;
