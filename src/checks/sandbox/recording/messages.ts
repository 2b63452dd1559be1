import { defineMessages } from '../../../i18n/index.js';

/** Grading of recorded traffic (`check --recording`): the expected behaviours of an MES client. */
export const recordingMessages = defineMessages({
  fr: {
    'sandbox.recording.target-info':
      'trafic des tests de l’éditeur enregistré par l’émulateur ({file}, {count, plural, one {# échange} other {# échanges}}) : une répétition fidèle aux spécifications publiées ; les tests d’accrochage officiels se jouent contre le bac à sable Mon espace santé',
    'sandbox.recording.not-found':
      'enregistrement {file} introuvable : lancez l’émulateur avec --record {file} pendant vos tests',
    'sandbox.recording.not-text':
      'l’enregistrement {file} n’est pas un texte UTF-8 (ligne {line}, colonne {column}, octet {byte})',
    'sandbox.recording.not-a-recording':
      '{file} n’est pas un enregistrement d’échanges (exchanges.json) de l’émulateur',
    'sandbox.recording.too-large': 'enregistrement {file} trop volumineux ({size} octets, maximum {max})',
    'sandbox.recording.damaged':
      '{count, plural, one {# ligne illisible} other {# lignes illisibles}} dans {file} (écriture interrompue) : les échanges complets sont notés',
    'sandbox.recording.empty':
      'l’enregistrement {file} ne contient aucun échange : vos tests ont-ils visé l’émulateur ?',
    'sandbox.recording.requests-ok':
      '{count, plural, one {# requête {flow} du trafic conforme} other {# requêtes {flow} du trafic conformes}} aux règles métier MES et aux profils FHIR',
    'sandbox.recording.request-invalid':
      'échange n° {exchange} ({method} {path}) refusé par les règles : {problems}',
    'sandbox.recording.request-unreadable':
      'échange n° {exchange} ({method} {path}) : corps illisible ou tronqué, non vérifié',
    'sandbox.recording.profile-issue': 'profil {profile} : {diagnostics}',
    'sandbox.recording.group.securite': 'Authentification des appels',
    'sandbox.recording.group.appariement': 'Appariement du patient',
    'sandbox.recording.group.mesures': 'Mesures',
    'sandbox.recording.group.documents': 'Documents (PDSm)',
    'sandbox.recording.group.robustesse': 'Refus, erreurs et reprises',
    'sandbox.behaviour.token-obtained': 'obtient un jeton d’accès',
    'sandbox.behaviour.token-reused': 'réutilise ses jetons (pas un jeton par requête)',
    'sandbox.behaviour.calls-authenticated':
      'authentifie chaque appel (jeton d’accès et id_token du patient)',
    'sandbox.behaviour.pairing': 'apparie le patient (code d’autorisation, PKCE S256, state)',
    'sandbox.behaviour.valid-measure': 'envoie une mesure valide',
    'sandbox.behaviour.idempotent-resend':
      'renvoie sans doublon (Device en création conditionnelle ifNoneExist)',
    'sandbox.behaviour.stop-on-consent-refusal': 's’arrête sur un refus de consentement (403), sans boucle',
    'sandbox.behaviour.retry-after-429': 'réessaie un 429 après le délai Retry-After',
    'sandbox.behaviour.backoff-503': 'réessaie un 503 avec un délai croissant (backoff)',
    'sandbox.behaviour.no-retry-422': 'ne renvoie pas une requête refusée en 422',
    'sandbox.behaviour.publish-and-find': 'publie un document (ITI-105) puis le retrouve (ITI-67/68)',
    'sandbox.behaviour.observed': 'comportement « {title} » observé (échange n° {exchange})',
    'sandbox.behaviour.not-applicable': 'comportement « {title} » sans objet dans ce trafic',
    'sandbox.behaviour.missing': 'comportement « {title} » non démontré par ce trafic : {hint}',
    'sandbox.behaviour.hint.token-obtained': 'aucun jeton obtenu au point de jeton de l’émulateur',
    'sandbox.behaviour.hint.calls-authenticated': 'aucun appel aux API Mon espace santé enregistré',
    'sandbox.behaviour.hint.token-reused': 'aucun jeton n’a servi à deux appels',
    'sandbox.behaviour.hint.pairing': 'le code d’autorisation n’a pas été échangé',
    'sandbox.behaviour.hint.valid-measure': 'aucune mesure envoyée (POST Bundle transaction)',
    'sandbox.behaviour.hint.idempotent-resend':
      'aucun Device renvoyé sous la même identité : envoyez deux mesures du même appareil',
    'sandbox.behaviour.hint.stop-on-consent-refusal':
      'aucun refus de consentement : ajoutez au script un patient « consent: false » et envoyez-lui une mesure',
    'sandbox.behaviour.hint.retry-after-429': 'aucun 429 : ajoutez au script « status: 429, retry-after: 1 »',
    'sandbox.behaviour.hint.backoff-503': 'aucun 503 : ajoutez au script « status: 503, times: 2 »',
    'sandbox.behaviour.hint.no-retry-422': 'aucun 422 : ajoutez au script « status: 422 »',
    'sandbox.behaviour.hint.publish-and-find':
      'le document publié à l’échange n° {published} n’est jamais recherché (ITI-67) ni consulté (ITI-68)',
    'sandbox.behaviour.wrong.token-reused':
      'un nouveau jeton est demandé à l’échange n° {exchange} alors que celui de l’échange n° {previous} était encore valide ({tokens} jetons obtenus) : gardez le jeton jusqu’à son expiration',
    'sandbox.behaviour.wrong.calls-authenticated.no-access-token':
      'l’échange n° {exchange} appelle l’API sans jeton d’accès (Authorization: Bearer)',
    'sandbox.behaviour.wrong.calls-authenticated.no-id-token':
      'l’échange n° {exchange} appelle l’API sans l’id_token du patient',
    'sandbox.behaviour.wrong.pairing.no-pkce':
      'l’appariement de l’échange n° {exchange} n’utilise pas PKCE (code_challenge, méthode S256)',
    'sandbox.behaviour.wrong.pairing.no-state':
      'l’appariement de l’échange n° {exchange} n’envoie pas de state (protection CSRF)',
    'sandbox.behaviour.wrong.pairing.code-refused':
      'l’échange du code d’autorisation est refusé à l’échange n° {exchange} (code déjà utilisé, expiré ou code_verifier faux)',
    'sandbox.behaviour.wrong.valid-measure':
      'aucune mesure acceptée : la première refusée est l’échange n° {exchange}',
    'sandbox.behaviour.wrong.idempotent-resend.no-if-none-exist':
      'l’échange n° {exchange} envoie un Device sans ifNoneExist : chaque envoi créerait un nouvel appareil',
    'sandbox.behaviour.wrong.idempotent-resend.duplicate':
      'l’échange n° {exchange} renvoie une mesure déjà acceptée : elle est enregistrée deux fois',
    'sandbox.behaviour.wrong.stop-on-consent-refusal':
      'après le refus de consentement, l’échange n° {exchange} renvoie une requête pour le même patient : attendez qu’il consente dans Mon espace santé',
    'sandbox.behaviour.wrong.retry-after-429.too-early':
      'l’échange n° {exchange} réessaie {delay} ms après le 429 de l’échange n° {throttled}, qui demandait Retry-After: {retryAfter} s',
    'sandbox.behaviour.wrong.retry-after-429.abandoned':
      'la requête limitée (429) de l’échange n° {exchange} n’est jamais renvoyée : la donnée est perdue',
    'sandbox.behaviour.wrong.backoff-503.immediate':
      'l’échange n° {exchange} réessaie {delay} ms après le {unavailable_status} de l’échange n° {unavailable} : attendez (au moins {wanted} ms) et augmentez le délai à chaque essai',
    'sandbox.behaviour.wrong.backoff-503.not-growing':
      'l’échange n° {exchange} réessaie après {delay} ms, sans attendre plus qu’à la première reprise : le délai doit croître au fil des essais (au moins {wanted} ms ici)',
    'sandbox.behaviour.wrong.backoff-503.abandoned':
      'la requête de l’échange n° {exchange} (service indisponible) n’est jamais renvoyée : la donnée est perdue',
    'sandbox.behaviour.wrong.no-retry-422':
      'l’échange n° {exchange} renvoie à l’identique la requête refusée en 422 à l’échange n° {refused} : corrigez-la au lieu de la renvoyer',
    'sandbox.behaviour.wrong.publish-and-find':
      'le document publié à l’échange n° {published} n’est pas dans la recherche ITI-67 de l’échange n° {exchange} : document perdu',
  },
  en: {
    'sandbox.recording.target-info':
      'traffic of the editor’s tests recorded by the emulator ({file}, {count, plural, one {# exchange} other {# exchanges}}): a rehearsal faithful to the published specifications; the official hooking tests run against the Mon espace santé sandbox',
    'sandbox.recording.not-found':
      'recording {file} not found: start the emulator with --record {file} during your tests',
    'sandbox.recording.not-text':
      'the recording {file} is not UTF-8 text (line {line}, column {column}, byte {byte})',
    'sandbox.recording.not-a-recording':
      '{file} is not an exchanges recording (exchanges.json) of the emulator',
    'sandbox.recording.too-large': 'recording {file} too large ({size} bytes, at most {max})',
    'sandbox.recording.damaged':
      '{count, plural, one {# unreadable line} other {# unreadable lines}} in {file} (interrupted write): the complete exchanges are graded',
    'sandbox.recording.empty': 'recording {file} holds no exchange: did your tests call the emulator?',
    'sandbox.recording.requests-ok':
      '{count, plural, one {# {flow} request of the traffic meets} other {# {flow} requests of the traffic meet}} the MES business rules and the FHIR profiles',
    'sandbox.recording.request-invalid':
      'exchange #{exchange} ({method} {path}) refused by the rules: {problems}',
    'sandbox.recording.request-unreadable':
      'exchange #{exchange} ({method} {path}): unreadable or truncated body, not checked',
    'sandbox.recording.profile-issue': 'profile {profile}: {diagnostics}',
    'sandbox.recording.group.securite': 'Authentication of calls',
    'sandbox.recording.group.appariement': 'Patient pairing',
    'sandbox.recording.group.mesures': 'Measures',
    'sandbox.recording.group.documents': 'Documents (PDSm)',
    'sandbox.recording.group.robustesse': 'Refusals, errors and retries',
    'sandbox.behaviour.token-obtained': 'obtains an access token',
    'sandbox.behaviour.token-reused': 'reuses its tokens (not one token per request)',
    'sandbox.behaviour.calls-authenticated':
      'authenticates every call (access token and the patient’s id_token)',
    'sandbox.behaviour.pairing': 'pairs the patient (authorization code, PKCE S256, state)',
    'sandbox.behaviour.valid-measure': 'sends a valid measure',
    'sandbox.behaviour.idempotent-resend':
      're-sends without duplicates (Device conditional create, ifNoneExist)',
    'sandbox.behaviour.stop-on-consent-refusal': 'stops on a consent refusal (403), no retry loop',
    'sandbox.behaviour.retry-after-429': 'retries a 429 after the Retry-After delay',
    'sandbox.behaviour.backoff-503': 'retries a 503 with a growing delay (backoff)',
    'sandbox.behaviour.no-retry-422': 'does not re-send a request refused with 422',
    'sandbox.behaviour.publish-and-find': 'publishes a document (ITI-105) then finds it again (ITI-67/68)',
    'sandbox.behaviour.observed': 'behaviour “{title}” observed (exchange #{exchange})',
    'sandbox.behaviour.not-applicable': 'behaviour “{title}” not applicable to this traffic',
    'sandbox.behaviour.missing': 'behaviour “{title}” not shown by this traffic: {hint}',
    'sandbox.behaviour.hint.token-obtained': 'no token obtained from the emulator’s token endpoint',
    'sandbox.behaviour.hint.calls-authenticated': 'no call to the Mon espace santé APIs recorded',
    'sandbox.behaviour.hint.token-reused': 'no token served two calls',
    'sandbox.behaviour.hint.pairing': 'the authorization code was not exchanged',
    'sandbox.behaviour.hint.valid-measure': 'no measure sent (POST of a transaction Bundle)',
    'sandbox.behaviour.hint.idempotent-resend':
      'no Device sent again under the same identity: send two measures from the same device',
    'sandbox.behaviour.hint.stop-on-consent-refusal':
      'no consent refusal: add a patient with “consent: false” to the script and send them a measure',
    'sandbox.behaviour.hint.retry-after-429': 'no 429: add “status: 429, retry-after: 1” to the script',
    'sandbox.behaviour.hint.backoff-503': 'no 503: add “status: 503, times: 2” to the script',
    'sandbox.behaviour.hint.no-retry-422': 'no 422: add “status: 422” to the script',
    'sandbox.behaviour.hint.publish-and-find':
      'the document published at exchange #{published} is never searched (ITI-67) nor retrieved (ITI-68)',
    'sandbox.behaviour.wrong.token-reused':
      'a new token is requested at exchange #{exchange} while the one of exchange #{previous} was still valid ({tokens} tokens obtained): keep the token until it expires',
    'sandbox.behaviour.wrong.calls-authenticated.no-access-token':
      'exchange #{exchange} calls the API without an access token (Authorization: Bearer)',
    'sandbox.behaviour.wrong.calls-authenticated.no-id-token':
      'exchange #{exchange} calls the API without the patient’s id_token',
    'sandbox.behaviour.wrong.pairing.no-pkce':
      'the pairing of exchange #{exchange} does not use PKCE (code_challenge, method S256)',
    'sandbox.behaviour.wrong.pairing.no-state':
      'the pairing of exchange #{exchange} sends no state (CSRF protection)',
    'sandbox.behaviour.wrong.pairing.code-refused':
      'the authorization code exchange is refused at exchange #{exchange} (code reused, expired or wrong code_verifier)',
    'sandbox.behaviour.wrong.valid-measure':
      'no measure accepted: the first refused one is exchange #{exchange}',
    'sandbox.behaviour.wrong.idempotent-resend.no-if-none-exist':
      'exchange #{exchange} sends a Device without ifNoneExist: every send would create a new device',
    'sandbox.behaviour.wrong.idempotent-resend.duplicate':
      'exchange #{exchange} re-sends a measure already accepted: it is stored twice',
    'sandbox.behaviour.wrong.stop-on-consent-refusal':
      'after the consent refusal, exchange #{exchange} sends again for the same patient: wait until they consent in Mon espace santé',
    'sandbox.behaviour.wrong.retry-after-429.too-early':
      'exchange #{exchange} retries {delay} ms after the 429 of exchange #{throttled}, which asked for Retry-After: {retryAfter} s',
    'sandbox.behaviour.wrong.retry-after-429.abandoned':
      'the throttled (429) request of exchange #{exchange} is never sent again: the data is lost',
    'sandbox.behaviour.wrong.backoff-503.immediate':
      'exchange #{exchange} retries {delay} ms after the {unavailable_status} of exchange #{unavailable}: wait (at least {wanted} ms) and grow the delay at each attempt',
    'sandbox.behaviour.wrong.backoff-503.not-growing':
      'exchange #{exchange} retries after {delay} ms, waiting no longer than at the first retry: the delay must grow over the attempts (at least {wanted} ms here)',
    'sandbox.behaviour.wrong.backoff-503.abandoned':
      'the request of exchange #{exchange} (service unavailable) is never sent again: the data is lost',
    'sandbox.behaviour.wrong.no-retry-422':
      'exchange #{exchange} re-sends unchanged the request refused with 422 at exchange #{refused}: fix it instead of sending it again',
    'sandbox.behaviour.wrong.publish-and-find':
      'the document published at exchange #{published} is not in the ITI-67 search of exchange #{exchange}: document lost',
  },
});
