/**
 * The corpus compiler: turns one source text into a structured document (metadata, body
 * paragraphs, the lines it removed and why, mixed-script artefacts) and its sentences.
 */
import type { CorpusDocument, Paragraph, Passage, RemovedLine, ScriptArtefact } from '../bundle/types';
import { detectLanguage } from '../text/language';
import { splitSentences } from '../text/sentences';
import { matchBoilerplate } from './boilerplate';

/** Metadata from assets/corpus/metadata.yaml, each value backed by quoted evidence. */
export interface DocumentMetadata {
  file: string;
  publisher?: string;
  author?: string;
  dateApprox?: string;
  dateNote?: string;
  evidence?: string[];
}

/**
 * Known words of other scripts inside English sources, and how to read them for matching
 * (the source shows "Latin Америка", "Аргентина"). The text stays verbatim for reading.
 */
const READ_AS: Readonly<Record<string, string>> = {
  Аргентина: 'Argentina',
  Америка: 'America',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Parses a dateline ("2016-02-05 16:18", "Jan 19, 2018") to ISO, or null. */
export function parseDateline(line: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(line);
  if (m) return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` : `${m[1]}-${m[2]}-${m[3]}`;
  m = /^([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(line);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (month < 0) return null;
    return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  return null;
}

const PERSON_LINE = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}$/u;
const BYLINE = /^By\s+(\p{Lu}[\p{L} .'-]+)$/u;
const HEADING = /^[IVX]+\.\s+\S/;
const AUTHOR_NOTE = /^\(The author is (?:the )?(.+?)\)$/;

/** Document id from a corpus file name such as `004_bcba8142888d0994.txt`. */
export function documentId(file: string): string {
  const m = /^\d+_([0-9a-f]+)\.txt$/.exec(file);
  if (!m) throw new Error(`Corpus file name "${file}" is not <n>_<hex>.txt`);
  return m[1]!;
}

/** Metadata values read off the text, with its no-break and repeated spaces made plain. */
function clean(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/** Compiles one source text. Throws with a clear message when metadata evidence is missing. */
export function compileDocument(file: string, raw: string, meta?: DocumentMetadata): CorpusDocument {
  const removed: RemovedLine[] = [];
  const paragraphs: Paragraph[] = [];
  let title: string | null = null;
  let author: string | null = meta?.author ?? null;
  let authorRole: string | null = null;
  let section: string | null = null;
  let editor: string | null = null;
  let date: string | null = null;
  let offset = 0;
  const lines = raw.split('\n');
  lines.forEach((rawLine, index) => {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const text = rawLine.trim();
    if (text === '') return;
    const line = index + 1;
    const hit = matchBoilerplate(text);
    if (hit) {
      removed.push({ line, text, reason: hit.reason });
      section ??= hit.section ? clean(hit.section) : null;
      editor ??= hit.editor ? clean(hit.editor) : null;
      return;
    }
    const dateline = paragraphs.length === 0 ? parseDateline(text) : null;
    if (dateline) {
      date ??= dateline;
      removed.push({ line, text, reason: 'metadata: date' });
      return;
    }
    const byline = paragraphs.length === 0 ? BYLINE.exec(text) : null;
    if (byline) {
      author ??= clean(byline[1]!);
      removed.push({ line, text, reason: 'metadata: author' });
      return;
    }
    if (title === null) {
      title = clean(text);
      removed.push({ line, text, reason: 'metadata: title' });
      return;
    }
    if (paragraphs.length === 0 && author === null && PERSON_LINE.test(text)) {
      author = clean(text);
      removed.push({ line, text, reason: 'metadata: author' });
      return;
    }
    let kind: Paragraph['kind'] = 'text';
    if (HEADING.test(text)) kind = 'heading';
    const note = AUTHOR_NOTE.exec(text);
    if (note) {
      kind = 'note';
      authorRole ??= clean(note[1]!);
    } else if (author && text.startsWith(`${author} is `)) {
      kind = 'note';
      authorRole ??= clean(text.slice(author.length + 4)).replace(/\.$/, '');
    }
    const sourceStart = lineStart + rawLine.indexOf(text);
    paragraphs.push({ index: paragraphs.length, kind, text, sourceStart });
  });
  if (title === null) throw new Error(`${file}: no title line found`);
  const flat = raw.replace(/\s+/gu, ' ');
  for (const quote of meta?.evidence ?? []) {
    if (!flat.includes(quote.replace(/\s+/gu, ' '))) {
      throw new Error(`${file}: metadata evidence not found in the text: "${quote}"`);
    }
  }
  const body = paragraphs.map((p) => p.text).join('\n');
  const language = detectLanguage(body);
  return {
    id: documentId(file),
    file,
    title,
    author,
    authorRole,
    publisher: meta?.publisher ?? null,
    section,
    editor,
    date,
    dateApprox: date ? null : (meta?.dateApprox ?? null),
    dateNote: date ? null : (meta?.dateNote ?? null),
    language,
    paragraphs,
    removed,
    artefacts: language === 'zh' ? [] : findArtefacts(paragraphs),
  };
}

/** Words in Cyrillic or Greek inside a Latin-script document. */
function findArtefacts(paragraphs: readonly Paragraph[]): ScriptArtefact[] {
  const out: ScriptArtefact[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(/[\p{Script=Cyrillic}\p{Script=Greek}]+/gu)) {
      const script = /\p{Script=Cyrillic}/u.test(m[0]) ? 'Cyrillic' : 'Greek';
      out.push({
        paragraph: p.index,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        script,
        readAs: READ_AS[m[0]] ?? null,
      });
    }
  }
  return out;
}

/**
 * The text of a paragraph as the matcher should read it: artefacts with a known reading of
 * the same length are replaced, so offsets stay those of the verbatim text.
 */
export function matchingText(doc: CorpusDocument, paragraph: number): string {
  let text = doc.paragraphs[paragraph]!.text;
  for (const a of doc.artefacts) {
    if (a.paragraph !== paragraph || a.readAs === null || a.readAs.length !== a.text.length) continue;
    text = text.slice(0, a.start) + a.readAs + text.slice(a.end);
  }
  return text;
}

/** Splits a document's paragraphs into sentence passages with stable ids. */
export function passagesOf(doc: CorpusDocument): Passage[] {
  const out: Passage[] = [];
  for (const p of doc.paragraphs) {
    splitSentences(p.text, doc.language).forEach((s, index) => {
      out.push({
        id: `${doc.id}:${p.index}:${index}`,
        docId: doc.id,
        paragraph: p.index,
        index,
        start: s.start,
        end: s.end,
        text: p.text.slice(s.start, s.end),
      });
    });
  }
  return out;
}
