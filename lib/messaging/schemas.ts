/** Request schemas and sender policies of the background's messages (background only). */
import * as v from 'valibot';
import type { MessageType, SenderPolicy, ToBackground } from './protocol';

const id = v.pipe(v.string(), v.maxLength(80), v.regex(/^[0-9a-z-]+$/));
const line = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A note as a content script or page may submit it: bounded in every field. */
export const NoteInputSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.uuid())),
  quote: v.nullable(
    v.strictObject({ exact: v.pipe(line(2000), v.nonEmpty()), prefix: line(64), suffix: line(64) }),
  ),
  url: v.nullable(
    v.pipe(
      v.string(),
      v.maxLength(2048),
      v.url(),
      v.regex(/^(?:https?|file):/i, 'must be a web page address'),
    ),
  ),
  title: v.nullable(line(500)),
  termId: v.nullable(id),
  text: line(10_000),
  tags: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(40))), v.maxLength(20)),
});

/** Schemas that every request is validated with in the background. */
export const requestSchemas = {
  getCorpusStatus: v.null(),
  getDocument: v.strictObject({ id }),
  getPageMatcher: v.null(),
  getCardData: v.strictObject({ id }),
  getPageNotes: v.null(),
  saveNote: NoteInputSchema,
  openSidePanel: v.strictObject({
    route: v.pipe(v.string(), v.maxLength(200), v.regex(/^#\/[a-z]+(?:\/[0-9a-z-]+)?$/)),
  }),
  getUiStrings: v.strictObject({ lang: v.picklist(['en', 'zh', 'es']) }),
  reportPage: v.strictObject({
    entries: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
    mentions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000)),
  }),
  loadCardView: v.null(),
  stepMentionInTop: v.strictObject({ direction: v.picklist(['next', 'previous']) }),
} satisfies { [K in MessageType]: v.GenericSchema<unknown, Parameters<ToBackground[K]>[0]> };

/** Who may send each message. Corpus reads and note saves are open to content scripts. */
export const policies: { [K in MessageType]: SenderPolicy } = {
  getCorpusStatus: 'extension',
  getDocument: 'extension',
  getPageMatcher: 'extension',
  getCardData: 'extension',
  getPageNotes: 'extension',
  saveNote: 'extension',
  openSidePanel: 'extension',
  getUiStrings: 'extension',
  reportPage: 'extension',
  loadCardView: 'extension',
  stepMentionInTop: 'extension',
};
