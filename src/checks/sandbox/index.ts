import type { AnyCheck } from '../types.js';
import { scenariosCheck } from './check.js';

export const sandboxChecks: AnyCheck[] = [scenariosCheck];
