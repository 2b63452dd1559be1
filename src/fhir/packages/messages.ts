import { defineMessages } from '../../i18n/index.js';

/** Loading FHIR packages: missing, substituted or invalid packages. */
export const packageMessages = defineMessages({
  fr: {
    'fhir.pkg.missing': 'paquet FHIR {spec} introuvable ; cherché dans : {searched}',
    'fhir.pkg.missing-dependency':
      'dépendance {spec} de {requiredBy} introuvable (cherchée dans : {searched}) : ses définitions ne sont pas vérifiées',
    'fhir.pkg.substituted-dependency':
      'dépendance {spec} de {requiredBy} introuvable ; {substitute}, disponible localement, est utilisée à sa place',
    'fhir.pkg.invalid-package': 'paquet FHIR {spec} inutilisable : {detail}',
    'fhir.pkg.summary.missing':
      '{count, plural, one {# dépendance introuvable} other {# dépendances introuvables}}, leurs définitions ne sont pas vérifiées : {list}',
    'fhir.pkg.summary.substituted':
      '{count, plural, one {# dépendance remplacée} other {# dépendances remplacées}} par une version locale : {list}',
    'fhir.pkg.summary.other':
      '{count, plural, one {# paquet inutilisable} other {# paquets inutilisables}} : {list}',
    'fhir.pkg.invalid-resource': 'ressource de conformité illisible dans {spec} : {detail}',
  },
  en: {
    'fhir.pkg.missing': 'FHIR package {spec} not found; looked in: {searched}',
    'fhir.pkg.missing-dependency':
      'dependency {spec} of {requiredBy} not found (looked in: {searched}): its definitions are not checked',
    'fhir.pkg.substituted-dependency':
      'dependency {spec} of {requiredBy} not found; {substitute}, available locally, is used instead',
    'fhir.pkg.invalid-package': 'FHIR package {spec} cannot be used: {detail}',
    'fhir.pkg.summary.missing':
      '{count, plural, one {# dependency} other {# dependencies}} not found, their definitions are not checked: {list}',
    'fhir.pkg.summary.substituted':
      '{count, plural, one {# dependency} other {# dependencies}} replaced by a local version: {list}',
    'fhir.pkg.summary.other': '{count, plural, one {# package} other {# packages}} unusable: {list}',
    'fhir.pkg.invalid-resource': 'unreadable conformance resource in {spec}: {detail}',
  },
});
