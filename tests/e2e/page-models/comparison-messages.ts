import en from '../../../renderer/i18n/locales/comparison/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/comparison/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/comparison/sv.json' with { type: 'json' };

/** The comparison page's and the employment outcomes' messages (the app shows them under `comparison.`). */
export type ComparisonMessages = typeof fi;
export const COMPARISON_MESSAGES: Record<'fi' | 'sv' | 'en', ComparisonMessages> = { fi, sv, en };
