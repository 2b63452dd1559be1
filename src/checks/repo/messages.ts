import { defineMessages } from '../../i18n/index.js';

/** The repository scans (`repo/trackers`, `repo/secrets`). */
export const repoMessages = defineMessages({
  fr: {
    'repo.trackers.progress':
      '{files, plural, one {# fichier front-end examiné} other {# fichiers front-end examinés}}',
    'repo.secrets.progress': '{files, plural, one {# fichier examiné} other {# fichiers examinés}}',
    'repo.no-tracker':
      'aucun traceur hors UE dans {files, plural, one {# fichier front-end} other {les # fichiers front-end}} du dépôt',
    'repo.tracker':
      '{name} ({vendor}, {country}) : « {text} » ({count, plural, one {# occurrence} other {# occurrences}}) ; retirez-le ou remplacez-le par une mesure d’audience hébergée dans l’UE',
    'repo.tracker-eu':
      '{name} ({vendor}, {country}) : « {text} » ; mesure d’audience pouvant rester dans l’UE, vérifiez sa configuration d’exemption CNIL',
    'repo.no-secret':
      'aucun secret trouvé dans {files, plural, one {# fichier versionné} other {les # fichiers versionnés}}',
    'repo.secret':
      'secret versionné ({rule} : {kind}) : {preview} ; retirez-le de l’historique, révoquez-le et placez-le dans les secrets de la CI',
    'repo.dotenv':
      'fichier .env versionné ({rule}) ; retirez-le du dépôt, ajoutez-le à .gitignore et révoquez ses secrets',
    'repo.more': '{count, plural, one {# autre résultat non listé} other {# autres résultats non listés}}',
    'repo.too-large':
      '{count, plural, one {# fichier de plus de {max} Mo non examiné} other {# fichiers de plus de {max} Mo non examinés}} : {files}',
    'repo.unreadable': '{count, plural, one {# fichier illisible} other {# fichiers illisibles}} : {files}',
  },
  en: {
    'repo.trackers.progress': '{files, plural, one {# front-end file} other {# front-end files}} examined',
    'repo.secrets.progress': '{files, plural, one {# file} other {# files}} examined',
    'repo.no-tracker':
      'no non-EU tracker in the repository’s {files, plural, one {# front-end file} other {# front-end files}}',
    'repo.tracker':
      '{name} ({vendor}, {country}): "{text}" ({count, plural, one {# occurrence} other {# occurrences}}); remove it or replace it with EU-hosted analytics',
    'repo.tracker-eu':
      '{name} ({vendor}, {country}): "{text}"; analytics that can stay in the EU, check its CNIL exemption settings',
    'repo.no-secret':
      'no secret found in {files, plural, one {# committed file} other {the # committed files}}',
    'repo.secret':
      'committed secret ({rule}: {kind}): {preview}; remove it from the history, revoke it and keep it in CI secrets',
    'repo.dotenv':
      'committed .env file ({rule}); remove it from the repository, add it to .gitignore and revoke its secrets',
    'repo.more': '{count, plural, one {# more result} other {# more results}} not listed',
    'repo.too-large': '{count, plural, one {# file} other {# files}} over {max} MB not examined: {files}',
    'repo.unreadable': '{count, plural, one {# unreadable file} other {# unreadable files}}: {files}',
  },
});
