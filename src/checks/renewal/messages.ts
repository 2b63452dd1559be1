import { defineMessages } from '../../i18n/index.js';

/** The `renewal` check: when the referencing must be renewed. */
export const renewalMessages = defineMessages({
  fr: {
    'renewal.first-application':
      'première demande : aucune décision de référencement antérieure déclarée (referencing.last-decision ou referencing.process.decision)',
    'renewal.overdue':
      'renouvellement en retard : décision du {last}, renouvellement dû le {due} (dépassé de {days, plural, one {# jour} other {# jours}})',
    'renewal.soon':
      'renouvellement à préparer : décision du {last}, dû le {due} ({days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}})',
    'renewal.ok': 'référencement décidé le {last}, renouvellement dû le {due}',
  },
  en: {
    'renewal.first-application':
      'first application: no earlier referencing decision declared (referencing.last-decision)',
    'renewal.overdue':
      'renewal overdue: decision of {last}, renewal due on {due} ({days, plural, one {# day} other {# days}} late)',
    'renewal.soon':
      'renewal to prepare: decision of {last}, due on {due} ({days, plural, =0 {today} one {in # day} other {in # days}})',
    'renewal.ok': 'referenced on {last}, renewal due on {due}',
  },
});
