import en from '../../../renderer/i18n/locales/regions/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/regions/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/regions/sv.json' with { type: 'json' };

/** The region list and collaboration model messages (renderer/i18n/locales/regions/), for page models. */
export const REGION_MESSAGES = { fi, sv, en };
export type RegionMessages = typeof fi;
