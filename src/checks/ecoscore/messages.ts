import { defineMessages } from '../../i18n/index.js';

/** The `ecoscore` check: the declared Ecoscore measure. */
export const ecoscoreMessages = defineMessages({
  fr: {
    'ecoscore.no-score': 'Ecoscore : indiquez le score obtenu, sur 100 (evidence.ecoscore.score)',
    'ecoscore.no-journey':
      'Ecoscore : indiquez le parcours utilisateur mesuré (evidence.ecoscore.journey), sans lequel le score ne se compare pas',
    'ecoscore.no-version':
      'Ecoscore : indiquez la version de l’application mesurée (evidence.ecoscore.app-version)',
    'ecoscore.other-version':
      'Ecoscore mesuré sur la version {measured}, l’application est en {current} (solution.version) : recalculez-le si le parcours a changé',
    'ecoscore.no-date': 'Ecoscore : indiquez la date du calcul (evidence.ecoscore.issued)',
    'ecoscore.stale':
      'Ecoscore calculé le {date}, il y a plus de {days} jours : recalculez-le sur la version actuelle',
    'ecoscore.result': 'Ecoscore {score}/100 — parcours « {journey} », version {version}, calculé le {date}',
  },
  en: {
    'ecoscore.no-score': 'Ecoscore: give the score obtained, out of 100 (evidence.ecoscore.score)',
    'ecoscore.no-journey':
      'Ecoscore: give the measured user journey (evidence.ecoscore.journey); without it the score cannot be compared',
    'ecoscore.no-version': 'Ecoscore: give the measured application version (evidence.ecoscore.app-version)',
    'ecoscore.other-version':
      'Ecoscore measured on version {measured}, the application is at {current} (solution.version): measure it again if the journey changed',
    'ecoscore.no-date': 'Ecoscore: give the date of the measure (evidence.ecoscore.issued)',
    'ecoscore.stale':
      'Ecoscore measured on {date}, more than {days} days ago: measure the current version again',
    'ecoscore.result': 'Ecoscore {score}/100 — journey “{journey}”, version {version}, measured on {date}',
  },
});
