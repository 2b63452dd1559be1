import type { AnyCheck } from '../types.js';
import { declarationCheck } from './declaration.js';
import { ecoscoreCheck } from './ecoscore.js';
import { evidenceCheck } from './evidence.js';
import { renewalCheck } from './renewal.js';

export const evidenceChecks: AnyCheck[] = [evidenceCheck, declarationCheck, renewalCheck, ecoscoreCheck];
