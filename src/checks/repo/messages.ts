import { defineMessages } from '../../i18n/index.js';

/** The repository scans (`repo/trackers`, `repo/secrets`). */
export const repoMessages = defineMessages({
  fr: {
    'repo.trackers.progress': '{files} fichier(s) front-end examiné(s)',
    'repo.secrets.progress': '{files} fichier(s) examiné(s)',
    'repo.no-tracker': 'aucun traceur hors UE dans les {files} fichier(s) front-end du dépôt',
    'repo.tracker':
      '{name} ({vendor}, {country}) : « {text} » ({count} occurrence(s)) ; retirez-le ou remplacez-le par une mesure d’audience hébergée dans l’UE',
    'repo.tracker-eu':
      '{name} ({vendor}, {country}) : « {text} » ; mesure d’audience pouvant rester dans l’UE, vérifiez sa configuration d’exemption CNIL',
    'repo.no-secret': 'aucun secret trouvé dans les {files} fichier(s) versionnés',
    'repo.secret':
      'secret versionné ({rule} : {kind}) : {preview} ; retirez-le de l’historique, révoquez-le et placez-le dans les secrets de la CI',
    'repo.dotenv':
      'fichier .env versionné ({rule}) ; retirez-le du dépôt, ajoutez-le à .gitignore et révoquez ses secrets',
    'repo.more': '{count} autre(s) résultat(s) non listé(s)',
    'repo.too-large': '{count} fichier(s) de plus de {max} Mo non examiné(s) : {files}',
    'repo.unreadable': '{count} fichier(s) illisible(s) : {files}',
  },
  en: {
    'repo.trackers.progress': '{files} front-end file(s) examined',
    'repo.secrets.progress': '{files} file(s) examined',
    'repo.no-tracker': 'no non-EU tracker in the repository’s {files} front-end file(s)',
    'repo.tracker':
      '{name} ({vendor}, {country}): "{text}" ({count} occurrence(s)); remove it or replace it with EU-hosted analytics',
    'repo.tracker-eu':
      '{name} ({vendor}, {country}): "{text}"; analytics that can stay in the EU, check its CNIL exemption settings',
    'repo.no-secret': 'no secret found in the {files} committed file(s)',
    'repo.secret':
      'committed secret ({rule}: {kind}): {preview}; remove it from the history, revoke it and keep it in CI secrets',
    'repo.dotenv':
      'committed .env file ({rule}); remove it from the repository, add it to .gitignore and revoke its secrets',
    'repo.more': '{count} more result(s) not listed',
    'repo.too-large': '{count} file(s) over {max} MB not examined: {files}',
    'repo.unreadable': '{count} unreadable file(s): {files}',
  },
});
