import { useState } from 'preact/hooks';
import type { PuenteDB } from '@/lib/db/database';
import { applyImport } from '@/lib/db/notes';
import type { Note } from '@/lib/db/types';
import { useT } from '@/lib/i18n/context';
import {
  exportJson,
  exportMarkdown,
  importErrorText,
  parseImport,
  planImport,
  type ImportPlan,
} from '@/lib/notes/transfer';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export (JSON to re-import, Markdown to read) and import of notes. Import reads and checks the
 * whole file first, says what it will add, update and skip, and writes only when confirmed.
 */
export function NotesTransfer({
  db,
  notes,
  names,
}: {
  db: PuenteDB;
  notes: readonly Note[];
  names: ReadonlyMap<string, string>;
}) {
  const i18n = useT();
  const { t } = i18n;
  const [pending, setPending] = useState<ImportPlan | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const stamp = new Date().toISOString().slice(0, 10);
  const exportAs = (kind: 'json' | 'md-entry' | 'md-page') => {
    // i18n-ignore: file names stay the same in every language.
    if (kind === 'json') return download(`puente-notes-${stamp}.json`, 'application/json', exportJson(notes));
    const labels = { title: t('export.title'), noEntry: t('export.noEntry'), noPage: t('export.noPage') };
    const text = exportMarkdown(notes, kind === 'md-entry' ? 'entry' : 'page', (id) => names.get(id), labels);
    // i18n-ignore: file names stay the same in every language.
    download(`puente-notes-${stamp}.md`, 'text/markdown', text);
  };
  const refuse = (reason: string) => {
    setPending(null);
    setMessage({ text: t('import.nothingImported', { reason }), error: true });
  };
  const readFile = (file: File) =>
    file.text().then(
      (text) => {
        const parsed = parseImport(text);
        if (!parsed.ok) return refuse(importErrorText(parsed.error, i18n));
        setMessage(null);
        setPending(planImport(parsed.notes, new Map(notes.map((n) => [n.id, n]))));
      },
      () => refuse(t('import.unreadable')),
    );
  return (
    <div class="notes-transfer">
      <div class="transfer-menu">
        <button type="button" onClick={() => exportAs('json')}>
          {t('export.json')}
        </button>
        <button type="button" onClick={() => exportAs('md-entry')}>
          {t('export.markdownByEntry')}
        </button>
        <button type="button" onClick={() => exportAs('md-page')}>
          {t('export.markdownByPage')}
        </button>
        <label class="import">
          <span>{t('import.choose')}</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {pending && (
        <div class="import-plan" role="dialog" aria-label={t('import.title')}>
          <p>
            {t('import.plan', {
              add: i18n.number(pending.add.length),
              update: i18n.number(pending.update.length),
              skip: i18n.number(pending.skip.length),
            })}{' '}
            {t('import.noneDeleted')}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                const plan = pending;
                applyImport(db, plan).then(
                  () => {
                    setPending(null);
                    setMessage({
                      text: t('import.done', {
                        added: i18n.number(plan.add.length),
                        updated: i18n.number(plan.update.length),
                      }),
                    });
                  },
                  (e: Error) => refuse(e.message),
                );
              }}
            >
              {t('import.confirm')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class={`status${message.error ? ' error' : ''}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
