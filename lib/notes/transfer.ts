/**
 * Notes export and import. Export is JSON with a format name and version (lossless: it
 * re-imports to identical notes) or Markdown for reading. Import validates the whole file
 * before anything is written, says what it will add, update and skip, and never deletes.
 */
import * as v from 'valibot';
import type { Note } from '../db/types';

export const NOTES_FORMAT = 'puente-notes';
export const NOTES_VERSION = 1;
/** Larger files are refused before parsing: 10,000 notes fit in well under this. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_NOTES = 100_000;

const NoteSchema = v.strictObject({
  id: v.pipe(v.string(), v.uuid('id must be a UUID')),
  quote: v.nullable(
    v.strictObject({
      exact: v.pipe(v.string(), v.nonEmpty(), v.maxLength(2000)),
      prefix: v.pipe(v.string(), v.maxLength(64)),
      suffix: v.pipe(v.string(), v.maxLength(64)),
    }),
  ),
  url: v.nullable(
    v.pipe(
      v.string(),
      v.maxLength(2048),
      v.url(),
      v.regex(/^(?:https?|file):/i, 'must be a web page address'),
    ),
  ),
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

/** The result of reading an import file: its notes, or why it was refused. */
export type ParsedImport = { ok: true; notes: Note[] } | { ok: false; error: string };

/** Reads and validates a whole import file; nothing is written here. */
export function parseImport(text: string): ParsedImport {
  if (new Blob([text]).size > MAX_IMPORT_BYTES) {
    return { ok: false, error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON (it may be cut short or not a Puente export).' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== NOTES_FORMAT) {
    return { ok: false, error: 'The file is not a Puente notes export.' };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== NOTES_VERSION) {
    return {
      ok: false,
      error: `The file is version ${String(version)}; this Puente reads version ${NOTES_VERSION}.`,
    };
  }
  const parsed = v.safeParse(FileSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: `The file has an invalid value at ${path || 'the top'}: ${issue.message}.` };
  }
  const ids = new Set<string>();
  for (const n of parsed.output.notes) {
    if (ids.has(n.id)) return { ok: false, error: `The note ${n.id} appears twice in the file.` };
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

/** A readable Markdown export, grouped by entry or by page, with citations and links. */
export function exportMarkdown(
  notes: readonly Note[],
  by: 'entry' | 'page',
  termName: (id: string) => string | undefined,
): string {
  const groups = new Map<string, Note[]>();
  for (const n of [...notes].sort((a, b) => a.createdAt - b.createdAt)) {
    const key = by === 'entry' ? (n.termId ?? '') : (n.url ?? '');
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const lines = ['# Puente notes', ''];
  for (const [key, list] of groups) {
    const heading =
      by === 'entry'
        ? key
          ? (termName(key) ?? key)
          : 'Notes without an entry'
        : key
          ? `[${escapeMd(list[0]!.title ?? key)}](${key})`
          : 'Notes without a page';
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
