import type { AnyCheck } from '../types.js';
import { repoSecretsCheck } from './secrets.js';
import { repoTrackersCheck } from './trackers.js';

export const repoChecks: AnyCheck[] = [repoTrackersCheck, repoSecretsCheck];
