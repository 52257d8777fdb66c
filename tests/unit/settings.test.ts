import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createContextMenus, LOOK_UP, SAVE_NOTE } from '@/lib/background/context-menu';
import { contentStrings } from '@/lib/background/interface';
import {
  ALL_SETTINGS,
  allowedSites,
  appearanceCss,
  colourOf,
  DEFAULT_COLOURS,
  disabledSites,
  highlightStyle,
  isActiveOn,
  normaliseSites,
  resetSettings,
  setSiteEnabled,
  siteFromInput,
  siteMode,
  uiLanguage,
} from '@/lib/settings';
import { messageTable, translator } from './locales';

beforeEach(() => fakeBrowser.reset());

describe('sites', () => {
  it('reads a site from what a person types', () => {
    expect(siteFromInput('  www.ElPais.com ')).toBe('elpais.com');
    expect(siteFromInput('https://www.xinhuanet.com/english/2021/a.htm')).toBe('xinhuanet.com');
    expect(siteFromInput('localhost:8080')).toBe('localhost');
    expect(siteFromInput('file')).toBe('file');
    expect(siteFromInput('not a site!')).toBeNull();
    expect(siteFromInput('javascript:alert(1)')).toBeNull();
    expect(siteFromInput('')).toBeNull();
  });

  it('keeps the lists normalised: lower case, no www., unique, sorted', () => {
    expect(normaliseSites(['B.com', 'www.a.com', 'a.com', ' ', 'b.com'])).toEqual(['a.com', 'b.com']);
  });

  it('turns sites off everywhere-mode, and on in allow-list mode', async () => {
    expect(await isActiveOn('https://elpais.com/a')).toBe(true);
    await setSiteEnabled('elpais.com', false);
    expect(await disabledSites.getValue()).toEqual(['elpais.com']);
    expect(await isActiveOn('https://www.elpais.com/a')).toBe(false);
    await siteMode.setValue('allow-list');
    expect(await isActiveOn('https://clarin.com/')).toBe(false);
    await setSiteEnabled('clarin.com', true);
    expect(await allowedSites.getValue()).toEqual(['clarin.com']);
    expect(await isActiveOn('https://clarin.com/')).toBe(true);
    expect(await isActiveOn('chrome://settings')).toBe(false);
  });

  it('migrates the version 1 list of disabled sites to normalised site keys', async () => {
    await fakeBrowser.storage.local.set({
      disabledSites: ['WWW.Example.com', 'example.com', 'b.org'],
      disabledSites$: { v: 1 },
    });
    // Items migrate when first defined; this runs it again over the old value.
    await disabledSites.migrate();
    expect(await disabledSites.getValue()).toEqual(['b.org', 'example.com']);
  });
});

describe('appearance', () => {
  it('writes one rule per kind for highlights and for the fallback marks', () => {
    const css = appearanceCss('underline', { person: '#112233' });
    expect(css).toContain(
      '::highlight(puente-person) { background-color: transparent !important; text-decoration: underline 2px #112233cc !important; }',
    );
    expect(css).toContain("mark[data-puente-mark='person']");
    expect(appearanceCss('none', {})).not.toContain('underline 2px');
    expect(appearanceCss('background', {})).toContain(`background-color: ${DEFAULT_COLOURS.place}29`);
  });

  it('puts a scope before every ::highlight() rule, and only there', () => {
    const css = appearanceCss('both', {}, ':root');
    const selectors = css.split('\n').map((rule) => rule.slice(0, rule.indexOf(' {')));
    const highlights = selectors.filter((s) => s.includes('::highlight('));
    expect(highlights).toHaveLength(Object.keys(DEFAULT_COLOURS).length + 1);
    for (const s of highlights) expect(s).toMatch(/^:root::highlight\(puente-[a-z]+\)$/);
    for (const s of selectors.filter((s) => !s.includes('::highlight('))) expect(s).toMatch(/^mark\[/);
    expect(appearanceCss('both', {})).not.toContain(':root');
  });

  it("matches the manifest's style sheet with the default settings (pages then adopt no sheet)", () => {
    const manifestCss = readFileSync(resolve(__dirname, '../../components/page/highlights.css'), 'utf8');
    const declared = (css: string, kind: string) => {
      const at = css.indexOf(`::highlight(puente-${kind})`);
      const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
      return body
        .split(';')
        .map((d) => d.replace('!important', '').replace(/\s+/g, ' ').trim())
        .filter(Boolean);
    };
    for (const kind of Object.keys(DEFAULT_COLOURS)) {
      expect(declared(manifestCss, kind)).toEqual(declared(appearanceCss('both', {}), kind));
      expect(manifestCss).toContain(`mark[data-puente-mark='${kind}']`);
    }
  });

  it('ignores a colour that is not #rrggbb (settings are data from storage)', () => {
    expect(colourOf('place', { place: 'red;} body{display:none' })).toBe(DEFAULT_COLOURS.place);
  });

  it('resets every setting and nothing else', async () => {
    await highlightStyle.setValue('none');
    await uiLanguage.setValue('zh');
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await resetSettings();
    expect(await highlightStyle.getValue()).toBe('both');
    expect(await uiLanguage.getValue()).toBe('auto');
    expect(await fakeBrowser.storage.local.get('unrelated')).toEqual({ unrelated: 1 });
    expect(ALL_SETTINGS.length).toBe(11);
  });
});

describe('the background’s interface', () => {
  it('titles the context menu in the interface language', () => {
    const created: { id?: string; title?: string }[] = [];
    vi.spyOn(browser.contextMenus, 'removeAll').mockImplementation((done: () => void) => done());
    vi.spyOn(browser.contextMenus, 'create').mockImplementation((item: { id?: string; title?: string }) => {
      created.push(item);
      return item.id!;
    });
    createContextMenus(translator('es'));
    expect(created).toEqual([
      expect.objectContaining({ id: SAVE_NOTE, title: 'Guardar nota con Puente' }),
      expect.objectContaining({ id: LOOK_UP, title: 'Buscar «%s» en Puente' }),
    ]);
  });

  it('gives content scripts only the strings pages show', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(new Response(JSON.stringify(messageTable(url.includes('zh_CN') ? 'zh' : 'en')))),
      ),
    );
    const table = await contentStrings('zh');
    expect(table['card_saveNote']?.message).toBe('保存笔记');
    expect(table['kind_place']?.message).toBe('地点');
    expect(Object.keys(table).some((k) => k.startsWith('options_'))).toBe(false);
    vi.unstubAllGlobals();
  });
});
