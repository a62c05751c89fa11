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

/**
 * One translation tree per language, assembled from per-feature files (locales/<feature>/<lang>.json appear
 * under the key <feature>), so that features can grow their messages side by side without editing one file.
 */
export const MESSAGES = {
  fi: { ...fi, review: reviewFi, consensus: consensusFi, reports: reportsFi },
  sv: { ...sv, review: reviewSv, consensus: consensusSv, reports: reportsSv },
  en: { ...en, review: reviewEn, consensus: consensusEn, reports: reportsEn },
};
