import type { AnyCheck } from '../types.js';
import { documentFormatsCheck } from './formats.js';

export const documentChecks: AnyCheck[] = [documentFormatsCheck];
