// The referencing process as the catalogue describes it (rules/catalogue/<version>/catalogue.yml `process`):
// the steps 01 to 08 with their actors and sources, and the follow-up after referencing.
import type { LocalizedText } from '../i18n/index.js';

/** The steps, in order; each key is also the manifest's key under referencing.process. */
export const STEP_KEYS = [
  'convergence',
  'orientation',
  'submission',
  'evaluation',
  'opinion',
  'decision',
  'convention',
  'publication',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface StepDefinition {
  key: StepKey;
  title: LocalizedText;
  description: LocalizedText;
  /** Actor ids (keys of `actors`). */
  actors: string[];
  sources: string[];
}

export interface ProcessDefinition {
  actors: Record<string, LocalizedText>;
  steps: StepDefinition[];
  renewal: { 'validity-years': number; 'warn-days': number; actor: string; sources: string[] };
  'continuous-evaluation': { 'every-months': number; 'warn-days': number; actor: string; sources: string[] };
  deadlines: { 'warn-days': number };
}
