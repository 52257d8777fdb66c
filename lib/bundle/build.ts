/**
 * Assembles the bundle from source files (build time). Pure: reads nothing from disk, so it
 * is unit-tested with the real assets and with small broken fixtures alike.
 */
import { parse } from 'yaml';
import type { Bundle, CorpusDocument, Term } from './types';
import { BUNDLE_SCHEMA_VERSION, TERM_KINDS } from './types';
import { compileDocument, passagesOf, type DocumentMetadata } from '../corpus/compile';
import { compileGlossary, GlossaryError, type GlossaryFile } from '../glossary/compile';
import { linkCorpus } from '../glossary/link';

/** Source files of the bundle. */
export interface BundleSources {
  corpus: { name: string; text: string }[];
  corpusMetadata: string;
  glossary: GlossaryFile[];
}

/** What the build prints and writes next to the bundle. */
export interface BuildReport {
  documents: {
    id: string;
    title: string;
    paragraphs: number;
    passages: number;
    removed: number;
    entries: number;
  }[];
  entries: number;
  perKind: Record<string, number>;
  perLanguage: { en: number; zh: number; es: number; traditional: number };
  mentions: number;
  mentionsPerEntry: Record<string, number>;
  withoutExcerpts: { id: string; reason: string }[];
  review: { id: string; note: string }[];
  mixedScript: { doc: string; text: string; script: string; readAs: string | null }[];
}

/** Builds the bundle (without its hash) and the report; throws on invalid data. */
export function buildBundle(src: BundleSources): { bundle: Omit<Bundle, 'hash'>; report: BuildReport } {
  const metas = (parse(src.corpusMetadata) ?? []) as DocumentMetadata[];
  const documents: CorpusDocument[] = [...src.corpus]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) =>
      compileDocument(
        f.name,
        f.text,
        metas.find((m) => m.file === f.name),
      ),
    );
  for (const m of metas) {
    if (!src.corpus.some((f) => f.name === m.file)) throw new Error(`metadata for unknown file ${m.file}`);
  }
  const passages = documents.flatMap((d) => passagesOf(d));
  const terms: Term[] = src.glossary.length > 0 ? compileGlossary(src.glossary) : [];
  const mentions = linkCorpus(terms, documents, passages);
  const problems = terms
    .filter((t) => t.mentionCount === 0 && !t.noCorpusMention)
    .map((t) => `${t.id}: never mentioned in the corpus and no noCorpusMention reason given`);
  if (problems.length > 0) throw new GlossaryError(problems);

  const perKind = Object.fromEntries(TERM_KINDS.map((k) => [k, terms.filter((t) => t.kind === k).length]));
  const count = (f: (t: Term) => number) => terms.reduce((n, t) => n + f(t), 0);
  const report: BuildReport = {
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      paragraphs: d.paragraphs.length,
      passages: passages.filter((p) => p.docId === d.id).length,
      removed: d.removed.filter((r) => !r.reason.startsWith('metadata')).length,
      entries: new Set(mentions.filter((m) => m.docId === d.id).map((m) => m.termId)).size,
    })),
    entries: terms.length,
    perKind,
    perLanguage: {
      en: count((t) => 1 + t.en.aliases.length),
      zh: count((t) => 1 + t.zh.aliases.length),
      es: count((t) => 1 + t.es.aliases.length),
      traditional: count((t) => t.zh.traditional.length),
    },
    mentions: mentions.length,
    mentionsPerEntry: Object.fromEntries(terms.map((t) => [t.id, t.mentionCount])),
    withoutExcerpts: terms
      .filter((t) => t.mentionCount === 0)
      .map((t) => ({ id: t.id, reason: t.noCorpusMention ?? '' })),
    review: terms.filter((t) => t.review).map((t) => ({ id: t.id, note: t.review! })),
    mixedScript: documents.flatMap((d) =>
      d.artefacts.map((a) => ({ doc: d.id, text: a.text, script: a.script, readAs: a.readAs })),
    ),
  };
  return {
    bundle: { schemaVersion: BUNDLE_SCHEMA_VERSION, documents, passages, terms, mentions },
    report,
  };
}
