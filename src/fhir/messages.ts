// The FHIR library's own messages (validator issues, snapshot problems, package loading, unreadable text): it translates them
// without the application's registry, so it stays usable by the checks, the emulator and `validate` alike.
import { translatorFor } from '../i18n/index.js';
import type { KeyOf, Lang, Translate } from '../i18n/index.js';
import { packageMessages } from './packages/messages.js';
import { snapshotMessages } from './snapshot/messages.js';
import { textMessages } from '../util/messages.js';
import { validatorMessages } from './validator/messages.js';

const FHIR_TABLES = [validatorMessages, snapshotMessages, packageMessages, textMessages] as const;

export type ValidatorKey = KeyOf<typeof validatorMessages>;
export type SnapshotKey = KeyOf<typeof snapshotMessages>;
export type FhirMessageKey = KeyOf<(typeof FHIR_TABLES)[number]>;
export type FhirTranslate = Translate<FhirMessageKey>;

export function fhirTranslator(lang: Lang): FhirTranslate {
  return translatorFor(FHIR_TABLES, lang);
}
