import { defineMessages } from '../../i18n/index.js';

/** Problems found while generating a StructureDefinition snapshot. */
export const snapshotMessages = defineMessages({
  fr: {
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
  },
  en: {
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
  },
});
