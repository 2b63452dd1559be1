import { defineMessages } from '../i18n/index.js';

/** Loading the tracker signatures (rules/trackers). */
export const trackerMessages = defineMessages({
  fr: {
    'trackers.rules-invalid': 'signatures de traceurs inutilisables : {message}',
    'trackers.duplicate-id': 'traceur {id} défini deux fois',
    'trackers.unknown-source': 'traceur {id} : source {source} inconnue (à définir dans sources)',
    'trackers.bad-pattern': 'traceur {id} : motif invalide ({reason})',
  },
  en: {
    'trackers.rules-invalid': 'tracker signatures unusable: {message}',
    'trackers.duplicate-id': 'tracker {id} defined twice',
    'trackers.unknown-source': 'tracker {id}: unknown source {source} (define it under sources)',
    'trackers.bad-pattern': 'tracker {id}: invalid pattern ({reason})',
  },
});
