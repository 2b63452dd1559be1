import type { MessageTable } from '../index.js';

/** Messages of the FHIR validator (issues of `validate`, findings of `fhir/profiles`). */
export const fhirValidation: MessageTable = {
  fr: {
    'fhir.v.not-an-object':
      'le document n’est pas une ressource FHIR : un objet JSON est attendu, pas {kind}',
    'fhir.v.resource-not-object': 'une ressource FHIR (objet JSON) est attendue ici',
    'fhir.v.resource-type-missing': 'la ressource n’a pas de resourceType',
    'fhir.v.resource-type-unknown': 'resourceType « {type} » inconnu en FHIR R4',
    'fhir.v.profile-no-snapshot':
      'le profil {url} n’a pas de snapshot et il ne peut être généré (profil de base introuvable)',
    'fhir.v.profile-not-structure-definition':
      '{url} n’est pas une StructureDefinition : impossible de l’utiliser comme profil',
    'fhir.v.profile-bad-snapshot': 'le snapshot du profil {url} est illisible',
    'fhir.v.profile-unknown':
      'profil {url} introuvable dans les paquets chargés : la ressource n’est pas validée contre lui',
    'fhir.v.profile-wrong-type': 'le profil {url} contraint {expected}, pas {type}',
    'fhir.v.empty-element': 'élément vide : un élément doit avoir une valeur ou des enfants (ele-1)',
    'fhir.v.choice-several': '{name} : une seule des formes de l’élément à choix de type est permise',
    'fhir.v.prohibited': 'l’élément {name} est interdit par le profil',
    'fhir.v.min': 'élément {name} : {count} présent(s), au moins {min} attendu(s)',
    'fhir.v.max': 'élément {name} : {count} présent(s), au plus {max} permis',
    'fhir.v.choice-type': '{name} : le type {type} n’est pas permis ici (types permis : {allowed})',
    'fhir.v.unknown-element': 'élément inconnu « {name} »',
    'fhir.v.expected-array': '{name} doit être un tableau JSON (l’élément est répétable)',
    'fhir.v.unexpected-array': '{name} ne doit pas être un tableau JSON (l’élément n’est pas répétable)',
    'fhir.v.null': '{name} : null n’est permis que dans un tableau aligné avec son « _{name} »',
    'fhir.v.empty-array': '{name} : tableau vide interdit en FHIR',
    'fhir.v.misaligned':
      '{name} ({count} valeurs) et _{name} ({extras} valeurs) doivent avoir la même longueur',
    'fhir.v.expected-object': '{name} doit être un objet JSON (type {type})',
    'fhir.v.no-profile-matches': 'la ressource n’est conforme à aucun des profils attendus ici : {profiles}',
    'fhir.v.primitive-kind': 'valeur de type {type} : {expected} JSON attendu, {actual} trouvé',
    'fhir.v.format-empty': 'valeur de type {type} vide ou faite d’espaces',
    'fhir.v.format-type': '« {value} » n’est pas un {type} valide',
    'fhir.v.max-length': 'valeur trop longue : {length} caractères pour {max} au plus',
    'fhir.v.fixed': 'valeur {actual} différente de la valeur fixée par le profil : {expected}',
    'fhir.v.pattern': 'valeur {actual} non conforme au motif du profil : {expected}',
    'fhir.v.slice-closed': '{name} : cet élément ne correspond à aucune tranche et le découpage est fermé',
    'fhir.v.slice-order': 'tranche {slice} hors de l’ordre imposé par le profil',
    'fhir.v.slice-open-at-end': 'tranche {slice} après un élément hors tranche (découpage openAtEnd)',
    'fhir.v.slice-min': '{name} : tranche {slice} présente {count} fois, au moins {min} attendue(s)',
    'fhir.v.slice-max': '{name} : tranche {slice} présente {count} fois, au plus {max} permise(s)',
    'fhir.v.modifier-extension-unknown':
      'extension modificatrice inconnue {url} : sa signification ne peut être ignorée, la ressource ne peut pas être comprise',
    'fhir.v.extension-unknown':
      'extension {url} introuvable dans les paquets chargés : elle n’est pas permise ici (--unknown-extensions pour assouplir)',
    'fhir.v.extension-definition-missing':
      'définition de l’extension {url} absente des paquets chargés : son contenu n’est pas vérifié',
    'fhir.v.extension-not-extension': '{url} n’est pas une définition d’extension',
    'fhir.v.extension-modifier-mismatch':
      'l’extension {url} est modificatrice : elle doit être dans modifierExtension',
    'fhir.v.extension-context':
      'l’extension {url} n’est pas permise sur {place} (contextes permis : {allowed})',
    'fhir.v.binding-not-checked-value-set-unknown':
      'code non vérifié : le jeu de valeurs {what} n’est pas dans les paquets chargés (terminologie hors ligne)',
    'fhir.v.binding-not-checked-system-unknown':
      'code non vérifié : le système {what} n’est pas disponible hors ligne (jeu de valeurs {valueSet})',
    'fhir.v.binding-not-checked-filter-unsupported': 'code non vérifié : filtre non pris en charge ({what})',
    'fhir.v.binding-required': 'code {code} absent du jeu de valeurs obligatoire {valueSet}',
    'fhir.v.binding-extensible': 'code {code} absent du jeu de valeurs extensible {valueSet}',
    'fhir.v.code-unknown': 'code « {code} » inconnu du système {system}',
    'fhir.v.reference-contained':
      'référence {reference} : aucune ressource contenue (contained) ne porte cet id',
    'fhir.v.reference-unresolved':
      'référence {reference} introuvable dans le Bundle (aucune entrée avec ce fullUrl)',
    'fhir.v.reference-type-name': 'référence {reference} : {type} n’est pas un type de ressource FHIR',
    'fhir.v.reference-type-mismatch':
      'référence {reference} : Reference.type vaut {type}, ce qui ne correspond pas à la cible',
    'fhir.v.reference-target':
      'référence {reference} vers {type} : seules les cibles {allowed} sont permises ici',
    'fhir.v.invariant': 'contrainte {key} non respectée : {human}',
    'fhir.v.invariant-best-practice': 'bonne pratique {key} non suivie : {human}',
    'fhir.v.invariant-not-checked':
      'contrainte {key} non vérifiée : le moteur FHIRPath ne peut pas l’évaluer hors ligne ({detail})',
    'fhir.v.invariant-no-expression':
      'contrainte {key} non vérifiée : le profil ne lui donne pas d’expression FHIRPath',
    'fhir.v.json-xml': 'le FHIR XML n’est pas pris en charge : fournissez la ressource en JSON',
    'fhir.v.json-syntax': 'JSON invalide : {detail}',
    'fhir.v.json-too-deep': 'JSON imbriqué sur plus de {depth} niveaux : document refusé',
    'fhir.v.json-empty': 'fichier vide : une ressource FHIR JSON est attendue',
    'fhir.v.duplicate-key': 'clé JSON « {key} » en double dans le même objet',
    'fhir.v.file-too-large': 'fichier de {size} Mo, au-delà de la limite de {max} Mo (option --max-size)',
    'fhir.v.file-unreadable': 'fichier illisible : {detail}',
    'fhir.v.format-whitespace': 'valeur de type {type} faite uniquement d’espaces',
    'fhir.v.resource-id':
      'id de ressource « {value} » invalide : de 1 à 64 caractères parmi A-Z, a-z, 0-9, « - » et « . »',
    'fhir.v.string-too-long': 'chaîne de {length} caractères : une chaîne FHIR ne dépasse pas 1 Mo',
    'fhir.v.no-extension-allowed':
      '{name} ne peut pas porter d’extension (_{name}) : ce n’est pas une primitive FHIR',
    'fhir.v.extension-not-checked':
      'extension {url} non vérifiée : elle relève de la dépendance {package}, indisponible hors ligne',
    'fhir.v.extension-cross-version':
      'extension {url} d’une autre version de FHIR ({version}) : reconnue, mais son contenu n’est pas vérifié (définitions de FHIR {version} absentes)',
    'fhir.v.attachment-size': 'Attachment.size vaut {size}, mais data décodé fait {actual} octets',
    'fhir.v.attachment-hash': 'Attachment.hash ({hash}) n’est pas le SHA-1 de data ({actual})',
    'fhir.v.reference-ambiguous':
      'référence {reference} ambiguë : {count} entrées du Bundle lui correspondent',
    'fhir.v.bundle-reference-outside':
      'référence {reference} : la ressource ne figure pas dans le Bundle (cible non vérifiée)',
    'fhir.v.bundle-link-paging':
      'lien « {relation} » interdit dans un Bundle de type {type} (réservé aux recherches et historiques)',
    'fhir.v.bundle-link-duplicate': 'lien « {relation} » en double : il ne peut figurer qu’une fois',
    'fhir.v.bundle-fullurl-absolute': 'fullUrl « {fullUrl} » : une URL absolue est attendue',
    'fhir.v.bundle-fullurl-no-id':
      'fullUrl « {fullUrl} » désigne une ressource par son id, mais la ressource n’a pas d’id',
    'fhir.v.bundle-fullurl-id':
      'fullUrl « {fullUrl} » ne correspond pas à la ressource {type}/{id} de l’entrée',
    'fhir.v.bundle-fullurl-required':
      'entrée sans fullUrl : hors transactions et batchs (ici {type}), chaque entrée porte l’identité de sa ressource',
    'fhir.v.bundle-duplicate-resource': 'la ressource {resource} figure deux fois dans le Bundle',
    'fhir.v.bundle-no-entry': 'un Bundle de type {type} contient au moins une entrée',
    'fhir.v.bundle-first-no-resource': 'la première entrée n’a pas de ressource',
    'fhir.v.bundle-reference-missing': '{element} : la ressource {reference} doit figurer dans le Bundle',
    'fhir.v.bundle-entry-reverse':
      'entrée {fullUrl} atteinte seulement par une référence qu’elle fait vers le reste du Bundle : vérifiez qu’elle est reliée comme prévu',
    'fhir.v.bundle-entry-orphan-document':
      'entrée {fullUrl} non reliée à la Composition : aucune chaîne de références ne l’atteint',
    'fhir.v.bundle-entry-orphan-message':
      'entrée {fullUrl} non reliée au MessageHeader : aucune chaîne de références ne l’atteint',
    'fhir.v.profile-problem': 'profil {url} : {problem}',
    'snapshot.max-above-base':
      '{element} : max {max} au-delà du max {base} de la base (une contrainte ne peut qu’en restreindre)',
    'snapshot.min-below-base': '{element} : min {min} en deçà du min {base} de la base',
    'snapshot.type-not-allowed':
      '{element} : le type {type} n’est pas permis par la base (types permis : {allowed})',
    'snapshot.binding-weakened':
      '{element} : la liaison obligatoire (required) de la base ne peut devenir {strength}',
    'snapshot.unknown-path': '{element} : aucun élément de la base ne porte ce chemin',
    'snapshot.no-single-type':
      '{element} : les enfants de {path} ne peuvent être contraints que si son type est unique',
    'snapshot.no-children': '{element} : le type de {path} n’a pas d’enfants connus dans les paquets chargés',
    'snapshot.base-unknown':
      'profil de base {base} introuvable dans les paquets chargés : le snapshot ne peut être généré',
    'snapshot.base-orphan': 'le snapshot de la base contient un élément {element} sans parent',
    'snapshot.bad-element': 'l’élément n°{element} du differential n’a pas de path',
    'fhir.v.min-value': 'valeur {value} en deçà du minimum {min} fixé par le profil',
    'fhir.v.max-value': 'valeur {value} au-delà du maximum {max} fixé par le profil',
    'validate.nothing': 'rien à valider : aucun fichier .json dans {paths}',
    'fhir.definition-shadowed':
      '{file} : la définition {url} n’est pas utilisée, le paquet {package} la définit déjà (changez son url pour en faire votre profil)',
    'fhir.pkg.missing': 'paquet FHIR {spec} introuvable ; cherché dans : {searched}',
    'fhir.pkg.missing-dependency':
      'dépendance {spec} de {requiredBy} introuvable (cherchée dans : {searched}) : ses définitions ne sont pas vérifiées',
    'fhir.pkg.substituted-dependency':
      'dépendance {spec} de {requiredBy} introuvable ; {substitute}, disponible localement, est utilisée à sa place',
    'fhir.pkg.invalid-package': 'paquet FHIR {spec} inutilisable : {detail}',
    'fhir.pkg.summary.missing':
      '{count} dépendance(s) introuvable(s), leurs définitions ne sont pas vérifiées : {list}',
    'fhir.pkg.summary.substituted': '{count} dépendance(s) remplacée(s) par une version locale : {list}',
    'fhir.pkg.summary.other': '{count} paquet(s) inutilisable(s) : {list}',
    'fhir.pkg.invalid-resource': 'ressource de conformité illisible dans {spec} : {detail}',
    'cli.validate.summary': 'valide des ressources FHIR JSON hors ligne (profils, terminologie, invariants)',
    'cli.validate.help':
      'Usage : mes-referencing validate <fichiers ou dossiers…> [options]\n\n      --ig PAQUET           id#version, dossier de paquet, .tgz, ou fichier/dossier JSON de ressources de conformité (répétable)\n      --profile URL         profil canonique à appliquer en plus de meta.profile (répétable)\n      --format text|json    text (défaut) : fichier:ligne:colonne: gravité code message (expression) ; json : OperationOutcome\n      --lang fr|en          langue des messages\n      --unknown-extensions error|warning|ignore   extensions introuvables (défaut : error, comme le validateur HL7)\n      --extension-domain URL   préfixe d’URL sous lequel les extensions inconnues sont permises (répétable)\n      --max-size MO         taille maximale d’un fichier (défaut : 32)\n      --offline             pas de téléchargement de paquets\n\nPaquets : dossiers de FHIR_PACKAGE_PATH, puis le cache (~/.fhir/packages ou FHIR_PACKAGE_CACHE), puis le registre.\nCodes de sortie : 0 sans erreur, 1 erreurs de validation, 2 erreur d’usage ou rien à valider.',
    'validate.no-input':
      'indiquez au moins un fichier ou dossier à valider (mes-referencing validate --help)',
    'validate.input-not-found': '{path} n’existe pas',
    'validate.bad-max-size': '--max-size : « {value} » n’est pas un nombre de mégaoctets positif',
    'validate.packages-unavailable': 'paquets FHIR indisponibles :\n  {detail}',
    'validate.profile-unknown':
      'profil {url} introuvable dans les paquets chargés (ajoutez son paquet avec --ig)',
    'validate.profile-not-structure-definition':
      '{url} n’est pas une StructureDefinition : impossible de l’utiliser comme profil',
    'validate.profile-no-snapshot':
      'le profil {url} n’a pas de snapshot et il ne peut être généré : son profil de base est introuvable (ajoutez son paquet avec --ig)',
    'validate.profile-bad-snapshot': 'le snapshot du profil {url} est illisible',
    'validate.summary':
      '{files} fichier(s) : {errors} erreur(s), {warnings} avertissement(s), {information} information(s), {unevaluated} contrainte(s) non évaluée(s)',
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
    'fhir.progress': '{count} fichier(s) du domaine {domain} validés contre {packages}',
    'fhir.conforms':
      '{file} conforme aux profils ({packages}) ; {warnings} avertissement(s), {unevaluated} contrainte(s) non évaluée(s)',
    'fhir.grouped': '{message} (et {more} autre(s) du même type dans ce fichier)',
    'fhir.rules-invalid':
      'rules/fhir/domains.yml : le domaine {domain} est incomplet (packages id#version, canonical, resource-types)',
  },
  en: {
    'fhir.v.not-an-object': 'the document is not a FHIR resource: a JSON object is expected, not {kind}',
    'fhir.v.resource-not-object': 'a FHIR resource (JSON object) is expected here',
    'fhir.v.resource-type-missing': 'the resource has no resourceType',
    'fhir.v.resource-type-unknown': 'unknown FHIR R4 resourceType "{type}"',
    'fhir.v.profile-no-snapshot':
      'profile {url} has no snapshot and none can be generated (base profile not found)',
    'fhir.v.profile-not-structure-definition':
      '{url} is not a StructureDefinition: it cannot be used as a profile',
    'fhir.v.profile-bad-snapshot': 'the snapshot of profile {url} cannot be read',
    'fhir.v.profile-unknown':
      'profile {url} not found in the loaded packages: the resource is not validated against it',
    'fhir.v.profile-wrong-type': 'profile {url} constrains {expected}, not {type}',
    'fhir.v.empty-element': 'empty element: an element must have a value or children (ele-1)',
    'fhir.v.choice-several': '{name}: only one form of a choice element is allowed',
    'fhir.v.prohibited': 'element {name} is prohibited by the profile',
    'fhir.v.min': 'element {name}: {count} present, at least {min} expected',
    'fhir.v.max': 'element {name}: {count} present, at most {max} allowed',
    'fhir.v.choice-type': '{name}: type {type} is not allowed here (allowed types: {allowed})',
    'fhir.v.unknown-element': 'unknown element "{name}"',
    'fhir.v.expected-array': '{name} must be a JSON array (the element repeats)',
    'fhir.v.unexpected-array': '{name} must not be a JSON array (the element does not repeat)',
    'fhir.v.null': '{name}: null is only allowed in an array aligned with its "_{name}"',
    'fhir.v.empty-array': '{name}: empty arrays are not allowed in FHIR',
    'fhir.v.misaligned': '{name} ({count} values) and _{name} ({extras} values) must have the same length',
    'fhir.v.expected-object': '{name} must be a JSON object (type {type})',
    'fhir.v.no-profile-matches': 'the resource conforms to none of the profiles expected here: {profiles}',
    'fhir.v.primitive-kind': '{type} value: JSON {expected} expected, {actual} found',
    'fhir.v.format-empty': 'empty or blank {type} value',
    'fhir.v.format-type': '"{value}" is not a valid {type}',
    'fhir.v.max-length': 'value too long: {length} characters, at most {max}',
    'fhir.v.fixed': 'value {actual} differs from the value fixed by the profile: {expected}',
    'fhir.v.pattern': 'value {actual} does not match the profile pattern: {expected}',
    'fhir.v.slice-closed': '{name}: this item matches no slice and the slicing is closed',
    'fhir.v.slice-order': 'slice {slice} is out of the order the profile requires',
    'fhir.v.slice-open-at-end': 'slice {slice} after an item that matches no slice (openAtEnd slicing)',
    'fhir.v.slice-min': '{name}: slice {slice} present {count} times, at least {min} expected',
    'fhir.v.slice-max': '{name}: slice {slice} present {count} times, at most {max} allowed',
    'fhir.v.modifier-extension-unknown':
      'unknown modifier extension {url}: its meaning cannot be ignored, the resource cannot be understood',
    'fhir.v.extension-unknown':
      'extension {url} could not be found in the loaded packages, so it is not allowed here (--unknown-extensions to relax)',
    'fhir.v.extension-definition-missing':
      'definition of extension {url} is not in the loaded packages: its content is not checked',
    'fhir.v.extension-not-extension': '{url} is not an extension definition',
    'fhir.v.extension-modifier-mismatch': 'extension {url} is a modifier: it must be in modifierExtension',
    'fhir.v.extension-context': 'extension {url} is not allowed on {place} (allowed contexts: {allowed})',
    'fhir.v.binding-not-checked-value-set-unknown':
      'code not checked: value set {what} is not in the loaded packages (offline terminology)',
    'fhir.v.binding-not-checked-system-unknown':
      'code not checked: code system {what} is not available offline (value set {valueSet})',
    'fhir.v.binding-not-checked-filter-unsupported': 'code not checked: unsupported filter ({what})',
    'fhir.v.binding-required': 'code {code} is not in the required value set {valueSet}',
    'fhir.v.binding-extensible': 'code {code} is not in the extensible value set {valueSet}',
    'fhir.v.code-unknown': 'unknown code "{code}" in code system {system}',
    'fhir.v.reference-contained': 'reference {reference}: no contained resource has this id',
    'fhir.v.reference-unresolved':
      'reference {reference} not found in the Bundle (no entry with this fullUrl)',
    'fhir.v.reference-type-name': 'reference {reference}: {type} is not a FHIR resource type',
    'fhir.v.reference-type-mismatch':
      'reference {reference}: Reference.type is {type}, which does not match the target',
    'fhir.v.reference-target': 'reference {reference} to {type}: only {allowed} targets are allowed here',
    'fhir.v.invariant': 'constraint {key} violated: {human}',
    'fhir.v.invariant-best-practice': 'best practice {key} not followed: {human}',
    'fhir.v.invariant-not-checked':
      'constraint {key} not checked: the FHIRPath engine cannot evaluate it offline ({detail})',
    'fhir.v.invariant-no-expression':
      'constraint {key} not checked: the profile gives it no FHIRPath expression',
    'fhir.v.json-xml': 'FHIR XML is not supported: provide the resource as JSON',
    'fhir.v.json-syntax': 'invalid JSON: {detail}',
    'fhir.v.json-too-deep': 'JSON nested more than {depth} levels deep: document refused',
    'fhir.v.json-empty': 'empty file: a FHIR JSON resource is expected',
    'fhir.v.duplicate-key': 'duplicate JSON key "{key}" in the same object',
    'fhir.v.file-too-large': 'file of {size} MB, over the {max} MB limit (--max-size option)',
    'fhir.v.file-unreadable': 'unreadable file: {detail}',
    'fhir.v.format-whitespace': 'value of type {type} is only whitespace',
    'fhir.v.resource-id':
      'invalid resource id "{value}": 1 to 64 characters among A-Z, a-z, 0-9, "-" and "."',
    'fhir.v.string-too-long': 'string of {length} characters: a FHIR string does not exceed 1 MB',
    'fhir.v.no-extension-allowed': '{name} cannot carry extensions (_{name}): it is not a FHIR primitive',
    'fhir.v.extension-not-checked':
      'extension {url} not checked: it belongs to the dependency {package}, not available offline',
    'fhir.v.extension-cross-version':
      'extension {url} from another FHIR version ({version}): known, but its content is not checked (FHIR {version} definitions not loaded)',
    'fhir.v.attachment-size': 'Attachment.size is {size}, but the decoded data is {actual} bytes',
    'fhir.v.attachment-hash': 'Attachment.hash ({hash}) is not the SHA-1 of the data ({actual})',
    'fhir.v.reference-ambiguous': 'ambiguous reference {reference}: {count} Bundle entries match it',
    'fhir.v.bundle-reference-outside':
      'reference {reference}: the resource is not in the Bundle (target not checked)',
    'fhir.v.bundle-link-paging':
      'link "{relation}" not allowed in a Bundle of type {type} (only in searches and histories)',
    'fhir.v.bundle-link-duplicate': 'link "{relation}" repeated: it may appear only once',
    'fhir.v.bundle-fullurl-absolute': 'fullUrl "{fullUrl}": an absolute URL is expected',
    'fhir.v.bundle-fullurl-no-id':
      'fullUrl "{fullUrl}" names a resource by its id, but the resource has no id',
    'fhir.v.bundle-fullurl-id': 'fullUrl "{fullUrl}" does not match the entry’s resource {type}/{id}',
    'fhir.v.bundle-fullurl-required':
      'entry without fullUrl: except in transactions and batches (here {type}), each entry carries the identity of its resource',
    'fhir.v.bundle-duplicate-resource': 'the resource {resource} appears twice in the Bundle',
    'fhir.v.bundle-no-entry': 'a Bundle of type {type} has at least one entry',
    'fhir.v.bundle-first-no-resource': 'the first entry has no resource',
    'fhir.v.bundle-reference-missing': '{element}: the resource {reference} must be in the Bundle',
    'fhir.v.bundle-entry-reverse':
      'entry {fullUrl} is reached only through a reference it makes to the rest of the Bundle: check it is linked as intended',
    'fhir.v.bundle-entry-orphan-document':
      'entry {fullUrl} is not linked to the Composition: no chain of references reaches it',
    'fhir.v.bundle-entry-orphan-message':
      'entry {fullUrl} is not linked to the MessageHeader: no chain of references reaches it',
    'fhir.v.profile-problem': 'profile {url}: {problem}',
    'snapshot.max-above-base':
      '{element}: max {max} above the base’s max {base} (a constraint can only narrow it)',
    'snapshot.min-below-base': '{element}: min {min} below the base’s min {base}',
    'snapshot.type-not-allowed':
      '{element}: type {type} is not allowed by the base (allowed types: {allowed})',
    'snapshot.binding-weakened': '{element}: the base’s required binding cannot become {strength}',
    'snapshot.unknown-path': '{element}: no element of the base has this path',
    'snapshot.no-single-type':
      '{element}: the children of {path} can be constrained only when it has a single type',
    'snapshot.no-children': '{element}: the type of {path} has no known children in the loaded packages',
    'snapshot.base-unknown':
      'base profile {base} not found in the loaded packages: the snapshot cannot be generated',
    'snapshot.base-orphan': 'the base snapshot has an element {element} without a parent',
    'snapshot.bad-element': 'differential element #{element} has no path',
    'fhir.v.min-value': 'value {value} is below the minimum {min} the profile sets',
    'fhir.v.max-value': 'value {value} is above the maximum {max} the profile sets',
    'validate.nothing': 'nothing to validate: no .json file in {paths}',
    'fhir.definition-shadowed':
      '{file}: the definition {url} is not used, the package {package} already defines it (give it another url to make it your own)',
    'fhir.pkg.missing': 'FHIR package {spec} not found; looked in: {searched}',
    'fhir.pkg.missing-dependency':
      'dependency {spec} of {requiredBy} not found (looked in: {searched}): its definitions are not checked',
    'fhir.pkg.substituted-dependency':
      'dependency {spec} of {requiredBy} not found; {substitute}, available locally, is used instead',
    'fhir.pkg.invalid-package': 'FHIR package {spec} cannot be used: {detail}',
    'fhir.pkg.summary.missing':
      '{count} dependency(ies) not found, their definitions are not checked: {list}',
    'fhir.pkg.summary.substituted': '{count} dependency(ies) replaced by a local version: {list}',
    'fhir.pkg.summary.other': '{count} package(s) unusable: {list}',
    'fhir.pkg.invalid-resource': 'unreadable conformance resource in {spec}: {detail}',
    'cli.validate.summary': 'validates FHIR JSON resources offline (profiles, terminology, invariants)',
    'cli.validate.help':
      'Usage: mes-referencing validate <files or folders…> [options]\n\n      --ig PACKAGE          id#version, package folder, .tgz, or JSON file/folder of conformance resources (repeatable)\n      --profile URL         canonical profile to apply besides meta.profile (repeatable)\n      --format text|json    text (default): file:line:col: severity code message (expression); json: OperationOutcome\n      --lang fr|en          message language\n      --unknown-extensions error|warning|ignore   extensions that cannot be found (default: error, as the HL7 validator)\n      --extension-domain URL   URL prefix under which unknown extensions are allowed (repeatable)\n      --max-size MB         largest file accepted (default: 32)\n      --offline             no package download\n\nPackages: FHIR_PACKAGE_PATH folders, then the cache (~/.fhir/packages or FHIR_PACKAGE_CACHE), then the registry.\nExit codes: 0 no error, 1 validation errors, 2 usage error or nothing to validate.',
    'validate.no-input': 'give at least one file or folder to validate (mes-referencing validate --help)',
    'validate.input-not-found': '{path} does not exist',
    'validate.bad-max-size': '--max-size: "{value}" is not a positive number of megabytes',
    'validate.packages-unavailable': 'FHIR packages unavailable:\n  {detail}',
    'validate.profile-unknown': 'profile {url} not found in the loaded packages (add its package with --ig)',
    'validate.profile-not-structure-definition':
      '{url} is not a StructureDefinition: it cannot be used as a profile',
    'validate.profile-no-snapshot':
      'profile {url} has no snapshot and none can be generated: its base profile is not found (add its package with --ig)',
    'validate.profile-bad-snapshot': 'the snapshot of profile {url} cannot be read',
    'validate.summary':
      '{files} file(s): {errors} error(s), {warnings} warning(s), {information} information, {unevaluated} constraint(s) not evaluated',
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
    'fhir.progress': '{count} file(s) of the {domain} domain validated against {packages}',
    'fhir.conforms':
      '{file} conforms to the profiles ({packages}); {warnings} warning(s), {unevaluated} constraint(s) not evaluated',
    'fhir.grouped': '{message} (and {more} more of the same kind in this file)',
    'fhir.rules-invalid':
      'rules/fhir/domains.yml: domain {domain} is incomplete (packages id#version, canonical, resource-types)',
  },
};
