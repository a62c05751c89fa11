import 'i18next';
import type fi from './locales/fi.json';

// Message keys are checked at compile time against the Finnish file (the default language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fi };
  }
}
