import type { MessageTable } from '../index.js';

export const cli: MessageTable = {
  fr: {},
  en: {},
};
