/**
 * Glossary compiler (build time): parses the YAML entries, validates them against the rules
 * in docs/GLOSSARY.md, and fills in traditional Chinese forms (opencc-js) and pinyin
 * (pinyin-pro). Collects every problem before failing, so one run shows them all.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import * as v from 'valibot';
import { parse } from 'yaml';
import type { Term } from '../bundle/types';
import { isHanText } from '../match/boundaries';
import { buildMatcher, formsOf } from '../match/forms';
import { normalizeForm } from '../text/normalize';
import {
  GENERIC_CHINESE,
  ORDINARY_WORDS,
  TRAP_TEXT,
  badPinyinSyllables,
  isAcronym,
  isLatinForm,
} from './rules';
import { RawEntrySchema, type RawEntry } from './schema';

/** A glossary source file. */
export interface GlossaryFile {
  name: string;
  text: string;
}

/** Thrown with every problem found; the build prints them and stops. */
export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`The glossary has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'GlossaryError';
  }
}

const converters = ['t', 'tw', 'hk', 'twp'].map((to) => OpenCC.Converter({ from: 'cn', to: to }));

/** Traditional forms of a simplified Chinese form (Taiwan and Hong Kong variants included). */
export function traditionalForms(simplified: string): string[] {
  const out = new Set<string>();
  for (const convert of converters) {
    const t = convert(simplified);
    if (t !== simplified) out.add(t);
  }
  return [...out];
}

/** Pinyin with tone marks, one syllable per word, punctuation kept. */
export function pinyinOf(chinese: string): string {
  return pinyin(chinese, { toneType: 'symbol' }).replace(/\s+/g, ' ').trim();
}

/** Parses and validates all files; returns the entries (mention counts still zero). */
export function compileGlossary(files: readonly GlossaryFile[]): Term[] {
  const problems: string[] = [];
  const raw: RawEntry[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = parse(file.text);
    } catch (e) {
      problems.push(`${file.name}: not valid YAML: ${(e as Error).message}`);
      continue;
    }
    if (!Array.isArray(data)) {
      problems.push(`${file.name}: must be a list of entries`);
      continue;
    }
    data.forEach((item, i) => {
      const r = v.safeParse(RawEntrySchema, item);
      if (r.success) raw.push(r.output);
      else {
        const rawId = (item as { id?: unknown } | null)?.id;
        const id = typeof rawId === 'string' ? rawId : '';
        for (const issue of r.issues) {
          const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
          problems.push(`${file.name} #${i + 1}${id ? ` (${id})` : ''}: ${path} ${issue.message}`);
        }
      }
    });
  }

  const ids = new Set<string>();
  for (const e of raw) {
    if (ids.has(e.id)) problems.push(`${e.id}: duplicate id`);
    ids.add(e.id);
  }
  const terms = raw.map((e) => toTerm(e));
  const owner = new Map<string, string>();
  for (const t of terms) {
    for (const r of t.related) {
      if (!ids.has(r)) problems.push(`${t.id}: related entry "${r}" does not exist`);
      if (r === t.id) problems.push(`${t.id}: related to itself`);
    }
    if (t.zh.pinyin && badPinyinSyllables(t.zh.pinyin).length > 0) {
      problems.push(
        `${t.id}: invalid pinyin "${t.zh.pinyin}" (${badPinyinSyllables(t.zh.pinyin).join(', ')})`,
      );
    }
    for (const form of formsOf(t)) {
      problems.push(...checkForm(t.id, form));
      const key = isAcronym(form) ? `A:${normalizeForm(form).exact}` : normalizeForm(form).folded;
      const other = owner.get(key);
      if (other && other !== t.id) problems.push(`${t.id}: form "${form}" is also a form of ${other}`);
      owner.set(key, t.id);
    }
  }
  const trapHits = buildMatcher(terms).match(TRAP_TEXT);
  for (const m of trapHits) {
    problems.push(
      `${terms[m.entry]!.id}: matches inside ordinary text: "${TRAP_TEXT.slice(Math.max(0, m.start - 10), m.end + 10)}"`,
    );
  }
  if (problems.length > 0) throw new GlossaryError(problems);
  return terms.sort((a, b) => a.id.localeCompare(b.id));
}

/** The rules a single surface form must follow. */
export function checkForm(id: string, form: string): string[] {
  const problems: string[] = [];
  if (isHanText(form)) {
    const han = form.replace(/[^\p{Script=Han}]/gu, '');
    if (han.length < 2) problems.push(`${id}: Chinese form "${form}" is shorter than two characters`);
    if (GENERIC_CHINESE.has(form)) problems.push(`${id}: "${form}" is a generic Chinese word`);
  } else if (isLatinForm(form)) {
    const letters = form.replace(/[^\p{L}\p{N}]/gu, '');
    if (!isAcronym(form) && letters.length <= 3) {
      problems.push(`${id}: short form "${form}" must be written in capitals (an acronym)`);
    }
    if (!isAcronym(form) && ORDINARY_WORDS.has(normalizeForm(form).folded)) {
      problems.push(`${id}: "${form}" is an ordinary word`);
    }
  }
  return problems;
}

function toTerm(e: RawEntry): Term {
  const zhForms = [e.zh.name, ...e.zh.aliases];
  const traditional =
    e.zh.traditional ??
    [...new Set(zhForms.flatMap((f) => traditionalForms(f)))].filter((f) => !zhForms.includes(f));
  return {
    id: e.id,
    kind: e.kind,
    en: { name: e.en.name, aliases: dedupe(e.en.aliases, [e.en.name]) },
    zh: {
      name: e.zh.name,
      aliases: dedupe(e.zh.aliases, [e.zh.name]),
      traditional,
      pinyin: e.zh.pinyin ?? pinyinOf(e.zh.name),
      // For search only ("lagongti" finds 拉共体); readings of aliases are not shown.
      aliasPinyin: dedupe(e.zh.aliases, [e.zh.name]).map((a) => pinyinOf(a)),
    },
    es: { name: e.es.name, aliases: dedupe(e.es.aliases, [e.es.name]) },
    definition: e.definition,
    related: e.related,
    dates: e.dates,
    excludeContexts: e.excludeContexts,
    review: e.review ?? null,
    noCorpusMention: e.noCorpusMention ?? null,
    mentionCount: 0,
  };
}

function dedupe(list: readonly string[], without: readonly string[]): string[] {
  return [...new Set(list)].filter((f) => !without.includes(f));
}
