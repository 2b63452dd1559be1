import { defineMessages } from '../../../i18n/index.js';

/** The `mes/rules` check: MES business rules applied offline to the repository's resources. */
export const mesRulesMessages = defineMessages({
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
  },
});
