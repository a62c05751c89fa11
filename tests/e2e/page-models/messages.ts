import en from '../../../renderer/i18n/locales/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/sv.json' with { type: 'json' };

/**
 * Page models find elements by role and by the accessible names in the app's own message files, so a change of
 * wording changes the tests with it, and a missing label fails them.
 */
export type Messages = typeof fi;
export const MESSAGES: Record<'fi' | 'sv' | 'en', Messages> = { fi, sv, en };

/** i18next-style {{name}} interpolation, for names built from a message. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A string as an exact, anchored regular expression (for accessible names that include other text). */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
