import { defineMessages } from '../i18n/index.js';

/** Loading the criteria catalogue, and what the manifest says about criteria (waivers, reviews, official ids). */
export const catalogueMessages = defineMessages({
  fr: {
    'catalogue.unknown-version':
      'référentiel « {version} » inconnu : versions disponibles {known} (vouliez-vous dire « {suggestion} » ?)',
    'catalogue.version-mismatch':
      'catalogue.yml annonce la version {version} mais se trouve dans le dossier {dir}',
    'catalogue.duplicate-id': 'identifiant de critère {id} en double (déjà défini en {first})',
    'catalogue.unknown-rubrique': 'rubrique « {rubrique} » absente de catalogue.yml',
    'catalogue.evidence-not-in-manifest': 'type de preuve « {key} » inconnu du schéma du manifeste',
    'catalogue.unknown-source': '{id} : source « {source} » non définie dans catalogue.yml',
    'catalogue.fondement-source-unlisted':
      '{id} : le fondement cite « {source} », absente des sources du critère (sources)',
    'catalogue.obligatoire-unsourced':
      '{id} : niveau obligatoire sans source publiée dans fondement.sources (sinon : obligatoire-suppose)',
    'catalogue.unknown-evidence':
      '{id} : type de preuve « {item} » non défini dans catalogue.yml (vouliez-vous dire « {suggestion} » ?)',
    'catalogue.unknown-check': '{id} : contrôle « {check} » inconnu (vouliez-vous dire « {suggestion} » ?)',
    'catalogue.bad-check-params': '{id} : paramètres invalides pour le contrôle {check} : {detail}',
    'catalogue.unknown-field': 'condition sur « {field} », champ absent du schéma du manifeste',
    'catalogue.bad-date': '{id} : « {date} » n’est pas une date du calendrier',
    'catalogue.unknown-actor': 'process : acteur « {actor} » non défini dans process.actors',
    'catalogue.step-order': 'process.steps : l’étape {number} doit être « {expected} », pas « {key} »',
    'catalogue.step-count':
      'process.steps : les {count} étapes du référencement sont attendues, dans l’ordre',
    'catalogue.bad-condition':
      '{path} : condition invalide (attendu : all, any, not, ou field avec equals, in, includes, includes-any ou exists)',
    'requirement.from':
      'exigé à partir du {date} ({days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}}) : {message}',
    'waiver.unknown-criterion': 'dérogation pour {id} : ce critère n’existe pas dans le catalogue',
    'waiver.not-applicable': 'dérogation pour {id} : ce critère ne s’applique pas à la solution',
    'waiver.expired': 'dérogation pour {id} expirée le {date} : elle ne s’applique plus',
    'waiver.unused': 'dérogation pour {id} inutile : le critère n’est pas non conforme',
    'official-id.unknown-criterion': 'official-ids : {id} n’existe pas dans le catalogue',
    'review.unknown-criterion': 'revue de {id} : ce critère n’existe pas dans le catalogue',
    'review.unused':
      'revue de {id} par {reviewer} du {date} sans effet : les contrôles le disent {status} (une revue ne décide que d’un critère à vérifier)',
    'review.future': 'revue de {id} datée du {date}, dans le futur : elle ne s’applique pas',
    'review.conforme': 'revu par {reviewer} le {date} : conforme',
    'review.non-conforme': 'revu par {reviewer} le {date} : non conforme',
    'review.lapsed': 'la revue de {reviewer} du {date} ne vaut plus : {reason}',
    'review.lapsed-fix':
      'examinez à nouveau les preuves et mettez la revue à jour (`mes-referencing review {id}` affiche l’entrée avec les empreintes actuelles)',
    'review.lapse.expired': 'elle a plus d’un an (valable jusqu’au {date})',
    'review.lapse.file-changed': '{file} a changé depuis (empreinte sha256 différente)',
    'review.lapse.file-missing': '{file} n’existe plus',
    'review.lapse.file-not-reviewed': '{file} n’a pas été revu (absent de sha256)',
  },
  en: {
    'catalogue.unknown-version':
      'unknown framework version "{version}": available versions {known} (did you mean "{suggestion}"?)',
    'catalogue.version-mismatch': 'catalogue.yml says version {version} but sits in folder {dir}',
    'catalogue.duplicate-id': 'criterion id {id} defined twice (first at {first})',
    'catalogue.unknown-rubrique': 'section "{rubrique}" missing from catalogue.yml',
    'catalogue.evidence-not-in-manifest': 'evidence type "{key}" unknown to the manifest schema',
    'catalogue.unknown-source': '{id}: source "{source}" not defined in catalogue.yml',
    'catalogue.fondement-source-unlisted':
      '{id}: the basis cites "{source}", which is not among the criterion\'s sources',
    'catalogue.obligatoire-unsourced':
      '{id}: mandatory level with no published source in fondement.sources (otherwise: obligatoire-suppose)',
    'catalogue.unknown-evidence':
      '{id}: evidence type "{item}" not defined in catalogue.yml (did you mean "{suggestion}"?)',
    'catalogue.unknown-check': '{id}: unknown check "{check}" (did you mean "{suggestion}"?)',
    'catalogue.bad-check-params': '{id}: invalid parameters for check {check}: {detail}',
    'catalogue.unknown-field': 'condition on "{field}", a field the manifest schema does not define',
    'catalogue.bad-date': '{id}: "{date}" is not a calendar date',
    'catalogue.unknown-actor': 'process: actor "{actor}" not defined in process.actors',
    'catalogue.step-order': 'process.steps: step {number} must be "{expected}", not "{key}"',
    'catalogue.step-count': 'process.steps: the {count} referencing steps are expected, in order',
    'catalogue.bad-condition':
      '{path}: invalid condition (expected all, any, not, or field with equals, in, includes, includes-any or exists)',
    'requirement.from':
      'required from {date} ({days, plural, =0 {today} one {in # day} other {in # days}}): {message}',
    'waiver.unknown-criterion': 'waiver for {id}: no such criterion in the catalogue',
    'waiver.not-applicable': 'waiver for {id}: the criterion does not apply to this service',
    'waiver.expired': 'waiver for {id} expired on {date}: it no longer applies',
    'waiver.unused': 'waiver for {id} not needed: the criterion is not failing',
    'official-id.unknown-criterion': 'official-ids: {id} is not in the catalogue',
    'review.unknown-criterion': 'review of {id}: no such criterion in the catalogue',
    'review.unused':
      'review of {id} by {reviewer} on {date} has no effect: the checks find it {status} (a review only decides a criterion to review)',
    'review.future': 'review of {id} dated {date}, in the future: it does not apply',
    'review.conforme': 'reviewed by {reviewer} on {date}: compliant',
    'review.non-conforme': 'reviewed by {reviewer} on {date}: non-compliant',
    'review.lapsed': 'the review by {reviewer} on {date} no longer holds: {reason}',
    'review.lapsed-fix':
      'review the evidence again and update the review (`mes-referencing review {id}` prints the entry with the current hashes)',
    'review.lapse.expired': 'it is more than a year old (valid until {date})',
    'review.lapse.file-changed': '{file} has changed since (different sha256)',
    'review.lapse.file-missing': '{file} no longer exists',
    'review.lapse.file-not-reviewed': '{file} was not reviewed (missing from sha256)',
  },
});
