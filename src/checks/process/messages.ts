import { defineMessages } from '../../i18n/index.js';

/** The process checks (`process/deadlines`, `process/naming`, `process/eligibility`, `process/continuous-evaluation`). */
export const processCheckMessages = defineMessages({
  fr: {
    'process.request.none':
      'aucune demande de compléments enregistrée (referencing.process.evaluation.requests)',
    'process.request.done': 'demande de compléments {id} : répondu le {done} (échéance {due})',
    'process.request.late': 'demande de compléments {id} : répondu le {done}, après l’échéance du {due}',
    'process.request.open':
      'demande de compléments {id} : réponse attendue le {due} ({days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}})',
    'process.reservation.none': 'aucune réserve enregistrée (referencing.process.opinion.reservations)',
    'process.reservation.done': 'réserve {id} levée le {done} (échéance {due})',
    'process.reservation.late': 'réserve {id} levée le {done}, après l’échéance du {due}',
    'process.reservation.open':
      'réserve {id} à lever avant le {due} ({days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}})',
    'process.continuous-evaluation.not-referenced':
      'pas encore de décision de référencement : aucun rapport n’est dû',
    'process.continuous-evaluation.upcoming':
      'prochain rapport d’évaluation continue attendu le {due} ({days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}})',
    'naming.undeclared':
      'produits Convergence non déclarés (referencing.process.convergence.products) ; noms attendus : {expected}',
    'naming.other-name':
      '« {product} » ne commence pas par le nom affiché au catalogue « {name} » (solution.name) : nommez-le « [Nom] [OS] [Appareil] »',
    'naming.no-device': '« {product} » : l’appareil doit terminer le nom, « Mobile » ou « Site Web »',
    'naming.no-os': '« {product} » : nommez le système d’exploitation avant « Mobile » (ex. iOS, Android)',
    'naming.ok': '« {product} » suit la règle « [Nom] [OS] [Appareil] »',
    'naming.platform-missing':
      'aucun produit Convergence pour la plateforme {platform} déclarée (solution.platforms) ; attendu : « {expected} »',
    'eligibility.audience':
      'la solution n’est pas destinée aux patients (orientation.audience) : le catalogue de services ne référence que des services pour les patients',
    'eligibility.sector-undeclared':
      'secteur non déclaré : indiquez orientation.sector (sanitaire, medico-social, social) pour que l’éligibilité se vérifie',
    'eligibility.sector':
      'secteur déclaré « {sector} » : seules les solutions du secteur sanitaire, médico-social ou social sont éligibles',
    'eligibility.met': 'solution du secteur {sector}, destinée aux patients',
  },
  en: {
    'process.request.none': 'no request for information recorded (referencing.process.evaluation.requests)',
    'process.request.done': 'request for information {id}: answered on {done} (deadline {due})',
    'process.request.late': 'request for information {id}: answered on {done}, after the deadline {due}',
    'process.request.open':
      'request for information {id}: answer due on {due} ({days, plural, =0 {today} one {in # day} other {in # days}})',
    'process.reservation.none': 'no reservation recorded (referencing.process.opinion.reservations)',
    'process.reservation.done': 'reservation {id} lifted on {done} (deadline {due})',
    'process.reservation.late': 'reservation {id} lifted on {done}, after the deadline {due}',
    'process.reservation.open':
      'reservation {id} to lift by {due} ({days, plural, =0 {today} one {in # day} other {in # days}})',
    'process.continuous-evaluation.not-referenced': 'no referencing decision yet: no report is due',
    'process.continuous-evaluation.upcoming':
      'next continuous evaluation report due on {due} ({days, plural, =0 {today} one {in # day} other {in # days}})',
    'naming.undeclared':
      'Convergence products not declared (referencing.process.convergence.products); expected names: {expected}',
    'naming.other-name':
      '“{product}” does not start with the catalogue name “{name}” (solution.name): name it “[Name] [OS] [Device]”',
    'naming.no-device': '“{product}”: the device must end the name, “Mobile” or “Site Web”',
    'naming.no-os': '“{product}”: name the operating system before “Mobile” (e.g. iOS, Android)',
    'naming.ok': '“{product}” follows the “[Name] [OS] [Device]” rule',
    'naming.platform-missing':
      'no Convergence product for the declared platform {platform} (solution.platforms); expected: “{expected}”',
    'eligibility.audience':
      'the service is not aimed at patients (orientation.audience): the catalogue only lists services for patients',
    'eligibility.sector-undeclared':
      'sector not declared: give orientation.sector (sanitaire, medico-social, social) so eligibility can be checked',
    'eligibility.sector':
      'declared sector “{sector}”: only services of the sanitary, medico-social or social sector are eligible',
    'eligibility.met': 'service of the {sector} sector, aimed at patients',
  },
});
