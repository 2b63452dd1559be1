import type { AnyCheck } from '../../types.js';
import { mesRulesCheck } from './check.js';

export const mesRulesChecks: AnyCheck[] = [mesRulesCheck];
