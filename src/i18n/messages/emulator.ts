import type { MessageTable } from '../index.js';

/** The embedded MES emulator: its server answers (English is what the emulated API speaks) and its command. */
export const emulator: MessageTable = {
  fr: {
    'emulator.search-subject': 'le paramètre subject.identifier est obligatoire',
    'emulator.fault': 'panne simulée (HTTP {status})',
    'emulator.too-large': 'corps de requête au-delà de {limit} octets',
    'emulator.not-found': 'inconnu de l’émulateur : {what}',
    'emulator.description': 'Émulateur des API Mon espace santé (mesures, documents) de mes-referencing',
  },
  en: {
    'emulator.search-subject': 'Parameter subject.identifier is mandatory.',
    'emulator.fault': 'Injected fault (HTTP {status}).',
    'emulator.too-large': 'Request body larger than {limit} bytes.',
    'emulator.not-found': 'Not known to the emulator: {what}',
    'emulator.description': 'mes-referencing emulator of the Mon espace santé APIs (measures, documents)',
  },
};
