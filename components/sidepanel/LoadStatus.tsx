import { useT } from '@/lib/i18n/context';

/** "Loading…" while a query runs, or why it failed. */
export function LoadStatus({ error }: { error: Error | null }) {
  const { t } = useT();
  return error ? (
    <p class="status error" role="alert">
      {t('common.readFailed', { reason: error.message })}
    </p>
  ) : (
    <p class="status" role="status">
      {t('common.loading')}
    </p>
  );
}
