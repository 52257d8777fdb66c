/**
 * The compiled bundle: what scripts/build-bundle.ts writes and the background seeds into
 * IndexedDB. Documented in docs/BUNDLE.md; bump BUNDLE_SCHEMA_VERSION on any change of shape.
 */

export const BUNDLE_SCHEMA_VERSION = 1;

export type Lang = 'en' | 'zh' | 'es';

/** A paragraph of a corpus document's body. */
export interface Paragraph {
  index: number;
  kind: 'text' | 'heading' | 'note';
  text: string;
  /** Offset of the paragraph's first character in the source file. */
  sourceStart: number;
}

/** A line of the source file left out of the body, and why. */
export interface RemovedLine {
  line: number;
  text: string;
  reason: string;
}

/** A word written in another script inside a document (for example Cyrillic in English). */
export interface ScriptArtefact {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  script: string;
  /** The form used for matching, when known. */
  readAs: string | null;
}

/** One corpus document with its metadata. */
export interface CorpusDocument {
  id: string;
  file: string;
  title: string;
  author: string | null;
  authorRole: string | null;
  publisher: string | null;
  section: string | null;
  editor: string | null;
  /** ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:mm) when the text gives it. */
  date: string | null;
  /** An approximate date (YYYY or YYYY-MM) inferred from the text when it gives none. */
  dateApprox: string | null;
  dateNote: string | null;
  language: Lang;
  paragraphs: Paragraph[];
  removed: RemovedLine[];
  artefacts: ScriptArtefact[];
}

/** A sentence of a corpus document: the unit excerpts are made of. */
export interface Passage {
  /** `<docId>:<paragraph>:<sentence>` — stable while the source text is unchanged. */
  id: string;
  docId: string;
  paragraph: number;
  index: number;
  /** Offsets in the paragraph's text. */
  start: number;
  end: number;
  text: string;
}

export type TermKind =
  'organization' | 'mechanism' | 'initiative' | 'document' | 'event' | 'person' | 'place' | 'concept';

export const TERM_KINDS: readonly TermKind[] = [
  'organization',
  'mechanism',
  'initiative',
  'document',
  'event',
  'person',
  'place',
  'concept',
];

/** A dated moment of an entry, for the timeline. */
export interface TermDate {
  date: string;
  en: string;
  zh: string;
  es?: string;
}

/** A compiled glossary entry. */
export interface Term {
  id: string;
  kind: TermKind;
  en: { name: string; aliases: string[] };
  zh: { name: string; aliases: string[]; traditional: string[]; pinyin: string; aliasPinyin: string[] };
  es: { name: string; aliases: string[] };
  definition: { en: string; zh: string; es?: string };
  related: string[];
  dates: TermDate[];
  excludeContexts: string[];
  review: string | null;
  noCorpusMention: string | null;
  /** Number of mentions in the corpus. */
  mentionCount: number;
}

/** A mention of a term in a corpus passage, ranked for the card (0 = best). */
export interface Mention {
  id: string;
  termId: string;
  docId: string;
  passageId: string;
  /** Offsets in the passage's text. */
  start: number;
  end: number;
  rank: number;
}

/** The whole compiled bundle. */
export interface Bundle {
  schemaVersion: number;
  /** SHA-256 of the content (everything but this field), hex. */
  hash: string;
  documents: CorpusDocument[];
  passages: Passage[];
  terms: Term[];
  mentions: Mention[];
}
