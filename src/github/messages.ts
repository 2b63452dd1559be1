import { defineMessages } from '../i18n/index.js';

/** The GitHub Action: input errors, publishing problems, the "since last run" section, annotations. */
export const githubMessages = defineMessages({
  fr: {
    'github.fhir-cache.restored':
      'cache des paquets FHIR restauré ({count, plural, one {# paquet} other {# paquets}})',
    'github.fhir-cache.missed': 'aucun cache de paquets FHIR encore enregistré',
    'github.fhir-cache.saved':
      'cache des paquets FHIR enregistré ({count, plural, one {# paquet} other {# paquets}})',
    'github.fhir-cache.failed':
      'cache des paquets FHIR indisponible : {detail} (les paquets seront téléchargés)',
    'github.input.choice': 'entrée {input} : valeur « {value} » invalide (valeurs possibles : {allowed})',
    'github.input.boolean': 'entrée {input} : « {value} » n’est pas un booléen (true ou false)',
    'github.input.positive': 'entrée {input} : « {value} » n’est pas un entier positif',
    'github.input.artifact-name':
      'entrée {input} : « {value} » contient un caractère refusé par le service d’artefacts (" : < > | * ? \\ / ou retour à la ligne)',
    'github.today.bad-date': 'variable {variable} : « {value} » n’est pas une date AAAA-MM-JJ',
    'github.failed':
      'mes-referencing : échec selon la politique « {policy} » ({blocking, plural, one {# critère bloquant} other {# critères bloquants}}, {failed, plural, one {# critère non conforme} other {# critères non conformes}} sans dérogation, {unverified, plural, one {# critère obligatoire non vérifié} other {# critères obligatoires non vérifiés}})',
    'github.verdict':
      'mes-referencing : {verdict} ({blocking, plural, one {# bloquant} other {# bloquants}}, {failed, plural, one {# non conforme} other {# non conformes}}, {unverified, plural, one {# obligatoire non vérifié} other {# obligatoires non vérifiés}})',
    'github.from-report': 'publication du rapport {file} (aucun contrôle exécuté)',
    'github.trust.found':
      'pull request : les paramètres de connexion (cible, identifiants, endpoints, paquets FHIR) viennent du manifeste de la branche de base ({ref})',
    'github.trust.absent':
      'pull request : le manifeste est nouveau (absent de la base {ref}) ; ses paramètres de connexion ne seront utilisés qu’après fusion',
    'github.trust.unreadable':
      'pull request : le manifeste de la branche de base ({ref}) n’a pas pu être lu ({detail}) ; les contrôles qui se connectent selon le manifeste ne sont pas exécutés (permission contents: read ?)',
    'github.trust.invalid':
      'pull request : le manifeste de la branche de base ({ref}) n’est pas valide ({detail}) ; les contrôles qui se connectent selon le manifeste ne sont pas exécutés',
    'github.comment.not-a-pr':
      'événement « {event} » : pas de pull request, donc pas de commentaire (résumé, annotations, SARIF et artefact sont produits)',
    'github.comment.no-repository': 'GITHUB_REPOSITORY absent : pas de commentaire',
    'github.comment.created': 'commentaire créé sur la PR #{number} : {url}',
    'github.comment.updated': 'commentaire mis à jour sur la PR #{number} : {url}',
    'github.comment.unchanged': 'commentaire inchangé sur la PR #{number} : rien à réécrire ({url})',
    'github.comment.skipped':
      'comment: on-failure et aucun critère en échec : pas de commentaire sur la PR #{number}',
    'github.artifact.uploaded': 'dossier téléversé : artefact « {name} » ({id}) {url}',
    'github.problem.sentence': '{what} : {why}.{hints} Le verdict et le code de sortie n’en dépendent pas.',
    'github.problem.what.comment': 'Commentaire de pull request non publié',
    'github.problem.what.artifact': 'Dossier non téléversé en artefact',
    'github.problem.what.summary': 'Résumé du job non écrit',
    'github.problem.why.forbidden': 'GitHub refuse l’accès ({detail})',
    'github.problem.why.rate-limited': 'limite de débit de l’API GitHub atteinte ({detail})',
    'github.problem.why.rejected': 'GitHub refuse le contenu ({detail})',
    'github.problem.why.server': 'le service GitHub répond en erreur ({detail})',
    'github.problem.why.network': 'le service GitHub est injoignable ({detail})',
    'github.problem.why.unsupported-host':
      'le service d’artefacts n’est pas disponible sur {detail} (GitHub Enterprise Server n’est pas pris en charge par @actions/artifact)',
    'github.problem.why.no-token': 'l’entrée github-token est vide',
    'github.problem.why.other': '{detail}',
    'github.problem.hint.permission': 'Donnez au job la permission `pull-requests: write`.',
    'github.problem.hint.fork':
      'Une pull request venant d’un fork n’a qu’un jeton en lecture seule : publiez le commentaire en deux temps avec `workflow_run` (voir docs/github-action.md).',
    'github.problem.hint.files': 'Les fichiers du dossier restent dans {dir}.',
    'github.problem.hint.token':
      'Laissez github-token à sa valeur par défaut (`${{ github.token }}`) ou passez un jeton qui a la permission `pull-requests: write`.',
    'github.banner.title': 'Publication incomplète — le verdict ci-dessous n’en dépend pas',
    'github.summary.config-title': 'mes-referencing : erreur de configuration',
    'github.summary.internal-title': 'mes-referencing : erreur interne',
    'github.summary.config-hint':
      'Aucun contrôle n’a été exécuté. Corrigez ces points (annotations ci-dessus) puis relancez ; `mes-referencing check` les affiche aussi en local.',
    'github.since.title': 'Depuis le résultat précédent',
    'github.since.failing': 'Nouveaux échecs ({count}) :',
    'github.since.fixed': 'Corrigés ({count}) :',
    'github.since.other': 'Autres changements ({count}) :',
    'github.since.more': '… et {count, plural, one {# autre} other {# autres}}',
    'github.since.none': 'Aucun changement de statut.',
    'github.since.absent': 'absent',
    'github.since.waived': 'non conforme (dérogation)',
    'github.annotations.more.error':
      '… et {count, plural, one {# autre constat bloquant} other {# autres constats bloquants}} : la liste complète est dans le résumé du job et le dossier',
    'github.annotations.more.warning':
      '… et {count, plural, one {# autre avertissement} other {# autres avertissements}} : la liste complète est dans le résumé du job et le dossier',
    'github.annotations.more.notice':
      '… et {count, plural, one {# autre remarque} other {# autres remarques}} : la liste complète est dans le résumé du job et le dossier',
  },
  en: {
    'github.fhir-cache.restored':
      'FHIR package cache restored ({count, plural, one {# package} other {# packages}})',
    'github.fhir-cache.missed': 'no FHIR package cache saved yet',
    'github.fhir-cache.saved':
      'FHIR package cache saved ({count, plural, one {# package} other {# packages}})',
    'github.fhir-cache.failed': 'FHIR package cache unavailable: {detail} (packages will be downloaded)',
    'github.input.choice': 'input {input}: invalid value "{value}" (allowed: {allowed})',
    'github.input.boolean': 'input {input}: "{value}" is not a boolean (true or false)',
    'github.input.positive': 'input {input}: "{value}" is not a positive integer',
    'github.input.artifact-name':
      'input {input}: "{value}" contains a character the artifact service refuses (" : < > | * ? \\ / or a line break)',
    'github.today.bad-date': 'variable {variable}: "{value}" is not a YYYY-MM-DD date',
    'github.failed':
      'mes-referencing: failing under the "{policy}" policy ({blocking, plural, one {# blocking criterion} other {# blocking criteria}}, {failed, plural, one {# non-compliant criterion} other {# non-compliant criteria}} without a waiver, {unverified, plural, one {# mandatory criterion} other {# mandatory criteria}} not verified)',
    'github.verdict':
      'mes-referencing: {verdict} ({blocking} blocking, {failed} non-compliant, {unverified} mandatory not verified)',
    'github.from-report': 'publishing the report {file} (no check run)',
    'github.trust.found':
      'pull request: the connection settings (target, credentials, endpoints, FHIR packages) come from the base branch manifest ({ref})',
    'github.trust.absent':
      'pull request: the manifest is new (not in the base {ref}); its connection settings will be used once merged',
    'github.trust.unreadable':
      'pull request: the base branch manifest ({ref}) could not be read ({detail}); the checks that connect where the manifest says are not run (contents: read permission?)',
    'github.trust.invalid':
      'pull request: the base branch manifest ({ref}) is not valid ({detail}); the checks that connect where the manifest says are not run',
    'github.comment.not-a-pr':
      'event "{event}": no pull request, so no comment (summary, annotations, SARIF and artifact are produced)',
    'github.comment.no-repository': 'GITHUB_REPOSITORY is missing: no comment',
    'github.comment.created': 'comment created on PR #{number}: {url}',
    'github.comment.updated': 'comment updated on PR #{number}: {url}',
    'github.comment.unchanged': 'comment unchanged on PR #{number}: nothing to rewrite ({url})',
    'github.comment.skipped': 'comment: on-failure and no failing criterion: no comment on PR #{number}',
    'github.artifact.uploaded': 'dossier uploaded: artifact "{name}" ({id}) {url}',
    'github.problem.sentence': '{what}: {why}.{hints} The verdict and the exit code do not depend on it.',
    'github.problem.what.comment': 'Pull request comment not published',
    'github.problem.what.artifact': 'Dossier not uploaded as an artifact',
    'github.problem.what.summary': 'Job summary not written',
    'github.problem.why.forbidden': 'GitHub refuses access ({detail})',
    'github.problem.why.rate-limited': 'GitHub API rate limit reached ({detail})',
    'github.problem.why.rejected': 'GitHub refuses the content ({detail})',
    'github.problem.why.server': 'the GitHub service answers with an error ({detail})',
    'github.problem.why.network': 'the GitHub service cannot be reached ({detail})',
    'github.problem.why.unsupported-host':
      'the artifact service is not available on {detail} (GitHub Enterprise Server is not supported by @actions/artifact)',
    'github.problem.why.no-token': 'the github-token input is empty',
    'github.problem.why.other': '{detail}',
    'github.problem.hint.permission': 'Give the job the `pull-requests: write` permission.',
    'github.problem.hint.fork':
      'A pull request from a fork only gets a read-only token: publish the comment in two stages with `workflow_run` (see docs/github-action.md).',
    'github.problem.hint.files': 'The dossier files stay in {dir}.',
    'github.problem.hint.token':
      'Leave github-token at its default (`${{ github.token }}`) or pass a token with the `pull-requests: write` permission.',
    'github.banner.title': 'Incomplete publishing — the verdict below does not depend on it',
    'github.summary.config-title': 'mes-referencing: configuration error',
    'github.summary.internal-title': 'mes-referencing: internal error',
    'github.summary.config-hint':
      'No check was run. Fix these problems (annotations above) and run again; `mes-referencing check` shows them locally too.',
    'github.since.title': 'Since the previous result',
    'github.since.failing': 'Newly failing ({count}):',
    'github.since.fixed': 'Fixed ({count}):',
    'github.since.other': 'Other changes ({count}):',
    'github.since.more': '… and {count} more',
    'github.since.none': 'No status changed.',
    'github.since.absent': 'absent',
    'github.since.waived': 'non-compliant (waived)',
    'github.annotations.more.error':
      '… and {count, plural, one {# more blocking finding} other {# more blocking findings}}: the full list is in the job summary and the dossier',
    'github.annotations.more.warning':
      '… and {count, plural, one {# more warning} other {# more warnings}}: the full list is in the job summary and the dossier',
    'github.annotations.more.notice':
      '… and {count, plural, one {# more notice} other {# more notices}}: the full list is in the job summary and the dossier',
  },
});
