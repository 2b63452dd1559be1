import type { MessageTable } from '../index.js';

/** The embedded MES emulator: its server answers (English is what the emulated API speaks) and its command. */
export const emulator: MessageTable = {
  fr: {
    'cli.emulator.summary':
      'lance l’émulateur des API Mon espace santé (appariement, mesures, documents) sur 127.0.0.1',
    'cli.emulator.help':
      'Usage : mes-referencing emulator [options]\n\n  Affiche l’URL de base FHIR sur la sortie standard, puis sert jusqu’à Ctrl-C.\n\n      --host H              adresse d’écoute (défaut : 127.0.0.1)\n  -p, --port N              port (défaut : 0, un port libre)\n      --tls                 HTTPS avec un certificat de test généré\n      --mtls                HTTPS exigeant un certificat client signé par l’AC de test\n      --editor-oid OID      OID racine de l’éditeur du client de test\n      --solution-oid OID    OID de la solution du client de test\n      --credentials-file F  écrit l’URL, le client de test, sa clé et les certificats (JSON)\n      --ready-file F        une fois à l’écoute, écrit (d’un bloc) l’URL, les identifiants et des patients appariés (JSON)\n      --record F            enregistre chaque échange dans F (format exchanges.json, au fil de l’eau)\n      --script F            pannes et refus à jouer (YAML : faults, patients)\n      --patient IDPE        patient apparié par défaut\n      --latency MS          latence ajoutée à chaque réponse\n      --error-rate R        part (0-1) de réponses 500\n      --unavailable-rate R  part (0-1) de réponses 503\n      --throttle-rate R     part (0-1) de réponses 429 (avec Retry-After)\n      --retry-after S       valeur de Retry-After (défaut : 1)\n      --reset-rate R        part (0-1) de connexions coupées\n      --fail-first N        les N premières requêtes échouent en 503\n      --seed N              graine du tirage des pannes\n      --misbehave LISTE     écarts volontaires : accept-everything, device-always-created, ignore-consent, lose-documents, ignore-id-token\n      --max-body OCTETS     taille maximale d’un corps (défaut : 5 Mio ; au-delà : 413)\n  -q, --quiet               sans journal des requêtes',
    'cli.emulator.ready':
      'Émulateur Mon espace santé prêt\n  base FHIR    {fhir}\n  jeton OAuth2 {token} (client de test : {client})\n  id_token     en-tête {header} ; POST {admin}/id-token {"idpe": "…"} (OID {oid})\n  consentement PUT {admin}/consent/<idpe> {"granted": false}\n  admin        en-tête Authorization: Bearer <adminToken du fichier --credentials-file>\n  Ctrl-C pour arrêter',
    'cli.emulator.exposed':
      'attention : l’émulateur écoute sur {host}, joignable depuis le réseau ; ses identifiants de test ne protègent rien de réel, gardez 127.0.0.1 hors d’un réseau de confiance',
    'cli.emulator.profiles-unchecked':
      'attention : paquets FHIR introuvables ({packages}) : l’émulateur ne valide pas les profils des ressources reçues, seulement les règles métier ; donnez un dossier de paquets (FHIR_PACKAGE_PATH)',
    'cli.emulator.credentials': 'identifiants de test écrits dans {file}',
    'cli.emulator.stopped': 'émulateur arrêté',
    'cli.emulator.ready-file': 'prêt : {file} écrit',
    'cli.emulator.recording': 'échanges enregistrés dans {file}',
    'cli.emulator.recorded': '({count} échanges enregistrés dans {file})',
    'emulator.script.retry-after': 'retry-after ne s’applique qu’aux statuts 429 et 503 (ici {status})',
    'cli.emulator.listen': 'impossible d’écouter sur {host}:{port} ({reason})',
    'cli.bad-number': '{option} : valeur {value} invalide (nombre entre 0 et {max} attendu)',
    'cli.bad-oid': '{option} : {value} n’est pas un OID (ex. 1.2.250.1.999.42)',
    'emulator.search-subject': 'le paramètre subject.identifier est obligatoire',
    'emulator.fault': 'panne simulée (HTTP {status})',
    'emulator.too-large': 'corps de requête au-delà de {limit} octets',
    'emulator.not-found': 'inconnu de l’émulateur : {what}',
    'emulator.description': 'Émulateur des API Mon espace santé (mesures, documents) de mes-referencing',
    'emulator.wrong-host': 'l’en-tête Host ne désigne pas cet émulateur',
    'emulator.admin-token': 'jeton d’administration manquant ou faux (adminToken du fichier d’identifiants)',
  },
  en: {
    'cli.emulator.summary':
      'runs the emulator of the Mon espace santé APIs (pairing, measures, documents) on 127.0.0.1',
    'cli.emulator.help':
      'Usage: mes-referencing emulator [options]\n\n  Prints the FHIR base URL on standard output, then serves until Ctrl-C.\n\n      --host H              listen address (default: 127.0.0.1)\n  -p, --port N              port (default: 0, a free port)\n      --tls                 HTTPS with a generated test certificate\n      --mtls                HTTPS requiring a client certificate signed by the test CA\n      --editor-oid OID      root OID of the test client\u2019s editor\n      --solution-oid OID    solution OID of the test client\n      --credentials-file F  writes the URL, the test client, its key and the certificates (JSON)\n      --ready-file F        once listening, writes (atomically) the URL, the credentials and paired patients (JSON)\n      --record F            records every exchange to F (exchanges.json format, as it happens)\n      --script F            faults and refusals to play (YAML: faults, patients)\n      --patient IDPE        default paired patient\n      --latency MS          latency added to every answer\n      --error-rate R        share (0-1) of 500 answers\n      --unavailable-rate R  share (0-1) of 503 answers\n      --throttle-rate R     share (0-1) of 429 answers (with Retry-After)\n      --retry-after S       Retry-After value (default: 1)\n      --reset-rate R        share (0-1) of connections reset\n      --fail-first N        the first N requests fail with 503\n      --seed N              seed of the fault draws\n      --misbehave LIST      deliberate deviations: accept-everything, device-always-created, ignore-consent, lose-documents, ignore-id-token\n      --max-body BYTES      largest body accepted (default: 5 MiB; beyond: 413)\n  -q, --quiet               no request log',
    'cli.emulator.ready':
      'Mon espace santé emulator ready\n  FHIR base    {fhir}\n  OAuth2 token {token} (test client: {client})\n  id_token     header {header}; POST {admin}/id-token {"idpe": "…"} (OID {oid})\n  consent      PUT {admin}/consent/<idpe> {"granted": false}\n  admin        header Authorization: Bearer <adminToken of the --credentials-file>\n  Ctrl-C to stop',
    'cli.emulator.exposed':
      'warning: the emulator listens on {host}, reachable from the network; its test credentials protect nothing real, keep 127.0.0.1 outside a trusted network',
    'cli.emulator.profiles-unchecked':
      'warning: FHIR packages not found ({packages}): the emulator does not validate the profiles of the resources it receives, only the business rules; give a package folder (FHIR_PACKAGE_PATH)',
    'cli.emulator.credentials': 'test credentials written to {file}',
    'cli.emulator.stopped': 'emulator stopped',
    'cli.emulator.ready-file': 'ready: {file} written',
    'cli.emulator.recording': 'exchanges recorded to {file}',
    'cli.emulator.recorded': '({count} exchanges recorded to {file})',
    'emulator.script.retry-after': 'retry-after applies to statuses 429 and 503 only (here {status})',
    'cli.emulator.listen': 'cannot listen on {host}:{port} ({reason})',
    'cli.bad-number': '{option}: invalid value {value} (a number between 0 and {max} expected)',
    'cli.bad-oid': '{option}: {value} is not an OID (e.g. 1.2.250.1.999.42)',
    'emulator.search-subject': 'Parameter subject.identifier is mandatory.',
    'emulator.fault': 'Injected fault (HTTP {status}).',
    'emulator.too-large': 'Request body larger than {limit} bytes.',
    'emulator.not-found': 'Not known to the emulator: {what}',
    'emulator.description': 'mes-referencing emulator of the Mon espace santé APIs (measures, documents)',
    'emulator.wrong-host': 'The Host header does not name this emulator.',
    'emulator.admin-token': 'Missing or wrong admin token (adminToken of the credentials file).',
  },
};
