// The message registry: every table of user-facing text, each kept beside the code that uses it. `Translate`
// accepts exactly the keys these tables hold; adding a table (a new check or engine) is one line here.
import { catalogueMessages } from './catalogue/messages.js';
import { declarationMessages } from './checks/declaration/messages.js';
import { documentsMessages } from './checks/documents/messages.js';
import { ecoscoreMessages } from './checks/ecoscore/messages.js';
import { evidenceMessages } from './checks/evidence/messages.js';
import { profilesMessages } from './checks/fhir/profiles/messages.js';
import { mesRulesMessages } from './checks/mes/rules/messages.js';
import { processCheckMessages } from './checks/process/messages.js';
import { renewalMessages } from './checks/renewal/messages.js';
import { repoMessages } from './checks/repo/messages.js';
import { sandboxMessages } from './checks/sandbox/messages.js';
import { recordingMessages } from './checks/sandbox/recording/messages.js';
import { webMessages } from './checks/web/messages.js';
import { commandMessages } from './commands/messages.js';
import { emulatorMessages } from './emulator/messages.js';
import { packageMessages } from './fhir/packages/messages.js';
import { snapshotMessages } from './fhir/snapshot/messages.js';
import { validatorMessages } from './fhir/validator/messages.js';
import { githubMessages } from './github/messages.js';
import { commonMessages } from './i18n/common.js';
import { keysOf, translatorFor } from './i18n/index.js';
import type { KeyOf, Lang, Translate as TranslateOf } from './i18n/index.js';
import { manifestMessages } from './manifest/messages.js';
import { mesMessages } from './mes/messages.js';
import { processMessages } from './process/messages.js';
import { reportMessages } from './report/messages.js';
import { trackerMessages } from './trackers/messages.js';
import { textMessages } from './util/messages.js';

export const MESSAGE_TABLES = [
  commonMessages,
  manifestMessages,
  catalogueMessages,
  processMessages,
  reportMessages,
  githubMessages,
  commandMessages,
  emulatorMessages,
  mesMessages,
  trackerMessages,
  textMessages,
  validatorMessages,
  snapshotMessages,
  packageMessages,
  evidenceMessages,
  declarationMessages,
  renewalMessages,
  ecoscoreMessages,
  processCheckMessages,
  documentsMessages,
  profilesMessages,
  mesRulesMessages,
  sandboxMessages,
  recordingMessages,
  webMessages,
  repoMessages,
] as const;

/** Every message key of the project. */
export type MessageKey = KeyOf<(typeof MESSAGE_TABLES)[number]>;

/** Renders any message of the project in the run's language. */
export type Translate = TranslateOf<MessageKey>;

export function translator(lang: Lang): Translate {
  return translatorFor(MESSAGE_TABLES, lang);
}

const KNOWN = new Set<string>(keysOf(MESSAGE_TABLES, 'fr'));

/** Whether a key named by data (a schema's `x-error`, a `$defs` name) is a message: such keys are checked, not trusted. */
export function isMessageKey(key: string): key is MessageKey {
  return KNOWN.has(key);
}

/** All keys known in one language; tests use it to check both languages stay in step. */
export function messageKeys(lang: Lang): string[] {
  return keysOf(MESSAGE_TABLES, lang);
}
