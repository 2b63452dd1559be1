import type { SourceLocation } from './location.js';

/** Something the user should know that weighs on no criterion (a waiver for an unknown criterion, a date out of order…). */
export interface Notice {
  code: string;
  message: string;
  location?: SourceLocation;
}
