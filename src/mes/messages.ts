import { defineMessages } from '../i18n/index.js';

/** The MES specification data (rules/mes) and its business-rule violations, shared by checks and the emulator. */
export const mesMessages = defineMessages({
  fr: {
    'mes.violation': 'Mon espace santé répondrait HTTP {status} « {message} » : {diagnostic}',
    'mes.violation-no-message': 'Mon espace santé répondrait HTTP {status} : {diagnostic}',
    'mes.advisory.bundle-type':
      'Bundle.type vaut « {type} » : l’API mesures n’accepte qu’un Bundle de type transaction',
    'mes.advisory.full-url-missing':
      'l’entrée de l’Observation n’a pas de fullUrl, que la validation FHIR exige',
    'mes.advisory.profile-unknown':
      'profil {profile} inconnu des API Mon espace santé : la ressource serait refusée (HTTP {status})',
    'mes.advisory.device-profile-unknown':
      'le Device déclare le profil {profile} ; Mon espace santé valide les Device contre {expected}',
    'mes.advisory.profile-legacy': 'profil obsolète {profile} : utilisez {canonical}',
    'mes.spec-domain': '{file} doit décrire le domaine {domain}',
    'mes.spec-source': '{file} cite la source {key}, absente de sa liste sources',
  },
  en: {
    'mes.violation': 'Mon espace santé would answer HTTP {status} "{message}": {diagnostic}',
    'mes.violation-no-message': 'Mon espace santé would answer HTTP {status}: {diagnostic}',
    'mes.advisory.bundle-type': 'Bundle.type is "{type}": the measures API only accepts a transaction Bundle',
    'mes.advisory.full-url-missing': 'the Observation entry has no fullUrl, which FHIR validation requires',
    'mes.advisory.profile-unknown':
      'profile {profile} is unknown to the Mon espace santé APIs: the resource would be refused (HTTP {status})',
    'mes.advisory.device-profile-unknown':
      'the Device declares profile {profile}; Mon espace santé validates Devices against {expected}',
    'mes.advisory.profile-legacy': 'obsolete profile {profile}: use {canonical}',
    'mes.spec-domain': '{file} must describe the {domain} domain',
    'mes.spec-source': '{file} cites source {key}, missing from its sources list',
  },
});
