import { defineMessages } from '../i18n/index.js';

/** Reading a user's file as text (src/util/text-file.ts): encodings refused, with the byte at fault. */
export const textMessages = defineMessages({
  fr: {
    'text.not-utf8':
      'le fichier n’est pas encodé en UTF-8 (octet {byte} invalide, Latin-1 ou Windows-1252 ?) : enregistrez-le en UTF-8',
    'text.bad-utf16': 'le fichier annonce {encoding} par son BOM mais n’en est pas (octet {byte})',
    'text.utf16-without-bom':
      'le fichier semble encodé en UTF-16 sans BOM : enregistrez-le en UTF-8 (ou en UTF-16 avec BOM)',
    'text.nul': 'caractère NUL (octet 0x00) : ce n’est pas un fichier texte',
  },
  en: {
    'text.not-utf8':
      'the file is not UTF-8 encoded (invalid byte {byte}, Latin-1 or Windows-1252?): save it as UTF-8',
    'text.bad-utf16': 'the file announces {encoding} with its BOM but is not (byte {byte})',
    'text.utf16-without-bom':
      'the file looks UTF-16 encoded without a BOM: save it as UTF-8 (or UTF-16 with a BOM)',
    'text.nul': 'NUL character (byte 0x00): this is not a text file',
  },
});
