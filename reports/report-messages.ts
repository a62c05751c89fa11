import en from './messages/en.json' with { type: 'json' };
import fi from './messages/fi.json' with { type: 'json' };
import sv from './messages/sv.json' with { type: 'json' };
import { LOCALE_OF } from '../scales/display-format.ts';
import type { ReportLanguage } from './report-input.ts';

/** The report's own wording (headings, labels, sentences). Scale wording comes from the scale data instead. */
export type MessageTree = { [key: string]: string | MessageTree };
export const REPORT_MESSAGES: Record<ReportLanguage, MessageTree> = { fi, sv, en };

export type ReportTranslator = (key: string, params?: Record<string, string | number>) => string;

export class MissingMessageError extends Error {
  constructor(readonly language: ReportLanguage, readonly key: string) {
    super(`report message "${key}" is missing in ${language}.json`);
    this.name = 'MissingMessageError';
  }
}

/**
 * `t('summary.estimate', { rated: 17, total: 25 })`. Same file format as the app's i18next messages: {{name}}
 * placeholders, and `_one` / `_other` plural forms chosen by `count` with the language's plural rules.
 * A missing key throws: a report must never show a raw key (a test checks that every key exists everywhere).
 */
export function reportTranslator(language: ReportLanguage): ReportTranslator {
  return messageTranslator(REPORT_MESSAGES[language], language);
}

/** The same for another document's own message tree (e.g. the visit request, reports/visit-request/). */
export function messageTranslator(messages: MessageTree, language: ReportLanguage): ReportTranslator {
  const plural = new Intl.PluralRules(LOCALE_OF[language]);
  return (key, params = {}) => {
    const count = params.count;
    const text = (typeof count === 'number' ? lookup(messages, `${key}_${plural.select(count)}`) ?? lookup(messages, `${key}_other`) : undefined)
      ?? lookup(messages, key);
    if (text === undefined) throw new MissingMessageError(language, key);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
