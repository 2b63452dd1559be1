import { defineMessages } from '../i18n/index.js';

/** Reading YAML files (manifest and rules) and checking them against their schema. */
export const manifestMessages = defineMessages({
  fr: {
    'file.not-found': 'fichier introuvable : {file}',
    'repo.not-found': 'dossier introuvable : {dir}',
    'repo.not-a-folder': '{dir} n’est pas un dossier (attendu : le dossier du dépôt)',
    'file.not-a-file': '{file} n’est pas un fichier',
    'file.too-large': '{file} est trop volumineux ({size} octets, maximum {max}) : ce n’est pas un manifeste',
    'file.empty': '{file} est vide',
    'yaml.duplicate-key': 'clé en double : chaque clé ne doit apparaître qu’une fois dans un même bloc',
    'yaml.bad-indent': 'indentation incorrecte ({detail})',
    'yaml.missing-char': 'caractère manquant ({detail})',
    'yaml.multiline-key': 'clé sur plusieurs lignes ou mal formée ({detail})',
    'yaml.tab-indent': 'tabulation utilisée pour l’indentation : utilisez des espaces',
    'yaml.bad-alias': 'alias YAML invalide ({detail})',
    'yaml.unexpected-token': 'syntaxe YAML invalide ({detail})',
    'yaml.too-many-aliases': 'trop d’alias YAML imbriqués : le document est refusé',
    'yaml.syntax': 'syntaxe YAML invalide ({detail})',
    'schema.required': '{path} : la clé « {name} » est obligatoire',
    'schema.unknown-key-hint': '{path} : clé inconnue « {name} » ; vouliez-vous dire « {suggestion} » ?',
    'schema.unknown-key': '{path} : clé inconnue « {name} » (clés possibles : {known})',
    'schema.property-name': '{path} : nom de clé invalide « {name} »',
    'schema.type': '{path} : type attendu {expected} (trouvé : {value})',
    'schema.type.string': '{path} doit être un texte (trouvé : {value})',
    'schema.type.boolean': '{path} doit valoir true ou false (trouvé : {value})',
    'schema.type.array': '{path} doit être une liste (trouvé : {value})',
    'schema.type.object': '{path} doit être un bloc de clés (trouvé : {value})',
    'schema.type.integer': '{path} doit être un nombre entier (trouvé : {value})',
    'schema.type.number': '{path} doit être un nombre (trouvé : {value})',
    'schema.enum': '{path} : valeur « {value} » non reconnue (valeurs possibles : {allowed})',
    'schema.enum-hint':
      '{path} : valeur « {value} » non reconnue ; vouliez-vous dire « {suggestion} » ? (valeurs possibles : {allowed})',
    'schema.const': '{path} : la valeur doit être {expected} (trouvé : {value})',
    'schema.const.string': '{path} : la valeur doit être {expected} (trouvé : {value}, un texte)',
    'schema.const.number': '{path} : la valeur doit être {expected} (trouvé : {value}, un nombre)',
    'schema.const.boolean': '{path} : la valeur doit être {expected} (trouvé : {value}, un booléen)',
    'schema.const.null': '{path} : la valeur doit être {expected} (trouvé : {value}, une valeur vide)',
    'schema.const.array': '{path} : la valeur doit être {expected} (trouvé : {value}, une liste)',
    'schema.const.object': '{path} : la valeur doit être {expected} (trouvé : {value}, un bloc de clés)',
    'schema.format.oid': '{path} : « {value} » n’est pas un OID valide (ex. 1.2.250.1.213)',
    'schema.format.date': '{path} : « {value} » n’est pas une date au format AAAA-MM-JJ',
    'schema.format.email': '{path} : « {value} » n’est pas une adresse électronique',
    'schema.format.httpUrl':
      '{path} : « {value} » n’est pas une URL http ou https acceptée (sans identifiants user@, sans fragment #, sans espace ni caractère de contrôle)',
    'schema.format.envName':
      '{path} : « {value} » n’est pas un nom de variable accepté : MES_ suivi de majuscules, chiffres ou _ (ex. MES_CLIENT_SECRET) ; seules ces variables peuvent être lues',
    'schema.format.line': '{path} : la valeur doit tenir sur une ligne, sans caractère de contrôle',
    'schema.format.text': '{path} : la valeur contient un caractère de contrôle',
    'schema.format.packageSpec':
      '{path} : « {value} » n’est pas un paquet FHIR id#version (ex. hl7.fhir.fr.core#2.1.0) ; un dossier ou une archive locale se donne à la CLI avec --ig',
    'schema.format.headerName': '{path} : « {value} » n’est pas un nom d’en-tête HTTP',
    'schema.format.criterionId': '{path} : « {value} » n’est pas un identifiant de critère (ex. SEC-PENTEST)',
    'schema.format.rubriqueId': '{path} : « {value} » n’est pas un identifiant de rubrique',
    'schema.format.code': '{path} : « {value} » n’est pas un code (lettres, chiffres, . _ / : -)',
    'schema.format.id': '{path} : « {value} » n’est pas un identifiant de critère (ex. SEC-PENTEST)',
    'schema.format.key': '{path} : « {value} » doit être en minuscules, chiffres et tirets',
    'schema.format.field': '{path} : « {value} » n’est pas un chemin de champ (ex. orientation.audience)',
    'schema.pattern': '{path} : « {value} » ne respecte pas le format attendu ({pattern})',
    'schema.min-items':
      '{path} : la liste doit contenir au moins {limit, plural, one {# élément} other {# éléments}}',
    'schema.unique-items': '{path} : « {value} » apparaît plusieurs fois',
    'schema.min-length':
      '{path} : le texte doit contenir au moins {limit, plural, one {# caractère} other {# caractères}}',
    'schema.max-length': '{path} : le texte dépasse {limit} caractères',
    'schema.range': '{path} : {value} doit être {comparison} {limit}',
    'schema.any-of': '{path} : valeur « {value} » non valide',
    'schema.other': '{path} : {detail}',
    'schema.evidence-location':
      '{path} : indiquez le document par « path » (chemin dans le dépôt) ou « url »',
    'schema.sandbox-target':
      '{path} : « {value} » n’est pas une cible valide (emulator, ou une URL https://… sans identifiants ni fragment)',
    'trust.pending.found':
      'en attente de fusion : cette pull request déclare {settings}, que la branche de base ({ref}) n’a pas ; ce qui choisit où l’action se connecte ne prend effet qu’une fois fusionné',
    'trust.pending.absent':
      'en attente de fusion : le manifeste est nouveau dans cette pull request ; ses paramètres de connexion ({settings}) ne prennent effet qu’une fois fusionnés',
    'trust.pending.unreadable':
      'non exécuté : le manifeste de la branche de base ({ref}) n’a pas pu être lu, et les paramètres de connexion proposés par la pull request ({settings}) ne sont jamais utilisés avant fusion',
    'trust.pending.invalid':
      'non exécuté : le manifeste de la branche de base ({ref}) n’est pas valide, et les paramètres de connexion proposés par la pull request ({settings}) ne sont jamais utilisés avant fusion',
    'manifest.not-a-map':
      '{file} doit contenir un bloc de clés (version, solution, referencing, orientation…)',
    'manifest.bad-date': '{path} : « {value} » n’est pas une date du calendrier',
    'manifest.expires-before-issued':
      'evidence.{name} : la date d’expiration {expires} précède la date d’émission {issued}',
    'manifest.oid-not-under-root':
      'solution.solution-oid : {oid} doit être placé sous l’OID racine de l’éditeur {root} (ex. {root}.1)',
    'manifest.domains-required':
      'orientation.data-domains : le parcours avec-echange exige au moins un domaine de données (mesures, documents, agenda)',
    'manifest.duplicate-waiver':
      'waivers : le critère {criterion} a déjà une dérogation (élément n° {first})',
  },
  en: {
    'file.not-found': 'file not found: {file}',
    'repo.not-found': 'folder not found: {dir}',
    'repo.not-a-folder': '{dir} is not a folder (expected: the repository folder)',
    'file.not-a-file': '{file} is not a file',
    'file.too-large': '{file} is too large ({size} bytes, at most {max}): this is not a manifest',
    'file.empty': '{file} is empty',
    'yaml.duplicate-key': 'duplicate key: each key may appear only once in a block',
    'yaml.bad-indent': 'bad indentation ({detail})',
    'yaml.missing-char': 'missing character ({detail})',
    'yaml.multiline-key': 'multi-line or malformed key ({detail})',
    'yaml.tab-indent': 'tab used for indentation: use spaces',
    'yaml.bad-alias': 'invalid YAML alias ({detail})',
    'yaml.unexpected-token': 'invalid YAML syntax ({detail})',
    'yaml.too-many-aliases': 'too many nested YAML aliases: the document is refused',
    'yaml.syntax': 'invalid YAML syntax ({detail})',
    'schema.required': '{path}: key "{name}" is required',
    'schema.unknown-key-hint': '{path}: unknown key "{name}"; did you mean "{suggestion}"?',
    'schema.unknown-key': '{path}: unknown key "{name}" (possible keys: {known})',
    'schema.property-name': '{path}: invalid key name "{name}"',
    'schema.type': '{path}: expected type {expected} (found: {value})',
    'schema.type.string': '{path} must be a text (found: {value})',
    'schema.type.boolean': '{path} must be true or false (found: {value})',
    'schema.type.array': '{path} must be a list (found: {value})',
    'schema.type.object': '{path} must be a block of keys (found: {value})',
    'schema.type.integer': '{path} must be a whole number (found: {value})',
    'schema.type.number': '{path} must be a number (found: {value})',
    'schema.enum': '{path}: value "{value}" not recognised (possible values: {allowed})',
    'schema.enum-hint':
      '{path}: value "{value}" not recognised; did you mean "{suggestion}"? (possible values: {allowed})',
    'schema.const': '{path}: the value must be {expected} (found: {value})',
    'schema.const.string': '{path}: the value must be {expected} (found: {value}, a text)',
    'schema.const.number': '{path}: the value must be {expected} (found: {value}, a number)',
    'schema.const.boolean': '{path}: the value must be {expected} (found: {value}, a boolean)',
    'schema.const.null': '{path}: the value must be {expected} (found: {value}, an empty value)',
    'schema.const.array': '{path}: the value must be {expected} (found: {value}, a list)',
    'schema.const.object': '{path}: the value must be {expected} (found: {value}, a block of keys)',
    'schema.format.oid': '{path}: "{value}" is not a valid OID (e.g. 1.2.250.1.213)',
    'schema.format.date': '{path}: "{value}" is not a date in YYYY-MM-DD format',
    'schema.format.email': '{path}: "{value}" is not an email address',
    'schema.format.httpUrl':
      '{path}: "{value}" is not an accepted http or https URL (no user@ credentials, no # fragment, no space or control character)',
    'schema.format.envName':
      '{path}: "{value}" is not an accepted variable name: MES_ followed by capitals, digits or _ (e.g. MES_CLIENT_SECRET); only those variables can be read',
    'schema.format.line': '{path}: the value must fit on one line, without control characters',
    'schema.format.text': '{path}: the value holds a control character',
    'schema.format.packageSpec':
      '{path}: "{value}" is not an id#version FHIR package (e.g. hl7.fhir.fr.core#2.1.0); a local folder or archive is given to the CLI with --ig',
    'schema.format.headerName': '{path}: "{value}" is not an HTTP header name',
    'schema.format.criterionId': '{path}: "{value}" is not a criterion id (e.g. SEC-PENTEST)',
    'schema.format.rubriqueId': '{path}: "{value}" is not a section id',
    'schema.format.code': '{path}: "{value}" is not a code (letters, digits, . _ / : -)',
    'schema.format.id': '{path}: "{value}" is not a criterion id (e.g. SEC-PENTEST)',
    'schema.format.key': '{path}: "{value}" must be lowercase letters, digits and dashes',
    'schema.format.field': '{path}: "{value}" is not a field path (e.g. orientation.audience)',
    'schema.pattern': '{path}: "{value}" does not match the expected format ({pattern})',
    'schema.min-items': '{path}: the list needs at least {limit, plural, one {# item} other {# items}}',
    'schema.unique-items': '{path}: "{value}" appears more than once',
    'schema.min-length':
      '{path}: the text needs at least {limit, plural, one {# character} other {# characters}}',
    'schema.max-length': '{path}: the text is longer than {limit} characters',
    'schema.range': '{path}: {value} must be {comparison} {limit}',
    'schema.any-of': '{path}: invalid value "{value}"',
    'schema.other': '{path}: {detail}',
    'schema.evidence-location': '{path}: give the document as "path" (inside the repository) or "url"',
    'schema.sandbox-target':
      '{path}: "{value}" is not a valid target (emulator, or an https://… URL without credentials or fragment)',
    'trust.pending.found':
      'waiting for the merge: this pull request declares {settings}, which the base branch ({ref}) does not have; what chooses where the action connects takes effect once merged',
    'trust.pending.absent':
      'waiting for the merge: the manifest is new in this pull request; its connection settings ({settings}) take effect once merged',
    'trust.pending.unreadable':
      'not run: the base branch manifest ({ref}) could not be read, and the connection settings a pull request proposes ({settings}) are never used before the merge',
    'trust.pending.invalid':
      'not run: the base branch manifest ({ref}) is not valid, and the connection settings a pull request proposes ({settings}) are never used before the merge',
    'manifest.not-a-map': '{file} must hold a block of keys (version, solution, referencing, orientation…)',
    'manifest.bad-date': '{path}: "{value}" is not a calendar date',
    'manifest.expires-before-issued':
      'evidence.{name}: the expiry date {expires} is before the issue date {issued}',
    'manifest.oid-not-under-root':
      'solution.solution-oid: {oid} must sit under the editor root OID {root} (e.g. {root}.1)',
    'manifest.domains-required':
      'orientation.data-domains: the avec-echange path needs at least one data domain (mesures, documents, agenda)',
    'manifest.duplicate-waiver': 'waivers: criterion {criterion} already has a waiver (item {first})',
  },
});
