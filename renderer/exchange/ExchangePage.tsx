import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import './exchange.css';

/** Review bundles between organisations (#/exchange): export signed bundles, check and import received ones. */
export function ExchangePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('exchange.title'));
  return (
    <div className="exchange-page">
      <h1>{t('exchange.title')}</h1>
      <p className="intro">{t('exchange.intro')}</p>
      <ImportSection />
      <ExportSection />
    </div>
  );
}
