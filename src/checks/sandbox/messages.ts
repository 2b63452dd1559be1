import { defineMessages } from '../../i18n/index.js';

/** The `sandbox/scenarios` check: hooking-test suites, targets, credentials, assertions. */
export const sandboxMessages = defineMessages({
  fr: {
    'sandbox.unknown-suite':
      '{count, plural, one {suite de scénarios inconnue} other {suites de scénarios inconnues}} : {suites} (voir rules/scenarios)',
    'sandbox.no-suite':
      'aucune des suites {suites} ne concerne les domaines déclarés (orientation.data-domains, sandbox.suites)',
    'sandbox.offline':
      'mode hors ligne : le bac à sable {url} n’est pas contacté ; les tests d’accrochage n’ont pas été joués',
    'sandbox.emulator-start': 'l’émulateur n’a pas pu démarrer : {reason}',
    'sandbox.target.emulator': 'l’émulateur embarqué',
    'sandbox.target-info.emulator':
      'tests joués contre l’émulateur embarqué, fidèle aux spécifications publiées : rejouez-les contre le bac à sable Mon espace santé (sandbox.target) pour le procès-verbal',
    'sandbox.target-info.url': 'tests joués contre le bac à sable {url}',
    'sandbox.unreachable': '{suite} : {target} est injoignable ({reason}) ; tests d’accrochage non joués',
    'sandbox.sample-data':
      '{suite} : aucune ressource de ce domaine dans fhir.resources ; les tests ont utilisé l’exemple du projet ({files}), réécrit à votre identité (OID {oid}) : ils montrent que l’échange fonctionne, pas que vos données passent',
    'sandbox.profiles-unchecked':
      'l’émulateur n’a pas pu charger les paquets FHIR {packages} : il a jugé les requêtes sur les règles métier de Mon espace santé seulement, sans valider leurs profils comme le fait Mon espace santé',
    'sandbox.fix.profiles-unchecked':
      'donnez un dossier de paquets FHIR (variable FHIR_PACKAGE_PATH), ou laissez le contrôle joindre le registre packages.fhir.org, puis relancez',
    'sandbox.fix.sample-data':
      'ajoutez à fhir.resources des exemples réels des ressources {domain} que le service envoie, pour que les tests d’accrochage les rejouent',
    'sandbox.fix.offline':
      'relancez sans le mode hors ligne, ou jouez les tests contre l’émulateur embarqué (sandbox.target: emulator, ou l’entrée sandbox-target)',
    'sandbox.fix.unreachable':
      'vérifiez l’URL du bac à sable ({url}, sandbox.target) et que la machine qui lance le contrôle la joint ; sinon jouez les tests contre l’émulateur embarqué (sandbox-target: emulator)',
    'sandbox.fix.emulator-start':
      'l’émulateur embarqué doit pouvoir écouter sur 127.0.0.1 : relancez, et signalez le problème s’il persiste (MES_REFERENCING_DEBUG=1)',
    'sandbox.fix.test-error':
      'la cible n’a pas répondu à cette étape : relancez ; si le bac à sable est instable, allongez sandbox.timeout-seconds',
    'sandbox.env-missing':
      'la variable d’environnement {name} est absente ou vide : ajoutez-la aux secrets de la CI',
    'sandbox.patient-missing':
      'indiquez le patient de test du bac à sable (sandbox.patient.idpe ou idpe-env)',
    'sandbox.token-url-missing': 'indiquez le point de jeton OAuth2 du bac à sable (sandbox.token-url)',
    'sandbox.auth-incomplete': 'authentification {type} incomplète : renseignez sandbox.auth.{field}',
    'sandbox.token-refused': 'le point de jeton {url} a refusé les identifiants (HTTP {status})',
    'sandbox.file-missing': 'fichier {file} introuvable dans le dépôt',
    'sandbox.mtls-incomplete': 'mTLS : fournissez un certificat et sa clé (PEM) ou un PKCS#12',
    'sandbox.suite-fixture-file': 'fichier de jeu de données {file} introuvable',
    'sandbox.suite-fixture': 'jeu de données {name} non déclaré dans fixtures',
    'sandbox.suite-duplicate': 'identifiant de test {id} en double',
    'sandbox.suite-sample-identity':
      'jeu de données {name} : un fichier de repli doit déclarer l’identité avec laquelle il est écrit (sample: editor-oid, solution-oid)',
    'sandbox.suite-dependency': 'l’étape {step} dépend de {dep}, qui doit la précéder',
    'sandbox.suite-operation-field': 'le champ {field} ne s’applique pas à une opération {type}',
    'sandbox.suite-operation-missing': 'une opération {type} demande le champ {field}',
    'sandbox.suite-pairing-order': 'l’étape {step} suppose une étape {needs} avant elle dans le même test',
    'sandbox.suite-assert-missing': 'l’étape {step} n’a pas d’assertion (seule une étape unpair n’en a pas)',
    'sandbox.suite-unpair-assert':
      'l’étape {step} (unpair) n’a ni assertion ni capture : aucun échange n’est jugé',
    'sandbox.test.pass':
      '{suite} › {test} : réussi contre {target} ({exchanges, plural, one {# échange} other {# échanges}})',
    'sandbox.test.fail':
      '{suite} › {test}, étape {step} : {reason} (échange n° {exchange} du dossier de recette)',
    'sandbox.test.warn': '{suite} › {test}, étape {step} : {reason} (échange n° {exchange})',
    'sandbox.test.error': '{suite} › {test}, étape {step} : la cible n’a pas répondu — {reason}',
    'sandbox.test.skip': '{suite} › {test} : non joué — {reason}',
    'sandbox.skip.requires': 'non configuré pour cette cible ({variables})',
    'sandbox.unexposed': 'la cible n’offre pas cette transaction (HTTP {status}) : à confirmer avec le GIE',
    'sandbox.skip.dependency': 'non jouée : l’étape {steps} n’a pas réussi',
    'sandbox.skip.variable': 'non jouée : la valeur {variable} n’a pas été obtenue',
    'sandbox.skip.patient-side':
      'l’appariement demande au patient de s’authentifier et de consentir sur Mon espace santé : ce scénario n’est joué que contre l’émulateur embarqué, qui tient ce rôle',
    'sandbox.pairing.unpaired': 'le patient {idpe} désapparie le service dans Mon espace santé',
    'sandbox.failure.timeout': 'délai dépassé ({detail})',
    'sandbox.failure.refused':
      'connexion refusée après {attempts, plural, one {# tentative} other {# tentatives}} ({detail})',
    'sandbox.failure.reset': 'connexion coupée ({detail})',
    'sandbox.failure.tls': 'échec TLS ({detail})',
    'sandbox.failure.network': 'erreur réseau ({detail})',
    'sandbox.failure.budget': 'budget de temps des tests épuisé',
    'sandbox.failure.status':
      'HTTP {status} après {attempts, plural, one {# tentative} other {# tentatives}}',
    'sandbox.assert.status': 'statut HTTP {expected}',
    'sandbox.assert.status-failed': 'statut HTTP {expected} attendu, {actual} reçu ({detail})',
    'sandbox.assert.resource': 'ressource {expected}',
    'sandbox.assert.resource-failed': 'ressource {expected} attendue, {actual} reçue',
    'sandbox.assert.header': 'en-tête {name}',
    'sandbox.assert.header-failed': 'en-tête {name} inattendu : {actual}',
    'sandbox.assert.expression': 'FHIRPath {expression}',
    'sandbox.assert.expression-failed': 'non vérifié : {what} ({expression})',
    'sandbox.assert.expression-error': 'expression FHIRPath {expression} invalide : {error}',
    'sandbox.assert.outcome': 'OperationOutcome « {expected} »',
    'sandbox.assert.outcome-failed': 'OperationOutcome « {expected} » attendu ; reçu : {actual}',
    'sandbox.assert.refused': 'connexion refusée',
    'sandbox.assert.not-refused': 'la connexion devait être refusée ; réponse : {status}',
    'sandbox.assert.empty': 'assertion vide',
    'sandbox.assert.redirect': 'redirection vers redirect_uri avec un code et le state envoyé',
    'sandbox.assert.redirect-failed':
      'redirection vers redirect_uri avec un code et le state envoyé attendue ; reçu : {actual}',
    'sandbox.assert.oauth-error': 'erreur OAuth 2.0 {expected}',
    'sandbox.assert.oauth-error-failed': 'erreur OAuth 2.0 {expected} attendue ; reçu : {actual}',
    'sandbox.assert.no-redirect': 'pas de redirection (statut {status})',
    'sandbox.assert.no-oauth-error': 'pas d’erreur OAuth 2.0 (statut {status})',
    'sandbox.assert.redirect-elsewhere': 'redirection vers une autre adresse que redirect_uri',
    'sandbox.assert.state-lost': 'state absent ou modifié',
  },
  en: {
    'sandbox.unknown-suite':
      '{count, plural, one {unknown scenario suite} other {unknown scenario suites}}: {suites} (see rules/scenarios)',
    'sandbox.no-suite':
      'none of the suites {suites} concerns the declared domains (orientation.data-domains, sandbox.suites)',
    'sandbox.offline': 'offline mode: the sandbox {url} is not contacted; the hooking tests were not run',
    'sandbox.emulator-start': 'the emulator could not start: {reason}',
    'sandbox.target.emulator': 'the embedded emulator',
    'sandbox.target-info.emulator':
      'tests run against the embedded emulator, faithful to the published specifications: run them against the Mon espace santé sandbox (sandbox.target) for the official report',
    'sandbox.target-info.url': 'tests run against the sandbox {url}',
    'sandbox.unreachable': '{suite}: {target} is unreachable ({reason}); hooking tests not run',
    'sandbox.sample-data':
      '{suite}: no resource of this domain in fhir.resources; the tests used the project’s sample ({files}), rewritten to your identity (OID {oid}): they show the exchange works, not that your data passes',
    'sandbox.profiles-unchecked':
      'the emulator could not load the FHIR packages {packages}: it judged the requests on the Mon espace santé business rules alone, without validating their profiles as Mon espace santé does',
    'sandbox.fix.profiles-unchecked':
      'give a FHIR package folder (FHIR_PACKAGE_PATH variable), or let the check reach the packages.fhir.org registry, then run again',
    'sandbox.fix.sample-data':
      'add real examples of the {domain} resources the service sends to fhir.resources, so that the hooking tests replay them',
    'sandbox.fix.offline':
      'run again without offline mode, or play the tests against the embedded emulator (sandbox.target: emulator, or the sandbox-target input)',
    'sandbox.fix.unreachable':
      'check the sandbox URL ({url}, sandbox.target) and that the machine running the check reaches it; otherwise play the tests against the embedded emulator (sandbox-target: emulator)',
    'sandbox.fix.emulator-start':
      'the embedded emulator must be able to listen on 127.0.0.1: run again, and report the problem if it persists (MES_REFERENCING_DEBUG=1)',
    'sandbox.fix.test-error':
      'the target did not answer at this step: run again; if the sandbox is unstable, raise sandbox.timeout-seconds',
    'sandbox.env-missing': 'environment variable {name} is missing or empty: add it to the CI secrets',
    'sandbox.patient-missing': 'give the sandbox test patient (sandbox.patient.idpe or idpe-env)',
    'sandbox.token-url-missing': 'give the sandbox OAuth2 token endpoint (sandbox.token-url)',
    'sandbox.auth-incomplete': 'incomplete {type} authentication: set sandbox.auth.{field}',
    'sandbox.token-refused': 'the token endpoint {url} refused the credentials (HTTP {status})',
    'sandbox.file-missing': 'file {file} not found in the repository',
    'sandbox.mtls-incomplete': 'mTLS: give a certificate and its key (PEM) or a PKCS#12',
    'sandbox.suite-fixture-file': 'fixture file {file} not found',
    'sandbox.suite-fixture': 'fixture {name} is not declared in fixtures',
    'sandbox.suite-duplicate': 'duplicate test id {id}',
    'sandbox.suite-sample-identity':
      'fixture {name}: a fallback file must declare the identity it is written with (sample: editor-oid, solution-oid)',
    'sandbox.suite-dependency': 'step {step} depends on {dep}, which must come before it',
    'sandbox.suite-operation-field': 'field {field} does not apply to a {type} operation',
    'sandbox.suite-operation-missing': 'a {type} operation needs the field {field}',
    'sandbox.suite-pairing-order': 'step {step} needs a {needs} step before it in the same test',
    'sandbox.suite-assert-missing': 'step {step} has no assertion (only an unpair step has none)',
    'sandbox.suite-unpair-assert':
      'step {step} (unpair) takes no assertion or capture: no exchange is judged',
    'sandbox.test.pass':
      '{suite} › {test}: passed against {target} ({exchanges, plural, one {# exchange} other {# exchanges}})',
    'sandbox.test.fail':
      '{suite} › {test}, step {step}: {reason} (exchange #{exchange} of the acceptance test record)',
    'sandbox.test.warn': '{suite} › {test}, step {step}: {reason} (exchange #{exchange})',
    'sandbox.test.error': '{suite} › {test}, step {step}: the target did not answer — {reason}',
    'sandbox.test.skip': '{suite} › {test}: not run — {reason}',
    'sandbox.skip.requires': 'not configured for this target ({variables})',
    'sandbox.unexposed':
      'the target does not offer this transaction (HTTP {status}): to be confirmed with the GIE',
    'sandbox.skip.dependency': 'not run: step {steps} did not pass',
    'sandbox.skip.variable': 'not run: value {variable} was not obtained',
    'sandbox.skip.patient-side':
      'pairing needs the patient to authenticate and consent at Mon espace santé: this scenario runs only against the embedded emulator, which plays that part',
    'sandbox.pairing.unpaired': 'patient {idpe} unpairs the service in Mon espace santé',
    'sandbox.failure.timeout': 'timed out ({detail})',
    'sandbox.failure.refused':
      'connection refused after {attempts, plural, one {# attempt} other {# attempts}} ({detail})',
    'sandbox.failure.reset': 'connection reset ({detail})',
    'sandbox.failure.tls': 'TLS failure ({detail})',
    'sandbox.failure.network': 'network error ({detail})',
    'sandbox.failure.budget': 'time budget of the tests exhausted',
    'sandbox.failure.status': 'HTTP {status} after {attempts, plural, one {# attempt} other {# attempts}}',
    'sandbox.assert.status': 'HTTP status {expected}',
    'sandbox.assert.status-failed': 'HTTP status {expected} expected, {actual} received ({detail})',
    'sandbox.assert.resource': 'resource {expected}',
    'sandbox.assert.resource-failed': 'resource {expected} expected, {actual} received',
    'sandbox.assert.header': 'header {name}',
    'sandbox.assert.header-failed': 'unexpected header {name}: {actual}',
    'sandbox.assert.expression': 'FHIRPath {expression}',
    'sandbox.assert.expression-failed': 'not verified: {what} ({expression})',
    'sandbox.assert.expression-error': 'invalid FHIRPath expression {expression}: {error}',
    'sandbox.assert.outcome': 'OperationOutcome "{expected}"',
    'sandbox.assert.outcome-failed': 'OperationOutcome "{expected}" expected; received: {actual}',
    'sandbox.assert.refused': 'connection refused',
    'sandbox.assert.not-refused': 'the connection should have been refused; answer: {status}',
    'sandbox.assert.empty': 'empty assertion',
    'sandbox.assert.redirect': 'redirect to redirect_uri with a code and the state sent',
    'sandbox.assert.redirect-failed':
      'redirect to redirect_uri with a code and the state sent expected; received: {actual}',
    'sandbox.assert.oauth-error': 'OAuth 2.0 error {expected}',
    'sandbox.assert.oauth-error-failed': 'OAuth 2.0 error {expected} expected; received: {actual}',
    'sandbox.assert.no-redirect': 'no redirect (status {status})',
    'sandbox.assert.no-oauth-error': 'no OAuth 2.0 error (status {status})',
    'sandbox.assert.redirect-elsewhere': 'redirect to another address than redirect_uri',
    'sandbox.assert.state-lost': 'state missing or changed',
  },
});
