import type { AnyCheck } from '../types.js';
import { continuousEvaluationCheck } from './continuous-evaluation.js';
import { deadlinesCheck } from './deadlines.js';
import { eligibilityCheck } from './eligibility.js';
import { namingCheck } from './naming.js';

export const processChecks: AnyCheck[] = [
  deadlinesCheck,
  continuousEvaluationCheck,
  namingCheck,
  eligibilityCheck,
];
