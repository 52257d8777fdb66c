import { useEffect, useState } from 'preact/hooks';
import { NotesTransfer } from '@/components/notes/NotesTransfer';
import type { PuenteDB } from '@/lib/db/database';
import { listNotes } from '@/lib/db/notes';
import { useT } from '@/lib/i18n/context';
import { pick } from '@/lib/i18n/pick';
import { resetSettings } from '@/lib/settings';
import { useLiveQuery } from '@/lib/ui/useLiveQuery';

/** Storage used, in the interface's language: "2.4 MB". */
function formatBytes(bytes: number, tag: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Notes export and import, storage used, and putting the settings back to their defaults. */
export function DataSection({ db }: { db: PuenteDB }) {
  const { t, plural, tag, lang } = useT();
  const { value } = useLiveQuery(async () => {
    const [notes, terms] = await Promise.all([listNotes(db), db.terms.toArray()]);
    return {
      notes,
      names: new Map(terms.map((x) => [x.id, pick({ en: x.en.name, zh: x.zh.name, es: x.es.name }, lang)])),
    };
  }, [db, lang]);
  const [usage, setUsage] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reset, setReset] = useState(false);
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setUsage(e.usage ?? null));
  }, [value?.notes.length]);
  return (
    <section class="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('options.data.title')}</h2>
      <p class="storage" role="status">
        {value ? plural('notes.count', value.notes.length) : t('common.loading')}
        {usage !== null && ` · ${t('options.data.storage', { size: formatBytes(usage, tag) })}`}
      </p>
      <p class="hint">{t('options.data.kept')}</p>
      {value && <NotesTransfer db={db} notes={value.notes} names={value.names} />}
      <h3>{t('options.data.resetTitle')}</h3>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-label={t('options.data.resetTitle')}>
          <p>{t('options.data.resetConfirm')}</p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() =>
                void resetSettings().then(() => {
                  setConfirming(false);
                  setReset(true);
                })
              }
            >
              {t('options.data.resetYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => (setReset(false), setConfirming(true))}>
          {t('options.data.reset')}
        </button>
      )}
      {reset && (
        <p class="status" role="status">
          {t('options.data.resetDone')}
        </p>
      )}
    </section>
  );
}
