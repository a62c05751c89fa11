import 'i18next';
import type { MESSAGES } from './messages.ts';

// Message keys are checked at compile time against the Finnish file (the default language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof MESSAGES)['fi'] };
  }
}
