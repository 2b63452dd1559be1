import { defineMessages } from '../../../i18n/index.js';

/** The `fhir/profiles` check: which resources are validated, against what, and the fixes. */
export const profilesMessages = defineMessages({
  fr: {
    'fhir.definition-shadowed':
      '{file} : la définition {url} n’est pas utilisée, le paquet {package} la définit déjà (changez son url pour en faire votre profil)',
    'fhir.resources-absolute':
      'fhir.resources : « {pattern} » est un chemin absolu ; donnez un motif relatif à la racine du dépôt',
    'fhir.resources-escapes':
      'fhir.resources : « {pattern} » sort du dépôt ; seuls les fichiers du dépôt sont validés',
    'fhir.resources-symlink-escapes':
      'fhir.resources : « {pattern} » est un lien symbolique qui sort du dépôt',
    'fhir.resources-none': 'fhir.resources : le motif « {pattern} » ne correspond à aucun fichier',
    'fhir.no-resources':
      'aucune ressource FHIR du domaine {domain} dans fhir.resources : ajoutez des exemples des ressources envoyées à Mon espace santé pour qu’elles soient validées',
    'fhir.package-dependencies': 'paquets {packages} chargés ; {detail}',
    'fhir.fix.package-missing':
      'donnez un dossier de paquets FHIR (variable FHIR_PACKAGE_PATH), ou laissez le contrôle joindre le registre packages.fhir.org pour les télécharger (le cache fhir-package-cache les garde d’une exécution à l’autre)',
    'fhir.fix.package-offline':
      'le mode hors ligne interdit le téléchargement : placez les paquets dans un dossier de FHIR_PACKAGE_PATH ou dans le cache (~/.fhir/packages), ou relancez sans --offline',
    'fhir.fix.invalid-package':
      'remplacez le paquet {spec} par une copie intègre (supprimez-le du cache pour qu’il soit retéléchargé)',
    'fhir.fix.profile-not-loaded':
      'ajoutez le paquet qui définit ce profil à fhir.packages (ou au dossier FHIR_PACKAGE_PATH) pour que la ressource soit validée contre lui',
    'fhir.progress':
      '{count, plural, one {# fichier du domaine {domain} validé} other {# fichiers du domaine {domain} validés}} contre {packages}',
    'fhir.conforms':
      '{file} conforme aux profils ({packages}) ; {warnings, plural, one {# avertissement} other {# avertissements}}, {unevaluated, plural, one {# contrainte non évaluée} other {# contraintes non évaluées}}',
    'fhir.grouped':
      '{message} (et {more, plural, one {# autre} other {# autres}} du même type dans ce fichier)',
    'fhir.rules-invalid':
      'rules/fhir/domains.yml : le domaine {domain} est incomplet (packages id#version, canonical, resource-types)',
  },
  en: {
    'fhir.definition-shadowed':
      '{file}: the definition {url} is not used, the package {package} already defines it (give it another url to make it your own)',
    'fhir.resources-absolute':
      'fhir.resources: "{pattern}" is an absolute path; give a pattern relative to the repository root',
    'fhir.resources-escapes':
      'fhir.resources: "{pattern}" leaves the repository; only files of the repository are validated',
    'fhir.resources-symlink-escapes': 'fhir.resources: "{pattern}" is a symbolic link leaving the repository',
    'fhir.resources-none': 'fhir.resources: pattern "{pattern}" matches no file',
    'fhir.no-resources':
      'no FHIR resource of the {domain} domain in fhir.resources: add examples of the resources sent to Mon espace santé so that they are validated',
    'fhir.package-dependencies': 'packages {packages} loaded; {detail}',
    'fhir.fix.package-missing':
      'give a folder of FHIR packages (FHIR_PACKAGE_PATH variable), or let the check reach the packages.fhir.org registry to download them (the fhir-package-cache keeps them between runs)',
    'fhir.fix.package-offline':
      'offline mode forbids downloading: put the packages in a FHIR_PACKAGE_PATH folder or in the cache (~/.fhir/packages), or run without --offline',
    'fhir.fix.invalid-package':
      'replace package {spec} with an intact copy (delete it from the cache so it is downloaded again)',
    'fhir.fix.profile-not-loaded':
      'add the package that defines this profile to fhir.packages (or to the FHIR_PACKAGE_PATH folder) so that the resource is validated against it',
    'fhir.progress':
      '{count, plural, one {# file} other {# files}} of the {domain} domain validated against {packages}',
    'fhir.conforms':
      '{file} conforms to the profiles ({packages}); {warnings, plural, one {# warning} other {# warnings}}, {unevaluated, plural, one {# constraint} other {# constraints}} not evaluated',
    'fhir.grouped': '{message} (and {more} more of the same kind in this file)',
    'fhir.rules-invalid':
      'rules/fhir/domains.yml: domain {domain} is incomplete (packages id#version, canonical, resource-types)',
  },
});
