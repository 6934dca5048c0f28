import 'i18next';
import type { en } from './resources';

// Types every t() call against the English files: a missing or misspelt key fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
