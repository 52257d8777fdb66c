/**
 * The root of an extension page: follows the UI language setting, loads its messages and gives
 * them to the components below; sets the document's `lang` so fonts and screen readers follow.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../settings';
import { useStorageItem } from '../ui/useStorageItem';
import { I18nContext } from './context';
import { resolveUiLanguage } from './languages';
import { loadTranslator } from './load';
import type { Translator } from './translator';

/** Renders its children once the interface language's messages are loaded. */
export function I18nRoot({
  children,
  title,
}: {
  children: ComponentChildren;
  title?: (t: Translator) => string;
}) {
  const [setting] = useStorageItem(uiLanguage);
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    if (setting === undefined) return;
    let live = true;
    void loadTranslator(resolveUiLanguage(setting, browser.i18n.getUILanguage())).then((t) => {
      if (!live) return;
      document.documentElement.lang = t.tag;
      if (title) document.title = title(t);
      setTranslator(t);
    });
    return () => {
      live = false;
    };
  }, [setting]);
  return translator ? <I18nContext.Provider value={translator}>{children}</I18nContext.Provider> : null;
}
