import i18next, { type TFunction } from 'i18next';
import en from './messages/en.json' with { type: 'json' };
import fi from './messages/fi.json' with { type: 'json' };
import sv from './messages/sv.json' with { type: 'json' };
import type { Problem } from '../scales/problem.ts';
import type { CliLanguage } from './cli-args.ts';

export type { CliLanguage };

/** A translator for the command line's messages; scale wording comes from the scale data, not from here. */
export async function cliTranslator(language: CliLanguage): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}

/** `path: message` in the user's language where we have the problem's code, else the English message. */
export function describeProblem(problem: Problem, t: TFunction): string {
  const key = `problem.${problem.code}`;
  const message = t(key, { ...problem.params, defaultValue: problem.message });
  return problem.path ? `${problem.path}: ${message}` : message;
}
