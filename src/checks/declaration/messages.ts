import { defineMessages } from '../../i18n/index.js';

/** The `declaration` check. */
export const declarationMessages = defineMessages({
  fr: {
    'declaration.pass': 'déclaré : {declared}',
  },
  en: {
    'declaration.pass': 'declared: {declared}',
  },
});
