import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { hrefFor } from './routes.ts';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="app-name" href={hrefFor({ name: 'sites' })}>
        {t('app.name')}
      </a>
      <a className="app-header__link" href={hrefFor({ name: 'compare' })}>
        {t('comparison.headerLink')}
      </a>
      <a className="app-header__link" href={hrefFor({ name: 'exchange' })}>
        {t('exchange.headerLink')}
      </a>
      <a className="app-header__link" href={hrefFor({ name: 'verify' })}>
        {t('reports.headerVerifyLink')}
      </a>
      <a className="app-header__link" href={hrefFor({ name: 'settings' })}>
        {t('settings.headerLink')}
      </a>
      <LanguageSwitcher />
    </header>
  );
}
