import { afterEach, describe, expect, it } from 'vitest';
import { TermList } from '@/components/glossary/TermList';
import { SourceList } from '@/components/sources/SourceList';
import { SourceReader } from '@/components/sources/SourceReader';
import { makeDocument, makeTerm, mount, unmountAll } from './helpers';

afterEach(unmountAll);

describe('SourceList', () => {
  it('shows title, author, date and source, linking to the reader', () => {
    const doc = { ...makeDocument('abc'), publisher: 'Xinhua', section: 'World' };
    const el = mount(<SourceList documents={[doc]} />);
    const link = el.querySelector<HTMLAnchorElement>('a.card-title')!;
    expect(link.textContent).toBe('Document abc');
    expect(link.getAttribute('href')).toBe('#/source/abc');
    expect(el.querySelector('.author')!.textContent).toBe('Ana Autora');
    expect(el.querySelector('time')!.textContent).toBe('January 2, 2020');
    expect(el.querySelector('.source')!.textContent).toBe('Xinhua — World');
  });

  it('says when the author is not named and shows approximate dates', () => {
    const doc = { ...makeDocument('x'), author: null, date: null, dateApprox: '2021-12' };
    const el = mount(<SourceList documents={[doc]} />);
    expect(el.querySelector('.author')!.textContent).toBe('Author not named');
    expect(el.querySelector('time')!.textContent).toBe('c. December 2021');
  });
});

describe('SourceReader', () => {
  it('renders text as text, never as HTML', () => {
    const doc = makeDocument('x', '<img src=x onerror=alert(1)>');
    doc.paragraphs = [{ index: 0, kind: 'text', text: '<script>alert(1)</script> & more', sourceStart: 0 }];
    const el = mount(<SourceReader doc={doc} />);
    expect(el.querySelector('img, script')).toBeNull();
    expect(el.querySelector('h2')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.querySelector('article > p:last-child')!.textContent).toBe('<script>alert(1)</script> & more');
  });

  it('shows headings and notes distinctly', () => {
    const doc = makeDocument('x');
    doc.paragraphs = [
      { index: 0, kind: 'heading', text: 'I. Part one', sourceStart: 0 },
      { index: 1, kind: 'text', text: 'Body.', sourceStart: 12 },
      { index: 2, kind: 'note', text: '(The author is someone)', sourceStart: 20 },
    ];
    const el = mount(<SourceReader doc={doc} />);
    expect(el.querySelector('h3')!.textContent).toBe('I. Part one');
    expect(el.querySelector('p.note:last-child')!.textContent).toBe('(The author is someone)');
    expect(el.querySelector('article')!.getAttribute('aria-labelledby')).toBe('reader-title');
  });
});

describe('TermList', () => {
  it('lists entries in three languages with their kind', () => {
    const el = mount(<TermList terms={[makeTerm('celac')]} />);
    const item = el.querySelector('[data-term-id="celac"]')!;
    expect(item.querySelector('.term-en')!.textContent).toBe('Name celac');
    expect(item.querySelector('.term-zh')!.textContent).toBe('拉共体 lā gòng tǐ');
    expect(item.querySelector('.term-es')!.textContent).toBe('Nombre celac');
    expect(item.querySelector('.kind')!.textContent).toBe('Organization');
  });
});
