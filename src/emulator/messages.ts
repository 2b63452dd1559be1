import { defineMessages } from '../i18n/index.js';

/** The embedded MES emulator's server answers (English is what the emulated API speaks). */
export const emulatorMessages = defineMessages({
  fr: {
    'emulator.script.retry-after': 'retry-after ne s’applique qu’aux statuts 429 et 503 (ici {status})',
    'emulator.search-subject': 'le paramètre subject.identifier est obligatoire',
    'emulator.fault': 'panne simulée (HTTP {status})',
    'emulator.too-large': 'corps de requête au-delà de {limit} octets',
    'emulator.not-found': 'inconnu de l’émulateur : {what}',
    'emulator.description': 'Émulateur des API Mon espace santé (mesures, documents) de mes-referencing',
    'emulator.wrong-host': 'l’en-tête Host ne désigne pas cet émulateur',
    'emulator.admin-token': 'jeton d’administration manquant ou faux (adminToken du fichier d’identifiants)',
  },
  en: {
    'emulator.script.retry-after': 'retry-after applies to statuses 429 and 503 only (here {status})',
    'emulator.search-subject': 'Parameter subject.identifier is mandatory.',
    'emulator.fault': 'Injected fault (HTTP {status}).',
    'emulator.too-large': 'Request body larger than {limit} bytes.',
    'emulator.not-found': 'Not known to the emulator: {what}',
    'emulator.description': 'mes-referencing emulator of the Mon espace santé APIs (measures, documents)',
    'emulator.wrong-host': 'The Host header does not name this emulator.',
    'emulator.admin-token': 'Missing or wrong admin token (adminToken of the credentials file).',
  },
});
