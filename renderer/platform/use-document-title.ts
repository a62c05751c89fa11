import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> – <app name>" in the UI language, so each window title and history entry says where you are. */
export function useDocumentTitle(page: string | null) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page, app }) : app;
  }, [page, app, t]);
}
