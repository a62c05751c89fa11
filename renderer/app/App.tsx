import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from './NotFoundPage.tsx';
import { SitePage } from '../sites/SitePage.tsx';
import { SitesPage } from '../sites/SitesPage.tsx';
import { NewReviewPage } from '../reviews/NewReviewPage.tsx';
import { ReviewEditorPage } from '../reviews/ReviewEditorPage.tsx';
import { ConsensusPage } from '../consensus/ConsensusPage.tsx';
import { VisitPlanPage } from '../visit-plan/VisitPlanPage.tsx';
import { ReportPage } from '../reports/ReportPage.tsx';
import { VerifyPage } from '../reports/VerifyPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { useHashRoute } from './routes.ts';
import { useSettingsLanguage } from './use-settings-language.ts';
import { ActionPlanPage } from '../action-plan/ActionPlanPage.tsx';
import { ComparisonPage } from '../comparison/ComparisonPage.tsx';
import { ExchangePage } from '../exchange/ExchangePage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { TrustedSignersPage } from '../trust/TrustedSignersPage.tsx';
import { LaptopsPage } from '../laptops/LaptopsPage.tsx';
import { ReviewComparisonPage } from '../review-comparison/ReviewComparisonPage.tsx';

export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  useSettingsLanguage();

  // After moving to another screen, start keyboard and screen-reader users at its content, not the page top.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [route]);

  return (
    <>
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          event.preventDefault(); // the hash is the route: focus the content instead of changing it
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main-content" ref={mainRef} tabIndex={-1}>
        {route.name === 'sites' && <SitesPage />}
        {route.name === 'site' && <SitePage key={route.siteId} siteId={route.siteId} />}
        {route.name === 'site-compare' && <ReviewComparisonPage key={route.siteId} siteId={route.siteId} />}
        {route.name === 'new-review' && <NewReviewPage key={route.siteId} siteId={route.siteId} />}
        {route.name === 'review' && <ReviewEditorPage key={route.reviewId} reviewId={route.reviewId} />}
        {route.name === 'consensus' && <ConsensusPage key={route.reviewId} reviewId={route.reviewId} />}
        {route.name === 'visit-plan' && <VisitPlanPage key={route.reviewId} reviewId={route.reviewId} />}
        {route.name === 'report' && <ReportPage key={route.reviewId} reviewId={route.reviewId} />}
        {route.name === 'action-plan' && <ActionPlanPage key={route.reviewId} reviewId={route.reviewId} />}
        {route.name === 'laptops' && <LaptopsPage key={route.reviewId} reviewId={route.reviewId} />}
        {route.name === 'verify' && <VerifyPage />}
        {route.name === 'compare' && <ComparisonPage />}
        {route.name === 'exchange' && <ExchangePage />}
        {route.name === 'settings' && <SettingsPage />}
        {route.name === 'trusted-signers' && <TrustedSignersPage />}
        {route.name === 'not-found' && <NotFoundPage />}
      </main>
    </>
  );
}
