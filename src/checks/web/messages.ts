import { defineMessages } from '../../i18n/index.js';

/** The web checks (`web/tls`, `web/headers`, `web/security-contact`, `web/trackers`) on declared endpoints. */
export const webMessages = defineMessages({
  fr: {
    'web.bad-setting':
      'réglage {name} invalide : {value} (un nombre de secondes, ou de connexions entre 1 et 64)',
    'web.bad-ca-file':
      'NODE_EXTRA_CA_CERTS désigne {file}, qui n’est pas un fichier PEM de certificats lisible',
    'web.no-endpoint': 'aucune adresse déclarée dans {kinds} : rien à contrôler en ligne',
    'web.offline':
      '{url} : contrôle en ligne ignoré (mode hors ligne, --offline ou MES_REFERENCING_OFFLINE) ; relancez sans ce mode pour le décider',
    'web.unreachable': '{url} : contrôle impossible — {reason}',
    'web.fix.offline':
      'relancez sans le mode hors ligne (--offline, MES_REFERENCING_OFFLINE ou l’entrée offline) pour que le contrôle décide',
    'web.fix.network':
      'vérifiez l’adresse déclarée dans endpoints et que la machine qui lance le contrôle joint Internet (pare-feu, HTTPS_PROXY)',
    'web.fix.timeout':
      'vérifiez que le serveur répond, ou allongez le délai (MES_REFERENCING_WEB_TIMEOUT, en secondes)',
    'web.fix.budget':
      'allongez le temps total des contrôles en ligne (MES_REFERENCING_WEB_BUDGET, en secondes)',
    'web.fix.certificate':
      'corrigez le certificat ou la configuration TLS du serveur (voir le contrôle TLS), puis relancez',
    'web.fix.client-unsupported':
      'relancez depuis une machine dont OpenSSL sait encore proposer TLS 1.0/1.1 (par exemple un conteneur dédié), ou faites constater le refus par un outil d’audit TLS',
    'web.fix.setting': 'corrigez la variable d’environnement nommée dans le message',
    'web.fix.page-error': 'publiez la page à l’adresse déclarée dans endpoints.web (elle doit répondre 200)',
    'web.fix.retry': 'relancez le contrôle ; si le problème persiste, signalez-le',
    'web.reason.dns': 'nom d’hôte introuvable ({code})',
    'web.reason.refused': 'connexion refusée',
    'web.reason.unreachable': 'hôte injoignable ({code})',
    'web.reason.reset': 'connexion interrompue par le serveur ({code})',
    'web.reason.timeout': 'pas de réponse dans le délai de {detail} (MES_REFERENCING_WEB_TIMEOUT)',
    'web.reason.budget': 'temps total des contrôles en ligne épuisé ({detail}, MES_REFERENCING_WEB_BUDGET)',
    'web.reason.aborted': 'exécution interrompue',
    'web.reason.tls': 'échec de la négociation TLS ({detail})',
    'web.reason.certificate':
      'certificat non valide ({code}) : le contenu d’un serveur qui ne prouve pas son identité n’est pas évalué (voir le contrôle TLS)',
    'web.reason.client-unsupported':
      'l’OpenSSL de cette machine ne sait pas proposer cette négociation ({code})',
    'web.reason.not-public':
      'adresse non publique refusée : {detail} ; pour un serveur local ou interne, le workflow l’autorise avec allow-private-network: true (CLI : --allow-private-network)',
    'web.reason.other': '{detail}',
    'web.tls.progress': 'TLS de {url}',
    'web.tls.protocol': '{url} : {protocol} négocié ({cipher})',
    'web.tls.protocol-12': '{url} : {protocol} négocié ({cipher}) ; TLS 1.3 est recommandé',
    'web.tls.legacy-refused': '{url} : TLS 1.0 et 1.1 refusés',
    'web.tls.legacy-accepted':
      '{url} : accepte encore {protocol} ; désactivez TLS 1.0 et 1.1 (interdits par la sécurisation des API de l’ANS)',
    'web.tls.legacy-only':
      '{url} : ne propose que {protocol} ; activez TLS 1.2 et 1.3 et désactivez TLS 1.0/1.1',
    'web.tls.legacy-unknown': '{url} : refus de TLS 1.0/1.1 non vérifié — {reason}',
    'web.tls.handshake-failed': '{url} : aucune négociation TLS 1.2 ou 1.3 possible — {reason}',
    'web.tls.handshake-refused':
      '{url} : négociation refusée sans certificat client — {reason} ; si cette API exige un certificat client (mTLS), vérifiez TLS avec ce certificat, sinon le serveur n’a aucune suite en commun avec un client moderne',
    'web.tls.broken-cipher': '{url} : accepte la suite cassée {cipher} ; retirez-la de la configuration',
    'web.tls.weak-cipher-kx':
      '{url} : accepte la suite {cipher}, sans confidentialité persistante ; préférez ECDHE avec AES-GCM ou ChaCha20',
    'web.tls.weak-cipher-cbc':
      '{url} : accepte la suite {cipher} (mode CBC) ; préférez les suites AEAD (AES-GCM, ChaCha20-Poly1305)',
    'web.tls.ciphers-unknown': '{url} : suites faibles non vérifiées — {reason}',
    'web.tls.plain-http':
      '{url} : adresse en HTTP, sans chiffrement ; déclarez et servez l’adresse en https://',
    'web.tls.http-entrance': '{url} : adresse HTTP, contrôlée via {secure}',
    'web.cert.none': '{url} : aucun certificat présenté',
    'web.cert.expired': '{url} : certificat expiré le {date} ; renouvelez-le',
    'web.cert.not-yet-valid': '{url} : certificat pas encore valide ({code})',
    'web.cert.self-signed':
      '{url} : certificat auto-signé ({subject}) ; utilisez un certificat d’une autorité reconnue',
    'web.cert.untrusted-root':
      '{url} : chaîne signée par une autorité inconnue ({issuer}) ; utilisez une autorité reconnue',
    'web.cert.incomplete-chain':
      '{url} : chaîne de certificats incomplète ou autorité inconnue ({issuer}) ; servez les certificats intermédiaires',
    'web.cert.invalid': '{url} : certificat refusé ({code})',
    'web.cert.hostname': '{url} : le certificat ne couvre pas ce nom (il couvre : {names})',
    'web.cert.weak-key': '{url} : clé RSA de {bits} bits, moins que {min} ; réémettez le certificat',
    'web.cert.expiring':
      '{url} : certificat valable jusqu’au {date}, {days, plural, =0 {aujourd’hui} one {dans # jour} other {dans # jours}} ; renouvelez-le ({issuer})',
    'web.cert.valid': '{url} : certificat valide jusqu’au {date} ({days} jours), émis par {issuer}',
    'web.headers.progress': 'en-têtes de {url}',
    'web.headers.present': '{url} : {headers}',
    'web.header.hsts': 'Strict-Transport-Security « {value} »',
    'web.header.hsts-missing':
      '{url} : Strict-Transport-Security absent ; envoyez « max-age={min}; includeSubDomains » au moins',
    'web.header.hsts-short':
      '{url} : Strict-Transport-Security « {value} » trop court (au moins max-age={min})',
    'web.header.csp': 'Content-Security-Policy présent',
    'web.header.csp-missing':
      '{url} : Content-Security-Policy absent ; définissez une politique (default-src, script-src…)',
    'web.header.csp-report-only':
      '{url} : Content-Security-Policy seulement en mode report-only ; appliquez la politique',
    'web.header.csp-permissive':
      '{url} : Content-Security-Policy permissive pour les scripts (« * » ou « unsafe-inline » sans nonce ni empreinte)',
    'web.header.nosniff': 'X-Content-Type-Options: nosniff',
    'web.header.nosniff-missing': '{url} : X-Content-Type-Options absent ; envoyez « nosniff »',
    'web.header.nosniff-wrong': '{url} : X-Content-Type-Options vaut « {value} » ; envoyez « nosniff »',
    'web.header.framing': 'protection contre l’inclusion en cadre ({value})',
    'web.header.framing-missing':
      '{url} : aucune protection contre l’inclusion en cadre ; ajoutez « frame-ancestors » à la CSP ou X-Frame-Options: DENY',
    'web.header.referrer': 'Referrer-Policy « {value} »',
    'web.header.referrer-missing':
      '{url} : Referrer-Policy absent ; envoyez par exemple « strict-origin-when-cross-origin » ou « no-referrer »',
    'web.header.referrer-leaky':
      '{url} : Referrer-Policy « {value} » transmet l’adresse complète ; choisissez une politique stricte',
    'web.cookie.weak': '{url} : le cookie {name} n’a pas {missing}',
    'web.cookie.script-readable':
      '{url} : le cookie {name} est lisible par les scripts (sans HttpOnly) ; vérifiez que c’est voulu',
    'web.cookie.ok': '{url} : le cookie {name} porte Secure, HttpOnly et SameSite',
    'web.http-redirects': '{url} redirige vers HTTPS ({status} → {target})',
    'web.http-no-redirect':
      '{url} répond en HTTP ({status}) sans rediriger vers HTTPS ; redirigez tout le trafic HTTP',
    'web.http-closed': '{url} ne répond pas en HTTP : seul HTTPS est servi',
    'web.http-not-checked':
      '{url} : port non standard, la redirection HTTP → HTTPS n’est pas vérifiée ; déclarez aussi l’adresse http:// pour la contrôler',
    'web.https-not-reached': '{url} : la page est servie en HTTP ; elle doit l’être en HTTPS',
    'web.redirect-undeclared':
      '{url} redirige vers {target}, hôte non déclaré : il n’est pas contacté ; déclarez-le dans endpoints.web pour le contrôler',
    'web.redirect-too-many': '{url} : trop de redirections (dernière vers {target})',
    'web.redirect-bad-location': '{url} : redirection invalide ({target})',
    'web.page-error': '{url} : la page répond {status} ; elle ne peut pas être examinée',
    'web.security-md': 'politique de sécurité publiée dans le dépôt : {file}',
    'web.security-md-no-contact': '{file} ne donne ni adresse e-mail ni URL pour signaler une vulnérabilité',
    'web.no-security-contact':
      'aucun contact de sécurité : publiez /.well-known/security.txt (RFC 9116) ou un fichier {files}',
    'web.security-txt.progress': 'lecture de {url}',
    'web.security-txt.valid': '{url} : security.txt conforme (Contact {contacts}, Expires {expires})',
    'web.security-txt.missing':
      '{url} introuvable (réponse {status}) et aucun SECURITY.md : publiez un security.txt (RFC 9116) avec Contact et Expires',
    'web.security-txt.missing-ok':
      '{url} introuvable (réponse {status}) ; SECURITY.md en tient lieu, security.txt reste recommandé',
    'web.security-txt.no-contact': '{url} : aucun champ Contact (obligatoire, RFC 9116 §2.5.3)',
    'web.security-txt.bad-contact': '{url} : Contact doit être une URI mailto:, https: ou tel: ({contacts})',
    'web.security-txt.no-expires': '{url} : aucun champ Expires (obligatoire, RFC 9116 §2.5.5)',
    'web.security-txt.many-expires': '{url} : {count} champs Expires ; un seul est permis',
    'web.security-txt.bad-expires': '{url} : Expires « {value} » n’est pas une date-heure ISO 8601',
    'web.security-txt.expired': '{url} : security.txt expiré (Expires {date}) ; mettez-le à jour',
    'web.security-txt.far-expires':
      '{url} : Expires {date} est à plus d’un an ; la RFC 9116 recommande moins d’un an',
    'web.security-txt.content-type': '{url} : servi en « {type} » au lieu de text/plain',
    'web.trackers.progress': 'traceurs de {url}',
    'web.no-tracker':
      '{url} : aucun traceur hors UE sur la page ni dans {scripts, plural, one {# script de même origine} other {ses # scripts de même origine}}',
    'web.tracker':
      '{url} : {name} ({vendor}, {country}) détecté dans {where} (« {text} ») ; retirez-le ou remplacez-le par une mesure d’audience hébergée dans l’UE',
    'web.tracker-eu':
      '{url} : {name} ({vendor}, {country}) dans {where} ; vérifiez sa configuration d’exemption CNIL',
    'web.scripts-not-read': '{url} : scripts non lus : {scripts}',
  },
  en: {
    'web.bad-setting':
      'invalid {name} setting: {value} (a number of seconds, or of connections between 1 and 64)',
    'web.bad-ca-file': 'NODE_EXTRA_CA_CERTS names {file}, which is not a readable PEM file of certificates',
    'web.no-endpoint': 'no address declared in {kinds}: nothing to check online',
    'web.offline':
      '{url}: online check skipped (offline mode, --offline or MES_REFERENCING_OFFLINE); run again without it to decide',
    'web.unreachable': '{url}: could not be checked — {reason}',
    'web.fix.offline':
      'run again without offline mode (--offline, MES_REFERENCING_OFFLINE or the offline input) so that the check decides',
    'web.fix.network':
      'check the address declared in endpoints and that the machine running the check reaches the Internet (firewall, HTTPS_PROXY)',
    'web.fix.timeout':
      'check that the server answers, or allow more time (MES_REFERENCING_WEB_TIMEOUT, in seconds)',
    'web.fix.budget': 'allow more time for online checks (MES_REFERENCING_WEB_BUDGET, in seconds)',
    'web.fix.certificate':
      'fix the server’s certificate or TLS configuration (see the TLS check), then run again',
    'web.fix.client-unsupported':
      'run again from a machine whose OpenSSL still offers TLS 1.0/1.1 (a dedicated container, say), or have a TLS audit tool confirm the refusal',
    'web.fix.setting': 'fix the environment variable named in the message',
    'web.fix.page-error': 'publish the page at the address declared in endpoints.web (it must answer 200)',
    'web.fix.retry': 'run the check again; if the problem persists, report it',
    'web.reason.dns': 'host name not found ({code})',
    'web.reason.refused': 'connection refused',
    'web.reason.unreachable': 'host unreachable ({code})',
    'web.reason.reset': 'connection closed by the server ({code})',
    'web.reason.timeout': 'no answer within {detail} (MES_REFERENCING_WEB_TIMEOUT)',
    'web.reason.budget': 'time for online checks used up ({detail}, MES_REFERENCING_WEB_BUDGET)',
    'web.reason.aborted': 'run aborted',
    'web.reason.tls': 'TLS handshake failed ({detail})',
    'web.reason.certificate':
      'invalid certificate ({code}): content from a server that cannot prove its identity is not assessed (see the TLS check)',
    'web.reason.client-unsupported': 'this machine’s OpenSSL cannot offer this handshake ({code})',
    'web.reason.not-public':
      'non-public address refused: {detail}; for a local or internal server, the workflow allows it with allow-private-network: true (CLI: --allow-private-network)',
    'web.reason.other': '{detail}',
    'web.tls.progress': 'TLS of {url}',
    'web.tls.protocol': '{url}: {protocol} negotiated ({cipher})',
    'web.tls.protocol-12': '{url}: {protocol} negotiated ({cipher}); TLS 1.3 is recommended',
    'web.tls.legacy-refused': '{url}: TLS 1.0 and 1.1 refused',
    'web.tls.legacy-accepted':
      '{url}: still accepts {protocol}; disable TLS 1.0 and 1.1 (forbidden by the ANS API transport security)',
    'web.tls.legacy-only': '{url}: offers only {protocol}; enable TLS 1.2 and 1.3 and disable TLS 1.0/1.1',
    'web.tls.legacy-unknown': '{url}: refusal of TLS 1.0/1.1 not verified — {reason}',
    'web.tls.handshake-failed': '{url}: no TLS 1.2 or 1.3 handshake possible — {reason}',
    'web.tls.handshake-refused':
      '{url}: handshake refused without a client certificate — {reason}; if this API requires a client certificate (mTLS), check TLS with that certificate, otherwise the server shares no suite with a modern client',
    'web.tls.broken-cipher': '{url}: accepts the broken suite {cipher}; remove it from the configuration',
    'web.tls.weak-cipher-kx':
      '{url}: accepts the suite {cipher}, without forward secrecy; prefer ECDHE with AES-GCM or ChaCha20',
    'web.tls.weak-cipher-cbc':
      '{url}: accepts the suite {cipher} (CBC mode); prefer AEAD suites (AES-GCM, ChaCha20-Poly1305)',
    'web.tls.ciphers-unknown': '{url}: weak suites not verified — {reason}',
    'web.tls.plain-http': '{url}: plain HTTP address, not encrypted; declare and serve the https:// address',
    'web.tls.http-entrance': '{url}: HTTP address, checked through {secure}',
    'web.cert.none': '{url}: no certificate presented',
    'web.cert.expired': '{url}: certificate expired on {date}; renew it',
    'web.cert.not-yet-valid': '{url}: certificate not yet valid ({code})',
    'web.cert.self-signed':
      '{url}: self-signed certificate ({subject}); use a certificate from a recognised authority',
    'web.cert.untrusted-root':
      '{url}: chain signed by an unknown authority ({issuer}); use a recognised authority',
    'web.cert.incomplete-chain':
      '{url}: incomplete certificate chain or unknown authority ({issuer}); serve the intermediate certificates',
    'web.cert.invalid': '{url}: certificate refused ({code})',
    'web.cert.hostname': '{url}: the certificate does not cover this name (it covers: {names})',
    'web.cert.weak-key': '{url}: {bits}-bit RSA key, less than {min}; reissue the certificate',
    'web.cert.expiring':
      '{url}: certificate valid until {date}, {days, plural, =0 {today} one {in # day} other {in # days}}; renew it ({issuer})',
    'web.cert.valid': '{url}: certificate valid until {date} ({days} days), issued by {issuer}',
    'web.headers.progress': 'headers of {url}',
    'web.headers.present': '{url}: {headers}',
    'web.header.hsts': 'Strict-Transport-Security "{value}"',
    'web.header.hsts-missing':
      '{url}: Strict-Transport-Security missing; send at least "max-age={min}; includeSubDomains"',
    'web.header.hsts-short': '{url}: Strict-Transport-Security "{value}" too short (at least max-age={min})',
    'web.header.csp': 'Content-Security-Policy present',
    'web.header.csp-missing':
      '{url}: Content-Security-Policy missing; define a policy (default-src, script-src…)',
    'web.header.csp-report-only':
      '{url}: Content-Security-Policy in report-only mode only; enforce the policy',
    'web.header.csp-permissive':
      '{url}: Content-Security-Policy permissive for scripts ("*" or "unsafe-inline" without nonce or hash)',
    'web.header.nosniff': 'X-Content-Type-Options: nosniff',
    'web.header.nosniff-missing': '{url}: X-Content-Type-Options missing; send "nosniff"',
    'web.header.nosniff-wrong': '{url}: X-Content-Type-Options is "{value}"; send "nosniff"',
    'web.header.framing': 'framing protection ({value})',
    'web.header.framing-missing':
      '{url}: no framing protection; add "frame-ancestors" to the CSP or X-Frame-Options: DENY',
    'web.header.referrer': 'Referrer-Policy "{value}"',
    'web.header.referrer-missing':
      '{url}: Referrer-Policy missing; send for example "strict-origin-when-cross-origin" or "no-referrer"',
    'web.header.referrer-leaky':
      '{url}: Referrer-Policy "{value}" sends the full address; choose a strict policy',
    'web.cookie.weak': '{url}: cookie {name} lacks {missing}',
    'web.cookie.script-readable':
      '{url}: cookie {name} is readable by scripts (no HttpOnly); check that this is intended',
    'web.cookie.ok': '{url}: cookie {name} carries Secure, HttpOnly and SameSite',
    'web.http-redirects': '{url} redirects to HTTPS ({status} → {target})',
    'web.http-no-redirect':
      '{url} answers over HTTP ({status}) without redirecting to HTTPS; redirect all HTTP traffic',
    'web.http-closed': '{url} does not answer over HTTP: only HTTPS is served',
    'web.http-not-checked':
      '{url}: non-standard port, the HTTP → HTTPS redirect is not checked; also declare the http:// address to check it',
    'web.https-not-reached': '{url}: the page is served over HTTP; it must be served over HTTPS',
    'web.redirect-undeclared':
      '{url} redirects to {target}, an undeclared host: it is not contacted; declare it in endpoints.web to check it',
    'web.redirect-too-many': '{url}: too many redirects (last to {target})',
    'web.redirect-bad-location': '{url}: invalid redirect ({target})',
    'web.page-error': '{url}: the page answers {status}; it cannot be examined',
    'web.security-md': 'security policy published in the repository: {file}',
    'web.security-md-no-contact':
      '{file} gives neither an e-mail address nor a URL to report a vulnerability',
    'web.no-security-contact':
      'no security contact: publish /.well-known/security.txt (RFC 9116) or a {files} file',
    'web.security-txt.progress': 'reading {url}',
    'web.security-txt.valid': '{url}: valid security.txt (Contact {contacts}, Expires {expires})',
    'web.security-txt.missing':
      '{url} not found (answer {status}) and no SECURITY.md: publish a security.txt (RFC 9116) with Contact and Expires',
    'web.security-txt.missing-ok':
      '{url} not found (answer {status}); SECURITY.md stands in, security.txt is still recommended',
    'web.security-txt.no-contact': '{url}: no Contact field (required, RFC 9116 §2.5.3)',
    'web.security-txt.bad-contact': '{url}: Contact must be a mailto:, https: or tel: URI ({contacts})',
    'web.security-txt.no-expires': '{url}: no Expires field (required, RFC 9116 §2.5.5)',
    'web.security-txt.many-expires': '{url}: {count} Expires fields; only one is allowed',
    'web.security-txt.bad-expires': '{url}: Expires "{value}" is not an ISO 8601 date-time',
    'web.security-txt.expired': '{url}: security.txt expired (Expires {date}); update it',
    'web.security-txt.far-expires':
      '{url}: Expires {date} is more than a year away; RFC 9116 recommends less than a year',
    'web.security-txt.content-type': '{url}: served as "{type}" instead of text/plain',
    'web.trackers.progress': 'trackers of {url}',
    'web.no-tracker':
      '{url}: no non-EU tracker on the page nor in {scripts, plural, one {# same-origin script} other {its # same-origin scripts}}',
    'web.tracker':
      '{url}: {name} ({vendor}, {country}) found in {where} ("{text}"); remove it or replace it with EU-hosted analytics',
    'web.tracker-eu': '{url}: {name} ({vendor}, {country}) in {where}; check its CNIL exemption settings',
    'web.scripts-not-read': '{url}: scripts not read: {scripts}',
  },
});
