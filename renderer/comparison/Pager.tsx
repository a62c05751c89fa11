import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/use-format.ts';
import { formatCount } from './comparison-format.ts';
import type { Paged } from './use-paged.ts';

/** Previous / next for a long list, with where you are ("Rivit 1–25 / 500"); nothing when one page holds all. */
export function Pager<T>({ paged, title }: { paged: Paged<T>; title: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (paged.pages <= 1) return null;
  return (
    <nav className="comparison-pager" aria-label={t('comparison.pager.label', { title })}>
      <button type="button" onClick={() => paged.setPage(paged.page - 1)} disabled={paged.page === 0}>
        {t('comparison.pager.previous')}
      </button>
      <span aria-live="polite">
        {t('comparison.pager.status', { from: formatCount(paged.from, language), to: formatCount(paged.to, language), total: formatCount(paged.total, language) })}
      </span>
      <button type="button" onClick={() => paged.setPage(paged.page + 1)} disabled={paged.page >= paged.pages - 1}>
        {t('comparison.pager.next')}
      </button>
    </nav>
  );
}
