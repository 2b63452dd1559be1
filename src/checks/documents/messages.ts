import { defineMessages } from '../../i18n/index.js';

/** The `documents/formats` check: the format of documents sent to MES. */
export const documentsMessages = defineMessages({
  fr: {
    'documents.no-documents':
      'aucun DocumentReference parmi fhir.resources : ajoutez un exemple de document publié pour vérifier son format',
    'documents.bare':
      '{file} : le document est envoyé tel quel ({contentType}) ; les volets du CI-SIS attendent un document CDA R2 (niveau 1 au moins, qui encapsule le PDF ou le texte) ou un FHIR Document',
    'documents.not-cda':
      '{file} : le code de format {code} annonce un document CDA R2, mais les données ({contentType}) n’en sont pas un',
    'documents.format.cda-n1':
      '{file} : document CDA R2 de niveau 1 (corps non structuré), code de format {code}',
    'documents.format.cda-n3':
      '{file} : document CDA R2 de niveau 3 (corps structuré), code de format {code}',
    'documents.format.cda': '{file} : document CDA R2, code de format {code}',
    'documents.format.fhir-document':
      '{file} : FHIR Document (Bundle document et Composition), code de format {code}',
    'documents.no-format-code':
      '{file} : indiquez le code de format du volet (content.format, terminologie TRE_A11-IheFormatCode)',
    'documents.code-mismatch.cda':
      '{file} : le code de format {code} ne désigne pas un document CDA, alors que les données en sont un',
    'documents.code-mismatch.fhir':
      '{file} : le code de format {code} désigne un document CDA, alors que les données sont un FHIR Document',
    'documents.content-type.cda': '{file} : un document CDA se déclare en text/xml, pas en {contentType}',
    'documents.content-type.fhir':
      '{file} : un FHIR Document se déclare en application/fhir+json ou application/fhir+xml, pas en {contentType}',
  },
  en: {
    'documents.no-documents':
      'no DocumentReference among fhir.resources: add an example of a published document to check its format',
    'documents.bare':
      '{file}: the document is sent as it is ({contentType}); the CI-SIS volets expect a CDA R2 document (level 1 at least, wrapping the PDF or text) or a FHIR Document',
    'documents.not-cda':
      '{file}: the format code {code} announces a CDA R2 document, but the data ({contentType}) is not one',
    'documents.format.cda-n1': '{file}: CDA R2 level 1 document (unstructured body), format code {code}',
    'documents.format.cda-n3': '{file}: CDA R2 level 3 document (structured body), format code {code}',
    'documents.format.cda': '{file}: CDA R2 document, format code {code}',
    'documents.format.fhir-document':
      '{file}: FHIR Document (document Bundle and Composition), format code {code}',
    'documents.no-format-code':
      '{file}: give the volet’s format code (content.format, TRE_A11-IheFormatCode)',
    'documents.code-mismatch.cda':
      '{file}: the format code {code} does not name a CDA document, yet the data is one',
    'documents.code-mismatch.fhir':
      '{file}: the format code {code} names a CDA document, yet the data is a FHIR Document',
    'documents.content-type.cda': '{file}: a CDA document is declared as text/xml, not {contentType}',
    'documents.content-type.fhir':
      '{file}: a FHIR Document is declared as application/fhir+json or application/fhir+xml, not {contentType}',
  },
});
