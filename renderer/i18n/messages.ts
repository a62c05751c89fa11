import exchangeFi from './locales/exchange/fi.json';
import exchangeSv from './locales/exchange/sv.json';
import exchangeEn from './locales/exchange/en.json';
import comparisonFi from './locales/comparison/fi.json';
import comparisonSv from './locales/comparison/sv.json';
import comparisonEn from './locales/comparison/en.json';
import actionPlanFi from './locales/actionPlan/fi.json';
import actionPlanSv from './locales/actionPlan/sv.json';
import actionPlanEn from './locales/actionPlan/en.json';
import consensusEn from './locales/consensus/en.json';
import consensusFi from './locales/consensus/fi.json';
import consensusSv from './locales/consensus/sv.json';
import en from './locales/en.json';
import fi from './locales/fi.json';
import reportsEn from './locales/reports/en.json';
import reportsFi from './locales/reports/fi.json';
import reportsSv from './locales/reports/sv.json';
import reviewEn from './locales/review/en.json';
import reviewFi from './locales/review/fi.json';
import reviewSv from './locales/review/sv.json';
import sv from './locales/sv.json';
import settingsFi from './locales/settings/fi.json';
import settingsSv from './locales/settings/sv.json';
import settingsEn from './locales/settings/en.json';
import trustFi from './locales/trust/fi.json';
import trustSv from './locales/trust/sv.json';
import trustEn from './locales/trust/en.json';
import laptopsFi from './locales/laptops/fi.json';
import laptopsSv from './locales/laptops/sv.json';
import laptopsEn from './locales/laptops/en.json';
import reviewComparisonFi from './locales/reviewComparison/fi.json';
import reviewComparisonSv from './locales/reviewComparison/sv.json';
import reviewComparisonEn from './locales/reviewComparison/en.json';
import regionsFi from './locales/regions/fi.json';
import regionsSv from './locales/regions/sv.json';
import regionsEn from './locales/regions/en.json';

/**
 * One translation tree per language, assembled from per-feature files (locales/<feature>/<lang>.json appear
 * under the key <feature>), so that features can grow their messages side by side without editing one file.
 */
export const MESSAGES = {
  fi: { ...fi, review: reviewFi, consensus: consensusFi, reports: reportsFi, exchange: exchangeFi, comparison: comparisonFi, actionPlan: actionPlanFi, settings: settingsFi, trust: trustFi, laptops: laptopsFi, reviewComparison: reviewComparisonFi, regions: regionsFi },
  sv: { ...sv, review: reviewSv, consensus: consensusSv, reports: reportsSv, exchange: exchangeSv, comparison: comparisonSv, actionPlan: actionPlanSv, settings: settingsSv, trust: trustSv, laptops: laptopsSv, reviewComparison: reviewComparisonSv, regions: regionsSv },
  en: { ...en, review: reviewEn, consensus: consensusEn, reports: reportsEn, exchange: exchangeEn, comparison: comparisonEn, actionPlan: actionPlanEn, settings: settingsEn, trust: trustEn, laptops: laptopsEn, reviewComparison: reviewComparisonEn, regions: regionsEn },
};
