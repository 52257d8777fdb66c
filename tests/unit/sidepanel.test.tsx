import { afterEach, describe, expect, it } from 'vitest';
import { EntryPage } from '@/components/glossary/EntryPage';
import { TermList } from '@/components/glossary/TermList';
import { NoteList } from '@/components/notes/NoteList';
import { SourceReader } from '@/components/sources/SourceReader';
import { Timeline } from '@/components/timeline/Timeline';
import { GlossaryIndex, emphasise, fold, pinyinKeys, sortTerms, tokenize } from '@/lib/search/glossary-index';
import { byYear, shortDate, timelinePoints } from '@/lib/timeline';
import { parseRoute, routeHash } from '@/lib/ui/router';
import { makeDocument, makeNote, makeTerm, mount, unmountAll } from './helpers';

const celac = {
  ...makeTerm('celac'),
  en: { name: 'Community of Latin American and Caribbean States', aliases: ['CELAC'] },
  zh: {
    name: '拉丁美洲和加勒比国家共同体',
    aliases: ['拉共体'],
    traditional: ['拉共體'],
    pinyin: 'lā dīng měi zhōu',
    aliasPinyin: ['lā gòng tǐ'],
  },
  es: { name: 'Comunidad de Estados Latinoamericanos y Caribeños', aliases: [] },
  dates: [{ date: '2011-12-03', en: 'Founded in Caracas', zh: '成立' }],
};
const mexico = {
  ...makeTerm('mexico'),
  kind: 'place' as const,
  en: { name: 'Mexico', aliases: [] },
  zh: { name: '墨西哥', aliases: [], traditional: [], pinyin: 'mò xī gē', aliasPinyin: [] },
  es: { name: 'México', aliases: [] },
  dates: [{ date: '2021-09', en: 'Hosts the Sixth CELAC Summit', zh: '主办' }],
};
const terms = [celac, mexico];

afterEach(unmountAll);

describe('glossary search', () => {
  const index = new GlossaryIndex(terms);
  const ids = (q: string) => index.search(q).map((h) => h.id);

  it('finds entries by English, Spanish with or without accents, Chinese and pinyin', () => {
    expect(ids('CELAC')[0]).toBe('celac');
    expect(ids('caribenos')[0]).toBe('celac');
    expect(ids('mexico')[0]).toBe('mexico');
    expect(ids('méxico')[0]).toBe('mexico');
    expect(ids('拉共')[0]).toBe('celac');
    expect(ids('拉共體')[0]).toBe('celac');
    expect(ids('lagongti')[0]).toBe('celac');
    expect(ids('la gong ti')[0]).toBe('celac');
    expect(ids('mòxīgē')[0]).toBe('mexico');
    expect(ids('')).toEqual([]);
  });

  it('forgives a typo and filters by kind', () => {
    expect(ids('Comunidat')[0]).toBe('celac');
    expect(index.search('CELAC', 'place')).toEqual([]);
  });

  it('tokenises Chinese into characters and pairs, folds accents and tones', () => {
    expect(tokenize('拉共体 CELAC')).toEqual(['拉', '共', '体', '拉共', '共体', 'CELAC']);
    expect(fold('Lā Gòng Tǐ México')).toBe('la gong ti mexico');
    expect(pinyinKeys('lā gòng tǐ').split(' ')).toContain('lagongti');
  });

  it('emphasises matched parts, accent-insensitively', () => {
    expect(emphasise('México y CELAC', ['mexico'])).toEqual([
      { text: 'México', hit: true },
      { text: ' y CELAC', hit: false },
    ]);
  });

  it('sorts A–Z, or by pinyin for Chinese, ignoring leading quotes', () => {
    expect(sortTerms(terms, 'en').map((t) => t.id)).toEqual(['celac', 'mexico']);
    expect(sortTerms(terms, 'zh').map((t) => t.id)).toEqual(['celac', 'mexico']);
    const quoted = { ...mexico, id: 'q', zh: { ...mexico.zh, name: '“一带一路”倡议' } };
    expect(sortTerms([quoted, celac], 'zh').map((t) => t.id)).toEqual(['celac', 'q']);
  });
});

