import en from '../../../renderer/i18n/locales/reports/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/reports/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/reports/sv.json' with { type: 'json' };

/** The report page's and the verify page's messages (the app shows them under `reports.`). */
export type ReportMessages = typeof fi;
export const REPORT_MESSAGES: Record<'fi' | 'sv' | 'en', ReportMessages> = { fi, sv, en };

/** i18next's plural forms as the page shows them: key_one for 1, key_other otherwise (fi, sv and en). */
export const plural = (forms: object, base: string, count: number) => (forms as Record<string, string>)[`${base}_${count === 1 ? 'one' : 'other'}`]!;
