/**
 * Notes export and import. Export is JSON with a format name and version (lossless: it
 * re-imports to identical notes) or Markdown for reading. Import validates the whole file
 * before anything is written, says what it will add, update and skip, and never deletes.
 */
import * as v from 'valibot';
import type { Note } from '../db/types';
import type { MessageKey, Substitutions, Translator } from '../i18n/translator';

export const NOTES_FORMAT = 'puente-notes';
export const NOTES_VERSION = 1;
/** Larger files are refused before parsing: 10,000 notes fit in well under this. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_NOTES = 100_000;

const NoteSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid()),
  quote: v.nullable(
    v.strictObject({
      exact: v.pipe(v.string(), v.nonEmpty(), v.maxLength(2000)),
      prefix: v.pipe(v.string(), v.maxLength(64)),
      suffix: v.pipe(v.string(), v.maxLength(64)),
    }),
  ),
  url: v.nullable(v.pipe(v.string(), v.maxLength(2048), v.url(), v.regex(/^(?:https?|file):/i))),
  title: v.nullable(v.pipe(v.string(), v.maxLength(500))),
  termId: v.nullable(v.pipe(v.string(), v.maxLength(80), v.regex(/^[0-9a-z-]+$/))),
  text: v.pipe(v.string(), v.maxLength(10_000)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(20)),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const FileSchema = v.strictObject({
  format: v.literal(NOTES_FORMAT),
  version: v.number(),
  exportedAt: v.string(),
  notes: v.pipe(v.array(NoteSchema), v.maxLength(MAX_IMPORT_NOTES)),
});

/** The JSON export of every note. */
export function exportJson(notes: readonly Note[], now = new Date()): string {
  const sorted = [...notes].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return JSON.stringify(
    { format: NOTES_FORMAT, version: NOTES_VERSION, exportedAt: now.toISOString(), notes: sorted },
    null,
    2,
  );
}

/** Why an import file was refused: a message key of the interface and its values. */
export interface ImportError {
  key: MessageKey;
  values?: Substitutions;
}

/** The result of reading an import file: its notes, or why it was refused. */
export type ParsedImport = { ok: true; notes: Note[] } | { ok: false; error: ImportError };

/** An import error as a sentence in the interface's language. */
export function importErrorText(error: ImportError, { t }: Pick<Translator, 't'>): string {
  return t(error.key, error.values);
}

/** Reads and validates a whole import file; nothing is written here. */
export function parseImport(text: string): ParsedImport {
  if (new Blob([text]).size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: { key: 'import.tooLarge', values: { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 } },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { key: 'import.notJson' } };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== NOTES_FORMAT) {
    return { ok: false, error: { key: 'import.notPuente' } };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== NOTES_VERSION) {
    return {
      ok: false,
      error: { key: 'import.wrongVersion', values: { version: String(version), supported: NOTES_VERSION } },
    };
  }
  const parsed = v.safeParse(FileSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    // The path names the field (e.g. notes.3.url), which is the same in every language.
    return path
      ? { ok: false, error: { key: 'import.invalidAt', values: { path } } }
      : { ok: false, error: { key: 'import.invalidTop' } };
  }
  const ids = new Set<string>();
  for (const n of parsed.output.notes) {
    if (ids.has(n.id)) return { ok: false, error: { key: 'import.duplicate', values: { id: n.id } } };
    ids.add(n.id);
  }
  return { ok: true, notes: parsed.output.notes };
}

/** What an import will do, by note. */
export interface ImportPlan {
  add: Note[];
  update: Note[];
  skip: Note[];
}

/** Merge by id: new notes are added, newer versions update, the rest are skipped. */
export function planImport(incoming: readonly Note[], existing: ReadonlyMap<string, Note>): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], skip: [] };
  for (const note of incoming) {
    const current = existing.get(note.id);
    if (!current) plan.add.push(note);
    else if (note.updatedAt > current.updatedAt) plan.update.push(note);
    else plan.skip.push(note);
  }
  return plan;
}

/** The headings of a Markdown export, in the interface's language. */
export interface MarkdownLabels {
  title: string;
  noEntry: string;
  noPage: string;
}

/** A readable Markdown export, grouped by entry or by page, with citations and links. */
export function exportMarkdown(
  notes: readonly Note[],
  by: 'entry' | 'page',
  termName: (id: string) => string | undefined,
  labels: MarkdownLabels,
): string {
  const groups = new Map<string, Note[]>();
  for (const n of [...notes].sort((a, b) => a.createdAt - b.createdAt)) {
    const key = by === 'entry' ? (n.termId ?? '') : (n.url ?? '');
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const lines = [`# ${escapeMd(labels.title)}`, ''];
  for (const [key, list] of groups) {
    const heading =
      by === 'entry'
        ? key
          ? (termName(key) ?? key)
          : labels.noEntry
        : key
          ? `[${escapeMd(list[0]!.title ?? key)}](${key})`
          : labels.noPage;
    lines.push(`## ${by === 'entry' ? escapeMd(heading) : heading}`, '');
    for (const n of list) {
      if (n.quote) lines.push(`> ${escapeMd(n.quote.exact)}`, '');
      if (n.text) lines.push(escapeMd(n.text), '');
      const cite: string[] = [new Date(n.createdAt).toISOString().slice(0, 10)];
      if (by === 'page' && n.termId) cite.push(termName(n.termId) ?? n.termId);
      if (by === 'entry' && n.url) cite.push(`[${escapeMd(n.title ?? n.url)}](${n.url})`);
      if (n.tags.length) cite.push(n.tags.map((t) => `#${t}`).join(' '));
      lines.push(`— ${cite.join(' · ')}`, '');
    }
  }
  return lines.join('\n');
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>#])/g, '\\$1').replace(/\n/g, ' ');
}