describe('timeline', () => {
  it('orders dated moments and groups them by year', () => {
    const points = timelinePoints(terms);
    expect(points.map((p) => p.date)).toEqual(['2011-12-03', '2021-09']);
    expect(byYear(points).map((g) => g.year)).toEqual([2011, 2021]);
    expect(timelinePoints(terms, ['place'])).toHaveLength(1);
    expect(timelinePoints(terms, undefined, 2015)).toHaveLength(1);
    expect(shortDate('2011-12-03')).toBe('Dec 3');
    expect(shortDate('2021-09')).toBe('Sep');
    expect(shortDate('2021')).toBe('');
  });

  it('draws points that link to their entries', () => {
    const el = mount(<Timeline points={timelinePoints(terms)} />);
    expect([...el.querySelectorAll('.year-label')].map((y) => y.textContent)).toEqual(['2011', '2021']);
    expect(el.querySelector('.event a')!.getAttribute('href')).toBe('#/entry/celac');
    expect(el.querySelectorAll('.overview .bar')).toHaveLength(2);
  });
});

describe('router', () => {
  it('parses and builds deep links', () => {
    expect(parseRoute('#/entry/celac')).toEqual({ view: 'entry', id: 'celac' });
    expect(parseRoute('#/source/abc/4')).toEqual({ view: 'source', id: 'abc', at: 4 });
    expect(parseRoute('#/source/abc/x')).toEqual({ view: 'source', id: 'abc' });
    expect(parseRoute('#/notes')).toEqual({ view: 'notes' });
    expect(parseRoute('#/nonsense')).toEqual({ view: 'page' });
    expect(parseRoute('')).toEqual({ view: 'page' });
    expect(routeHash({ view: 'source', id: 'abc', at: 4 })).toBe('#/source/abc/4');
    expect(routeHash({ view: 'entry', id: 'a b' })).toBe('#/entry/a%20b');
  });
});

describe('side panel components', () => {
  it('shows an alias that matched when no shown name did', () => {
    const el = mount(<TermList terms={[celac]} emphasis={['celac']} />);
    expect(el.querySelector('.term-alias mark')!.textContent).toBe('CELAC');
  });

  it('marks terms in the reader as links to their entries', () => {
    const doc = makeDocument('d');
    const marks = new Map([
      [0, [{ start: 4, end: 12, termId: 'celac', kind: 'organization' as const, name: 'CELAC' }]],
    ]);
    const el = mount(<SourceReader doc={doc} marks={marks} />);
    const link = el.querySelector('a.term-mark')!;
    expect(link.textContent).toBe('sentence');
    expect(link.getAttribute('href')).toBe('#/entry/celac');
  });

  it('renders an entry page with related links, excerpts and notes as text', () => {
    const el = mount(
      <EntryPage
        data={{
          term: { ...celac, related: ['mexico'] },
          related: [{ id: 'mexico', kind: 'place', en: mexico.en, zh: mexico.zh, es: mexico.es }],
          sources: [
            {
              doc: makeDocument('d'),
              passages: [{ id: 'd:0:0', paragraph: 0, text: 'The CELAC met.', marks: [[4, 9]] }],
            },
          ],
          notes: [{ ...makeNote('n'), text: '<b>bold?</b>' }],
        }}
      />,
    );
    expect(el.querySelector('.related a')!.getAttribute('href')).toBe('#/entry/mexico');
    expect(el.querySelector('.excerpts mark')!.textContent).toBe('CELAC');
    expect(el.querySelector('.in-place')!.getAttribute('href')).toBe('#/source/d/0');
    expect(el.querySelector('.note-item b')).toBeNull();
    expect(el.querySelector('.note-item')!.textContent).toContain('<b>bold?</b>');
  });

  it('lists notes with their entry and page', () => {
    const el = mount(<NoteList notes={[makeNote('n1')]} termNames={new Map([['celac', 'CELAC']])} />);
    const links = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#/entry/celac', 'https://news.example/a']);
    expect(mount(<NoteList notes={[]} termNames={new Map()} />).textContent).toMatch(/No notes yet/);
  });
});
