/** Small builders shared by unit tests. */
import { render, type ComponentChild } from 'preact';
import { I18nContext } from '@/lib/i18n/context';
import type { UiLanguage } from '@/lib/i18n/languages';
import { translator } from './locales';
import type { Bundle, CorpusDocument, Term } from '@/lib/bundle/types';
import type { Note } from '@/lib/db/types';
import type { PageEntry } from '@/lib/match/forms';

/** A minimal corpus document. */
export function makeDocument(id: string, title = `Document ${id}`): CorpusDocument {
  return {
    id,
    file: `000_${id}.txt`,
    title,
    author: 'Ana Autora',
    authorRole: null,
    publisher: null,
    section: null,
    editor: null,
    date: '2020-01-02',
    dateApprox: null,
    dateNote: null,
    language: 'en',
    paragraphs: [{ index: 0, kind: 'text', text: 'One sentence. Two sentences.', sourceStart: 0 }],
    removed: [],
    artefacts: [],
  };
}

/** A minimal glossary entry. */
export function makeTerm(id: string): Term {
  return {
    id,
    kind: 'organization',
    en: { name: `Name ${id}`, aliases: [] },
    zh: { name: '拉共体', aliases: [], traditional: [], pinyin: 'lā gòng tǐ', aliasPinyin: [] },
    es: { name: `Nombre ${id}`, aliases: [] },
    definition: { en: 'A body.', zh: '一个机构。' },
    related: [],
    dates: [],
    excludeContexts: [],
    review: null,
    noCorpusMention: null,
    mentionCount: 0,
  };
}

/** A bundle with the given documents and terms. */
export function makeBundle(hash: string, docIds: string[], termIds: string[] = []): Bundle {
  return {
    schemaVersion: 1,
    hash,
    documents: docIds.map((id) => makeDocument(id)),
    passages: docIds.map((id) => ({
      id: `${id}:0:0`,
      docId: id,
      paragraph: 0,
      index: 0,
      start: 0,
      end: 13,
      text: 'One sentence.',
    })),
    terms: termIds.map((id) => makeTerm(id)),
    mentions: [],
  };
}

/** A user's note. */
export function makeNote(id: string, text = 'My note'): Note {
  return {
    id,
    quote: { exact: 'CELAC', prefix: 'the ', suffix: ' Forum' },
    url: 'https://news.example/a',
    title: 'A page',
    termId: 'celac',
    text,
    tags: ['forum'],
    createdAt: 1,
    updatedAt: 1,
  };
}

/** Renders a component (in an interface language) into a fresh element; `unmountAll()` cleans up. */
const mounted: HTMLElement[] = [];
export function mount(node: ComponentChild, lang: UiLanguage = 'en'): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<I18nContext.Provider value={translator(lang)}>{node}</I18nContext.Provider>, root);
  mounted.push(root);
  return root;
}

/** Unmounts everything `mount` rendered. */
export function unmountAll(): void {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
}

/** Two glossary entries as the page matcher gets them: an organisation and the forum. */
export const CELAC_ENTRY: PageEntry = {
  id: 'celac',
  kind: 'organization',
  en: 'CELAC',
  zh: '拉共体',
  es: 'CELAC',
  pinyin: '',
  forms: ['CELAC', '拉共体'],
  exclude: [],
};
export const FORUM_ENTRY: PageEntry = {
  id: 'china-celac-forum',
  kind: 'mechanism',
  en: 'China–CELAC Forum',
  zh: '中拉论坛',
  es: 'Foro China-CELAC',
  pinyin: '',
  forms: ['China-CELAC Forum', '中拉论坛'],
  exclude: [],
};
