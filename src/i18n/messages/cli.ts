import type { MessageTable } from '../index.js';

/** The command line: usage, help texts, argument errors. */
export const cli: MessageTable = {
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
    'cli.review.missing': 'fichier(s) de preuve introuvable(s), à ajouter avant la revue : {files}',
    'cli.review.reviewer-placeholder': 'Prénom Nom, fonction',
    'cli.review.note-placeholder': 'ce qui a été examiné et constaté',
    'cli.unknown-command':
      'commande inconnue « {name} » ; vouliez-vous dire « {suggestion} » ? (mes-referencing --help)',
    'cli.unknown-option': 'option inconnue {option} ; vouliez-vous dire {suggestion} ?',
    'cli.missing-value': 'l’option {option} attend une valeur',
    'cli.unexpected-argument': 'argument inattendu « {value} »',
    'cli.no-value': 'l’option {option} ne prend pas de valeur',
    'cli.ambiguous-value':
      'l’option {option} attend une valeur, et « {value} » ressemble à une option ; écrivez {option}={value} si c’est bien sa valeur',
    'cli.bad-arguments': 'arguments invalides : {detail}',
    'cli.bad-choice':
      '{option} : valeur « {value} » invalide ({allowed}) ; vouliez-vous dire « {suggestion} » ?',
    'cli.bad-date': '{option} : « {value} » n’est pas une date AAAA-MM-JJ',
    'cli.bad-target':
      '{option} : « {value} » n’est pas une cible valide (emulator, ou une URL http(s) sans identifiants ni fragment)',
    'output-dir.is-a-file':
      '{option} : impossible d’écrire dans {dir} : c’est un fichier, pas un dossier ; choisissez un autre dossier',
    'output-dir.under-a-file':
      '{option} : impossible de créer {dir} : {file} est un fichier, pas un dossier ; choisissez un autre dossier',
    'output-dir.denied': '{option} : écriture refusée dans {dir} (permissions) ; choisissez un autre dossier',
    'output-dir.read-only':
      '{option} : {dir} est sur un système de fichiers en lecture seule ; choisissez un autre dossier',
    'output-dir.full': '{option} : plus de place pour écrire dans {dir}',
    'output-dir.other': '{option} : impossible d’écrire dans {dir} ({detail})',
    'cli.internal-error':
      'erreur interne de mes-referencing : {detail}. Relancez avec MES_REFERENCING_DEBUG=1 pour la trace et signalez-la.',
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
    'cli.review.missing': 'evidence file(s) not found, to add before the review: {files}',
    'cli.review.reviewer-placeholder': 'First Last, role',
    'cli.review.note-placeholder': 'what was examined and found',
    'cli.unknown-command': 'unknown command "{name}"; did you mean "{suggestion}"? (mes-referencing --help)',
    'cli.unknown-option': 'unknown option {option}; did you mean {suggestion}?',
    'cli.missing-value': 'option {option} needs a value',
    'cli.unexpected-argument': 'unexpected argument "{value}"',
    'cli.no-value': 'option {option} takes no value',
    'cli.ambiguous-value':
      'option {option} needs a value, and "{value}" looks like an option; write {option}={value} if it is the value',
    'cli.bad-arguments': 'invalid arguments: {detail}',
    'cli.bad-choice': '{option}: invalid value "{value}" ({allowed}); did you mean "{suggestion}"?',
    'cli.bad-date': '{option}: "{value}" is not a YYYY-MM-DD date',
    'cli.bad-target':
      '{option}: "{value}" is not a valid target (emulator, or an http(s) URL without credentials or fragment)',
    'output-dir.is-a-file':
      '{option}: cannot write into {dir}: it is a file, not a folder; choose another folder',
    'output-dir.under-a-file':
      '{option}: cannot create {dir}: {file} is a file, not a folder; choose another folder',
    'output-dir.denied': '{option}: writing into {dir} is not permitted; choose another folder',
    'output-dir.read-only': '{option}: {dir} is on a read-only file system; choose another folder',
    'output-dir.full': '{option}: no space left to write into {dir}',
    'output-dir.other': '{option}: cannot write into {dir} ({detail})',
    'cli.internal-error':
      'mes-referencing internal error: {detail}. Run again with MES_REFERENCING_DEBUG=1 for the trace and report it.',
  },
};
