/** The interface's translator for Preact components, given by the page's root. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TermKind } from '../bundle/types';
import { createTranslator, type MessageKey, type Translator } from './translator';

// Without a provider every key shows as itself, so a forgotten provider is seen at once.
export const I18nContext = createContext<Translator>(createTranslator('en', {}));

/** The translator of the nearest provider. */
export function useT(): Translator {
  return useContext(I18nContext);
}

/** The label of each kind, singular (cards, entry pages). */
export const KIND_NAME: Record<TermKind, MessageKey> = {
  organization: 'kind.organization',
  mechanism: 'kind.mechanism',
  initiative: 'kind.initiative',
  document: 'kind.document',
  event: 'kind.event',
  person: 'kind.person',
  place: 'kind.place',
  concept: 'kind.concept',
};

/** The label of each kind, plural (filters, options). */
export const KIND_GROUP: Record<TermKind, MessageKey> = {
  organization: 'kinds.organization',
  mechanism: 'kinds.mechanism',
  initiative: 'kinds.initiative',
  document: 'kinds.document',
  event: 'kinds.event',
  person: 'kinds.person',
  place: 'kinds.place',
  concept: 'kinds.concept',
};

// i18n-ignore: languages are named in their own language in every interface language.
export const LANGUAGE_NAME = { en: 'English', zh: '中文', es: 'Español' } as const;
