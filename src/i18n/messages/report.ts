import type { MessageTable } from '../index.js';

export const report: MessageTable = {
  fr: {},
  en: {},
};
