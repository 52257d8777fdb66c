import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { useT } from '@/lib/i18n/context';
import type { MessageKey } from '@/lib/i18n/translator';

// The manifest's descriptions follow the browser's language; these follow Puente's setting.
const COMMAND_LABEL: Record<string, MessageKey> = {
  'next-mention': 'commands.nextMention',
  'previous-mention': 'commands.previousMention',
  'save-selection': 'commands.saveSelection',
};

/** The keyboard shortcuts as the browser has them now, and where to change them. */
export function ShortcutsSection() {
  const { t } = useT();
  const [commands, setCommands] = useState<Browser.commands.Command[] | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands);
  }, []);
  const chromium = import.meta.env.BROWSER !== 'firefox';
  return (
    <section class="panel" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('options.shortcuts.title')}</h2>
      <table class="shortcuts">
        <tbody>
          {(commands ?? [])
            .filter((c) => c.name && COMMAND_LABEL[c.name])
            .map((c) => (
              <tr key={c.name} data-command={c.name}>
                <td>{t(COMMAND_LABEL[c.name!]!)}</td>
                <td>
                  {c.shortcut ? (
                    <kbd>{c.shortcut}</kbd>
                  ) : (
                    <span class="hint">{t('options.shortcuts.none')}</span>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {chromium ? (
        <p class="hint">
          {t('options.shortcuts.howChromium')}{' '}
          <button
            type="button"
            class="link"
            onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
          >
            {t('options.shortcuts.open')}
          </button>
        </p>
      ) : (
        <p class="hint">{t('options.shortcuts.howFirefox')}</p>
      )}
    </section>
  );
}
