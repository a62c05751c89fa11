import en from '../../../renderer/i18n/locales/review/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/review/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/review/sv.json' with { type: 'json' };

/** The new-review form's and the review editor's messages (the app shows them under `review.`). */
export type ReviewMessages = typeof fi;
export const REVIEW_MESSAGES: Record<'fi' | 'sv' | 'en', ReviewMessages> = { fi, sv, en };
