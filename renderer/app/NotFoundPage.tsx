import { useTranslation } from 'react-i18next';
import { hrefFor } from './routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageNotFound'));
  return (
    <>
      <h1>{t('app.pageNotFound')}</h1>
      <p>
        <a href={hrefFor({ name: 'sites' })}>{t('app.toSites')}</a>
      </p>
    </>
  );
}
