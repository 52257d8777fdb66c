import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HighlightSection } from '@/components/options/HighlightSection';
import { LanguageSection } from '@/components/options/LanguageSection';
import { SitesSection } from '@/components/options/SitesSection';
import { SiteSwitches } from '@/components/page-view/SiteSwitches';
import { PageTermList } from '@/components/page-view/PageTermList';
import { allowedSites, disabledSites, highlightStyle, markedKinds, uiLanguage } from '@/lib/settings';
import { mount, unmountAll } from './helpers';

beforeEach(() => fakeBrowser.reset());
afterEach(unmountAll);

/** Lets storage reads and Preact's re-render settle. */
const settle = () => new Promise((r) => setTimeout(r, 20));

function input(el: HTMLElement, selector: string): HTMLInputElement {
  const found = el.querySelector<HTMLInputElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

describe('options', () => {
  it('sets the interface language and shows each language by its own name', async () => {
    const el = mount(<LanguageSection />);
    await settle();
    expect(input(el, 'input[name="ui-language"][value="auto"]').checked).toBe(true);
    const labels = [...el.querySelectorAll('fieldset')[0]!.querySelectorAll('label')].map(
      (l) => l.textContent,
    );
    expect(labels).toEqual(['Same as the browser', 'English', '中文', 'Español']);
    input(el, 'input[name="ui-language"][value="zh"]').click();
    await settle();
    await expect.poll(() => uiLanguage.getValue()).toBe('zh');
  });

  it('changes the style and the kinds that are marked', async () => {
    const el = mount(<HighlightSection />);
    // Clicked only once the stored settings are shown (a loaded machine reads them late).
    await vi.waitFor(() => {
      expect(input(el, 'input[name="highlight-style"][value="both"]').checked).toBe(true);
      expect(input(el, '[data-kind="person"] input[type="checkbox"]').checked).toBe(true);
    });
    input(el, 'input[name="highlight-style"][value="none"]').click();
    input(el, '[data-kind="person"] input[type="checkbox"]').click();
    await expect.poll(() => highlightStyle.getValue()).toBe('none');
    await expect.poll(() => markedKinds.getValue()).not.toContain('person');
    expect((await markedKinds.getValue()).length).toBe(7);
  });

  it('adds and removes sites, in the list the mode uses, and refuses what is not a site', async () => {
    const el = mount(<SitesSection />);
    await settle();
    const field = input(el, '.add-site input');
    field.value = 'not a site!';
    field.dispatchEvent(new Event('input'));
    await settle();
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(el.querySelector('[role="alert"]')!.textContent).toContain('“not a site!” is not a site.');
    field.value = 'https://www.ElPais.com/america/';
    field.dispatchEvent(new Event('input'));
    await settle();
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    await expect.poll(() => disabledSites.getValue()).toEqual(['elpais.com']);
    expect(el.querySelector('[role="alert"]')).toBeNull();
    input(el, 'input[name="site-mode"][value="allow-list"]').click();
    await settle();
    expect(el.querySelector('#site-list-title')!.textContent).toBe('Sites where Puente is on');
    field.value = 'clarin.com';
    field.dispatchEvent(new Event('input'));
    await settle();
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    await expect.poll(() => allowedSites.getValue()).toEqual(['clarin.com']);
    el.querySelector<HTMLButtonElement>('.site-list button')!.click();
    await settle();
    await expect.poll(() => allowedSites.getValue()).toEqual([]);
    await expect.poll(() => disabledSites.getValue()).toEqual(['elpais.com']);
  });
});

describe('page switches and entries in each language', () => {
  it('names the site inside the sentence, as text', () => {
    const el = mount(
      <SiteSwitches site="<b>x</b>.com" siteOn everywhereOn setSite={() => {}} setEverywhere={() => {}} />,
      'es',
    );
    const label = el.querySelector('label')!;
    expect(label.textContent).toBe('Resaltar en <b>x</b>.com');
    expect(label.querySelector('b')).toBeNull();
  });

  it('leads with the interface language’s name', () => {
    const items = [
      {
        id: 'celac',
        kind: 'organization' as const,
        names: { en: 'CELAC', zh: '拉共体', es: 'la CELAC' },
        count: 3,
      },
    ];
    const zh = mount(<PageTermList items={items} onChoose={() => {}} />, 'zh');
    expect(zh.querySelector('.term-lead')!.textContent).toBe('拉共体');
    expect(zh.querySelector('.term-second')!.textContent).toBe('CELAC');
    expect(zh.querySelector('.count')!.getAttribute('aria-label')).toBe('3 处提及');
    const es = mount(<PageTermList items={items} onChoose={() => {}} />, 'es');
    expect(es.querySelector('.term-lead')!.textContent).toBe('la CELAC');
    expect(es.querySelector('.term-second')!.textContent).toBe('拉共体');
  });
});
