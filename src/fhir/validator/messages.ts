import { defineMessages } from '../../i18n/index.js';

/** Issues of the FHIR validator (their key is the issue `messageId`). */
export const validatorMessages = defineMessages({
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
    'fhir.v.min':
      'élément {name} : {count, plural, one {# présent} other {# présents}}, au moins {min, plural, one {# attendu} other {# attendus}}',
    'fhir.v.max':
      'élément {name} : {count, plural, one {# présent} other {# présents}}, au plus {max} permis',
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
    'fhir.v.slice-min':
      '{name} : tranche {slice} présente {count} fois, au moins {min, plural, one {# attendue} other {# attendues}}',
    'fhir.v.slice-max':
      '{name} : tranche {slice} présente {count} fois, au plus {max, plural, one {# permise} other {# permises}}',
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
    'fhir.v.min-value': 'valeur {value} en deçà du minimum {min} fixé par le profil',
    'fhir.v.max-value': 'valeur {value} au-delà du maximum {max} fixé par le profil',
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
    'fhir.v.min-value': 'value {value} is below the minimum {min} the profile sets',
    'fhir.v.max-value': 'value {value} is above the maximum {max} the profile sets',
  },
});
