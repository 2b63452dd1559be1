import { defineMessages } from '../../i18n/index.js';

/** The `evidence` check: proof items declared in the manifest, their files, links and dates. */
export const evidenceMessages = defineMessages({
  fr: {
    'evidence.missing': 'preuve manquante : {item} — déclarez-la dans evidence.{key} (path ou url)',
    'evidence.path-absolute': '{item} : le chemin {path} doit être relatif à la racine du dépôt',
    'evidence.path-escapes': '{item} : le chemin {path} sort du dépôt ; il est refusé',
    'evidence.path-symlink-escapes':
      '{item} : {path} est un lien symbolique qui pointe hors du dépôt ; il est refusé',
    'evidence.file-missing': '{item} : le fichier {path} est introuvable dans le dépôt',
    'evidence.not-a-file': '{item} : {path} n’est pas un fichier',
    'evidence.file-empty': '{item} : le fichier {path} est vide',
    'evidence.bad-url': '{item} : l’URL {url} est invalide',
    'evidence.http-url': '{item} : l’URL {url} n’est pas en https',
    'evidence.valid-until': '(valable jusqu’au {date})',
    'evidence.dated': '(du {date})',
    'evidence.provided': 'preuve fournie — {item} : {where} {validity}',
    'evidence.expired':
      '{item} : expiration le {date}, dépassée de {days, plural, one {# jour} other {# jours}} ; fournissez un document en cours de validité',
    'evidence.expiring':
      '{item} : expiration le {date}, {days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}} ; anticipez son renouvellement',
    'evidence.no-expiry': '{item} : indiquez sa date d’expiration dans evidence.{key}.expires',
    'evidence.future-date': '{item} : la date {date} est dans le futur',
    'evidence.no-date':
      '{item} : indiquez sa date dans evidence.{key}.issued (il doit dater de moins de {days} jours)',
    'evidence.too-old':
      '{item} : daté du {date}, plus de {days} jours (limite dépassée le {limit}) ; renouvelez-le',
    'evidence.ageing':
      '{item} : à renouveler avant le {limit} ({days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}})',
  },
  en: {
    'evidence.missing': 'missing proof: {item} — declare it in evidence.{key} (path or url)',
    'evidence.path-absolute': '{item}: the path {path} must be relative to the repository root',
    'evidence.path-escapes': '{item}: the path {path} leaves the repository; it is refused',
    'evidence.path-symlink-escapes':
      '{item}: {path} is a symbolic link pointing outside the repository; it is refused',
    'evidence.file-missing': '{item}: file {path} not found in the repository',
    'evidence.not-a-file': '{item}: {path} is not a file',
    'evidence.file-empty': '{item}: file {path} is empty',
    'evidence.bad-url': '{item}: invalid URL {url}',
    'evidence.http-url': '{item}: the URL {url} is not https',
    'evidence.valid-until': '(valid until {date})',
    'evidence.dated': '(dated {date})',
    'evidence.provided': 'proof provided — {item}: {where} {validity}',
    'evidence.expired':
      '{item} expired on {date} ({days, plural, one {# day} other {# days}} ago): provide a valid document',
    'evidence.expiring':
      '{item} expires on {date}, {days, plural, =0 {today} one {in # day} other {in # days}}: plan its renewal',
    'evidence.no-expiry': '{item}: give its expiry date in evidence.{key}.expires',
    'evidence.future-date': '{item}: the date {date} is in the future',
    'evidence.no-date':
      '{item}: give its date in evidence.{key}.issued (it must be less than {days} days old)',
    'evidence.too-old':
      '{item} dated {date} is too old (over {days} days, limit passed on {limit}): renew it',
    'evidence.ageing':
      '{item} must be renewed before {limit} ({days, plural, =0 {today} one {in # day} other {in # days}})',
  },
});
