import en from '../../../renderer/i18n/locales/settings/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/settings/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/settings/sv.json' with { type: 'json' };

/** The settings page's messages (the app shows them under `settings.`). */
export type SettingsMessages = typeof fi;
export const SETTINGS_MESSAGES: Record<'fi' | 'sv' | 'en', SettingsMessages> = { fi, sv, en };
