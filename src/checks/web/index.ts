import type { AnyCheck } from '../types.js';
import { headersCheck } from './headers.js';
import { securityContactCheck } from './security-contact.js';
import { tlsCheck } from './tls.js';
import { webTrackersCheck } from './trackers.js';

export const webChecks: AnyCheck[] = [tlsCheck, headersCheck, securityContactCheck, webTrackersCheck];
