import { defineMessages } from '../i18n/index.js';

/** The command line: usage, help texts, argument errors, `validate` and `emulator` commands. */
export const commandMessages = defineMessages({
  fr: {
    'cli.usage':
      'mes-referencing — le référencement Mon espace santé comme contrôle de CI\n\nUsage : mes-referencing <commande> [options]\n\nCommandes :\n{commands}\n\nOptions communes : --lang fr|en, --help\nCodes de sortie : 0 aucun bloquant, 1 critères bloquants (ou erreurs de validation), 2 erreur de configuration, 3 erreur interne',
    'cli.check.summary': 'évalue un dépôt et écrit le dossier (report.json, .md, .html, .sarif)',
    'cli.check.help':
      'Usage : mes-referencing check [options]\n\n  -r, --repo DIR          dépôt à évaluer (défaut : dossier courant)\n  -m, --manifest PATH     manifeste, relatif à --repo (défaut : <repo>/mes-referencing.yml)\n  -o, --out DIR           dossier de sortie, jamais examiné par les contrôles (défaut : mes-report)\n      --lang fr|en        langue du rapport (défaut : fr)\n      --fail-on POLITIQUE obligatoire (défaut) | obligatoire-suppose | tout | jamais\n      --fail-on-unverified échoue aussi quand un critère obligatoire n’a pas pu être vérifié\n      --today AAAA-MM-JJ  date de référence des contrôles de validité\n      --offline           n’utilise pas le réseau (contrôles distants signalés, pas réussis)\n      --sandbox-target T  emulator ou URL du bac à sable (remplace le manifeste)\n      --allow-private-network\n                          autorise les adresses locales et privées (bac à sable ou serveur interne)\n      --recording F       note le trafic enregistré de vos tests (emulator --record) au lieu des scénarios\n  -q, --quiet             sans la progression\n      --color / --no-color',
    'cli.schema.summary': 'affiche le schéma JSON du manifeste (--report : celui de report.json)',
    'cli.schema.help': 'Usage : mes-referencing schema [--report]',
    'cli.review.summary': 'affiche l’entrée revues à ajouter au manifeste après examen d’un critère',
    'cli.review.help':
      'Usage : mes-referencing review <CRITÈRE> [options]\n\n  -r, --repo DIR          dépôt (défaut : dossier courant)\n  -m, --manifest PATH     manifeste, relatif à --repo (défaut : <repo>/mes-referencing.yml)\n      --reviewer NOM      qui a examiné les preuves (nom et fonction)\n      --verdict V         conforme (défaut) | non-conforme\n      --note TEXTE        ce qui a été examiné et constaté\n      --today AAAA-MM-JJ  date de la revue (défaut : aujourd’hui)\n\nL’entrée porte l’empreinte SHA-256 de chaque fichier de preuve du critère : la revue ne vaut plus dès que l’un d’eux change, ni un an après sa date.\nCode de sortie 1 quand un fichier de preuve est introuvable.',
    'cli.review.no-criterion': 'indiquez le critère revu (mes-referencing review SEC-PENTEST)',
    'cli.review.unknown-criterion':
      'critère {id} inconnu du catalogue (vouliez-vous dire « {suggestion} » ?)',
    'cli.review.intro': 'À ajouter sous « revues: » dans {file} après examen des preuves de {id} :',
    'cli.review.guide': 'À vérifier : {guide}',
    'cli.review.missing':
      '{count, plural, one {fichier de preuve introuvable} other {fichiers de preuve introuvables}}, à ajouter avant la revue : {files}',
    'cli.review.reviewer-placeholder': 'Prénom Nom, fonction',
    'cli.review.note-placeholder': 'ce qui a été examiné et constaté',
    'cli.unknown-command':
      'commande inconnue « {name} » ; vouliez-vous dire « {suggestion} » ? (mes-referencing --help)',
    'cli.unknown-option': 'option inconnue {option} ; vouliez-vous dire {suggestion} ?',
    'cli.missing-value': 'l’option {option} attend une valeur',
    'cli.unexpected-argument': 'argument inattendu « {value} »',
    'cli.bad-arguments': 'arguments invalides : {detail}',
    'cli.bad-choice':
      '{option} : valeur « {value} » invalide ({allowed}) ; vouliez-vous dire « {suggestion} » ?',
    'cli.bad-date': '{option} : « {value} » n’est pas une date AAAA-MM-JJ',
    'cli.bad-target':
      '{option} : « {value} » n’est pas une cible valide (emulator, ou une URL http ou https sans identifiants ni fragment)',
    'cli.internal-error':
      'erreur interne de mes-referencing : {detail}. Relancez avec MES_REFERENCING_DEBUG=1 pour la trace et signalez-la.',
    'validate.nothing': 'rien à valider : aucun fichier .json dans {paths}',
    'cli.validate.summary': 'valide des ressources FHIR JSON hors ligne (profils, terminologie, invariants)',
    'cli.validate.help':
      'Usage : mes-referencing validate <fichiers ou dossiers…> [options]\n\n      --ig PAQUET           id#version, dossier de paquet, .tgz, ou fichier/dossier JSON de ressources de conformité (répétable)\n      --profile URL         profil canonique à appliquer en plus de meta.profile (répétable)\n      --format text|json    text (défaut) : fichier:ligne:colonne: gravité code message (expression) ; json : OperationOutcome\n      --lang fr|en          langue des messages\n      --unknown-extensions error|warning|ignore   extensions introuvables (défaut : error, comme le validateur HL7)\n      --extension-domain URL   préfixe d’URL sous lequel les extensions inconnues sont permises (répétable)\n      --max-size MO         taille maximale d’un fichier (défaut : 32)\n      --offline             pas de téléchargement de paquets\n\nPaquets : dossiers de FHIR_PACKAGE_PATH, puis le cache (~/.fhir/packages ou FHIR_PACKAGE_CACHE), puis le registre.\nCodes de sortie : 0 sans erreur, 1 erreurs de validation, 2 erreur d’usage ou rien à valider.',
    'validate.no-input':
      'indiquez au moins un fichier ou dossier à valider (mes-referencing validate --help)',
    'validate.input-not-found': '{path} n’existe pas',
    'validate.bad-max-size': '--max-size : « {value} » n’est pas un nombre de mégaoctets positif',
    'validate.packages-unavailable': 'paquets FHIR indisponibles :\n  {detail}',
    'validate.profile-unknown':
      'profil {url} introuvable dans les paquets chargés (ajoutez son paquet avec --ig)',
    'validate.profile-not-structure-definition':
      '{url} n’est pas une StructureDefinition : impossible de l’utiliser comme profil',
    'validate.profile-no-snapshot':
      'le profil {url} n’a pas de snapshot et il ne peut être généré : son profil de base est introuvable (ajoutez son paquet avec --ig)',
    'validate.profile-bad-snapshot': 'le snapshot du profil {url} est illisible',
    'validate.summary':
      '{files, plural, one {# fichier} other {# fichiers}} : {errors, plural, one {# erreur} other {# erreurs}}, {warnings, plural, one {# avertissement} other {# avertissements}}, {information, plural, one {# information} other {# informations}}, {unevaluated, plural, one {# contrainte non évaluée} other {# contraintes non évaluées}}',
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
    'cli.emulator.recorded':
      '({count, plural, one {# échange enregistré} other {# échanges enregistrés}} dans {file})',
    'cli.emulator.listen': 'impossible d’écouter sur {host}:{port} ({reason})',
    'cli.bad-number': '{option} : valeur {value} invalide (nombre entre 0 et {max} attendu)',
    'cli.bad-oid': '{option} : {value} n’est pas un OID (ex. 1.2.250.1.999.42)',
    'cli.no-value': 'l’option {option} ne prend pas de valeur',
    'cli.ambiguous-value':
      'l’option {option} attend une valeur, et « {value} » ressemble à une option ; écrivez {option}={value} si c’est bien sa valeur',
    'output-dir.is-a-file':
      '{option} : impossible d’écrire dans {dir} : c’est un fichier, pas un dossier ; choisissez un autre dossier',
    'output-dir.under-a-file':
      '{option} : impossible de créer {dir} : {file} est un fichier, pas un dossier ; choisissez un autre dossier',
    'output-dir.denied': '{option} : écriture refusée dans {dir} (permissions) ; choisissez un autre dossier',
    'output-dir.read-only':
      '{option} : {dir} est sur un système de fichiers en lecture seule ; choisissez un autre dossier',
    'output-dir.full': '{option} : plus de place pour écrire dans {dir}',
    'output-dir.other': '{option} : impossible d’écrire dans {dir} ({detail})',
  },
  en: {
    'cli.usage':
      'mes-referencing — Mon espace santé referencing as a CI check\n\nUsage: mes-referencing <command> [options]\n\nCommands:\n{commands}\n\nCommon options: --lang fr|en, --help\nExit codes: 0 nothing blocking, 1 blocking criteria (or validation errors), 2 configuration error, 3 internal error',
    'cli.check.summary': 'evaluates a repository and writes the dossier (report.json, .md, .html, .sarif)',
    'cli.check.help':
      'Usage: mes-referencing check [options]\n\n  -r, --repo DIR          repository to evaluate (default: current folder)\n  -m, --manifest PATH     manifest, relative to --repo (default: <repo>/mes-referencing.yml)\n  -o, --out DIR           output folder, never scanned by the checks (default: mes-report)\n      --lang fr|en        report language (default: fr)\n      --fail-on POLICY    obligatoire (default) | obligatoire-suppose | tout | jamais\n      --fail-on-unverified also fail when a mandatory criterion could not be checked\n      --today YYYY-MM-DD  reference date for validity checks\n      --offline           no network (remote checks reported, not passed)\n      --sandbox-target T  emulator or sandbox URL (overrides the manifest)\n      --allow-private-network\n                          allows local and private addresses (a local sandbox or internal server)\n      --recording F       grades the recorded traffic of your tests (emulator --record) instead of the scenarios\n  -q, --quiet             no progress lines\n      --color / --no-color',
    'cli.schema.summary': 'prints the manifest JSON Schema (--report: the report.json one)',
    'cli.schema.help': 'Usage: mes-referencing schema [--report]',
    'cli.review.summary': 'prints the revues entry to add to the manifest after reviewing a criterion',
    'cli.review.help':
      'Usage: mes-referencing review <CRITERION> [options]\n\n  -r, --repo DIR          repository (default: current folder)\n  -m, --manifest PATH     manifest, relative to --repo (default: <repo>/mes-referencing.yml)\n      --reviewer NAME     who examined the evidence (name and role)\n      --verdict V         conforme (default) | non-conforme\n      --note TEXT         what was examined and found\n      --today YYYY-MM-DD  review date (default: today)\n\nThe entry records the SHA-256 of each evidence file of the criterion: the review lapses as soon as one of them changes, and one year after its date.\nExit code 1 when an evidence file is missing.',
    'cli.review.no-criterion': 'give the criterion reviewed (mes-referencing review SEC-PENTEST)',
    'cli.review.unknown-criterion': 'criterion {id} is not in the catalogue (did you mean "{suggestion}"?)',
    'cli.review.intro': 'To add under "revues:" in {file} after examining the evidence of {id}:',
    'cli.review.guide': 'To check: {guide}',
    'cli.review.missing':
      '{count, plural, one {evidence file} other {evidence files}} not found, to add before the review: {files}',
    'cli.review.reviewer-placeholder': 'First Last, role',
    'cli.review.note-placeholder': 'what was examined and found',
    'cli.unknown-command': 'unknown command "{name}"; did you mean "{suggestion}"? (mes-referencing --help)',
    'cli.unknown-option': 'unknown option {option}; did you mean {suggestion}?',
    'cli.missing-value': 'option {option} needs a value',
    'cli.unexpected-argument': 'unexpected argument "{value}"',
    'cli.bad-arguments': 'invalid arguments: {detail}',
    'cli.bad-choice': '{option}: invalid value "{value}" ({allowed}); did you mean "{suggestion}"?',
    'cli.bad-date': '{option}: "{value}" is not a YYYY-MM-DD date',
    'cli.bad-target':
      '{option}: "{value}" is not a valid target (emulator, or an http or https URL without credentials or fragment)',
    'cli.internal-error':
      'mes-referencing internal error: {detail}. Run again with MES_REFERENCING_DEBUG=1 for the trace and report it.',
    'validate.nothing': 'nothing to validate: no .json file in {paths}',
    'cli.validate.summary': 'validates FHIR JSON resources offline (profiles, terminology, invariants)',
    'cli.validate.help':
      'Usage: mes-referencing validate <files or folders…> [options]\n\n      --ig PACKAGE          id#version, package folder, .tgz, or JSON file/folder of conformance resources (repeatable)\n      --profile URL         canonical profile to apply besides meta.profile (repeatable)\n      --format text|json    text (default): file:line:col: severity code message (expression); json: OperationOutcome\n      --lang fr|en          message language\n      --unknown-extensions error|warning|ignore   extensions that cannot be found (default: error, as the HL7 validator)\n      --extension-domain URL   URL prefix under which unknown extensions are allowed (repeatable)\n      --max-size MB         largest file accepted (default: 32)\n      --offline             no package download\n\nPackages: FHIR_PACKAGE_PATH folders, then the cache (~/.fhir/packages or FHIR_PACKAGE_CACHE), then the registry.\nExit codes: 0 no error, 1 validation errors, 2 usage error or nothing to validate.',
    'validate.no-input': 'give at least one file or folder to validate (mes-referencing validate --help)',
    'validate.input-not-found': '{path} does not exist',
    'validate.bad-max-size': '--max-size: "{value}" is not a positive number of megabytes',
    'validate.packages-unavailable': 'FHIR packages unavailable:\n  {detail}',
    'validate.profile-unknown': 'profile {url} not found in the loaded packages (add its package with --ig)',
    'validate.profile-not-structure-definition':
      '{url} is not a StructureDefinition: it cannot be used as a profile',
    'validate.profile-no-snapshot':
      'profile {url} has no snapshot and none can be generated: its base profile is not found (add its package with --ig)',
    'validate.profile-bad-snapshot': 'the snapshot of profile {url} cannot be read',
    'validate.summary':
      '{files, plural, one {# file} other {# files}}: {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}, {information} information, {unevaluated, plural, one {# constraint} other {# constraints}} not evaluated',
    'cli.emulator.summary':
      'runs the emulator of the Mon espace santé APIs (pairing, measures, documents) on 127.0.0.1',
    'cli.emulator.help':
      'Usage: mes-referencing emulator [options]\n\n  Prints the FHIR base URL on standard output, then serves until Ctrl-C.\n\n      --host H              listen address (default: 127.0.0.1)\n  -p, --port N              port (default: 0, a free port)\n      --tls                 HTTPS with a generated test certificate\n      --mtls                HTTPS requiring a client certificate signed by the test CA\n      --editor-oid OID      root OID of the test client’s editor\n      --solution-oid OID    solution OID of the test client\n      --credentials-file F  writes the URL, the test client, its key and the certificates (JSON)\n      --ready-file F        once listening, writes (atomically) the URL, the credentials and paired patients (JSON)\n      --record F            records every exchange to F (exchanges.json format, as it happens)\n      --script F            faults and refusals to play (YAML: faults, patients)\n      --patient IDPE        default paired patient\n      --latency MS          latency added to every answer\n      --error-rate R        share (0-1) of 500 answers\n      --unavailable-rate R  share (0-1) of 503 answers\n      --throttle-rate R     share (0-1) of 429 answers (with Retry-After)\n      --retry-after S       Retry-After value (default: 1)\n      --reset-rate R        share (0-1) of connections reset\n      --fail-first N        the first N requests fail with 503\n      --seed N              seed of the fault draws\n      --misbehave LIST      deliberate deviations: accept-everything, device-always-created, ignore-consent, lose-documents, ignore-id-token\n      --max-body BYTES      largest body accepted (default: 5 MiB; beyond: 413)\n  -q, --quiet               no request log',
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
    'cli.emulator.recorded': '({count, plural, one {# exchange} other {# exchanges}} recorded to {file})',
    'cli.emulator.listen': 'cannot listen on {host}:{port} ({reason})',
    'cli.bad-number': '{option}: invalid value {value} (a number between 0 and {max} expected)',
    'cli.bad-oid': '{option}: {value} is not an OID (e.g. 1.2.250.1.999.42)',
    'cli.no-value': 'option {option} takes no value',
    'cli.ambiguous-value':
      'option {option} needs a value, and "{value}" looks like an option; write {option}={value} if it is the value',
    'output-dir.is-a-file':
      '{option}: cannot write into {dir}: it is a file, not a folder; choose another folder',
    'output-dir.under-a-file':
      '{option}: cannot create {dir}: {file} is a file, not a folder; choose another folder',
    'output-dir.denied': '{option}: writing into {dir} is not permitted; choose another folder',
    'output-dir.read-only': '{option}: {dir} is on a read-only file system; choose another folder',
    'output-dir.full': '{option}: no space left to write into {dir}',
    'output-dir.other': '{option}: cannot write into {dir} ({detail})',
  },
});
