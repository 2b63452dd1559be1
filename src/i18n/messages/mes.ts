import type { MessageTable } from '../index.js';

/** The offline MES business rules (`mes/rules`) and the MES specification data (rules/mes). */
export const mes: MessageTable = {
  fr: {
    'mes.no-resources':
      'aucune ressource FHIR déclarée : listez les fichiers envoyés à Mon espace santé ({domain}) dans fhir.resources',
    'mes.no-resources-of-domain':
      'aucune ressource du domaine {domain} parmi fhir.resources : les règles de Mon espace santé n’ont rien à vérifier',
    'mes.pattern-no-match': 'le motif {pattern} ne correspond à aucun fichier',
    'mes.pattern-absolute': 'le motif {pattern} est absolu : il doit être relatif à la racine du dépôt',
    'mes.pattern-escapes': 'le motif {pattern} sort du dépôt ; il est refusé',
    'mes.file-too-large': '{file} est trop volumineux ({detail} octets) pour être vérifié',
    'mes.file-unreadable': '{file} est illisible : {detail}',
    'mes.file-bad-json': '{file} n’est pas du JSON valide : {detail}',
    'mes.file-bad-encoding': '{file} : {detail}',
    'mes.file-symlink-escapes': '{file} est un lien symbolique qui sort du dépôt : il n’est pas lu',
    'mes.resource-ok.mesures': '{file} : Bundle conforme aux règles de l’API mesures',
    'mes.resource-ok.documents': '{file} : DocumentReference conforme aux règles de publication ITI-105',
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
    'mes.no-resources':
      'no FHIR resource declared: list the files sent to Mon espace santé ({domain}) in fhir.resources',
    'mes.no-resources-of-domain':
      'no {domain} resource among fhir.resources: the Mon espace santé rules have nothing to check',
    'mes.pattern-no-match': 'pattern {pattern} matches no file',
    'mes.pattern-absolute': 'pattern {pattern} is absolute: it must be relative to the repository root',
    'mes.pattern-escapes': 'pattern {pattern} leaves the repository; it is refused',
    'mes.file-too-large': '{file} is too large ({detail} bytes) to be checked',
    'mes.file-unreadable': '{file} cannot be read: {detail}',
    'mes.file-bad-json': '{file} is not valid JSON: {detail}',
    'mes.file-bad-encoding': '{file}: {detail}',
    'mes.file-symlink-escapes': '{file} is a symbolic link leaving the repository: it is not read',
    'mes.resource-ok.mesures': '{file}: Bundle follows the measures API rules',
    'mes.resource-ok.documents': '{file}: DocumentReference follows the ITI-105 publication rules',
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
};
