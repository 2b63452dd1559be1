import type { MessageTable } from '../index.js';

/** The referencing process: steps, events, deadlines and what is due next. */
export const process: MessageTable = {
  fr: {
    'process.event.account-created': 'Compte Convergence créé',
    'process.event.administrative-file': 'Dossier administratif déposé',
    'process.event.gie-agreement': 'Accord validé par le GIE SESAM-Vitale',
    'process.event.orientation': 'Questionnaire d’orientation rempli',
    'process.event.submission': 'Demande de référencement déposée',
    'process.event.submission-number': 'Demande de référencement déposée (dossier {number})',
    'process.event.admissible': 'Dossier déclaré recevable',
    'process.event.request': 'Demande de compléments {id}{subject}',
    'process.event.answer': 'Réponse à la demande de compléments {id}',
    'process.event.evaluation-completed': 'Évaluation terminée',
    'process.event.opinion': 'Avis de la commission : {result}',
    'process.event.reservation-lifted': 'Réserve {id} levée',
    'process.event.decision': 'Décision ministérielle de référencement',
    'process.event.decision-reference': 'Décision ministérielle de référencement ({reference})',
    'process.event.notified': 'Décision notifiée à l’éditeur',
    'process.event.convention': 'Convention de référencement signée',
    'process.event.hooking-tests': 'Tests d’accrochage réussis',
    'process.event.publication': 'Publication au catalogue de services',
    'process.event.continuous-report': 'Rapport d’évaluation continue remis',
    'opinion.favorable': 'favorable',
    'opinion.favorable-reserves-non-suspensives': 'favorable avec réserves non suspensives',
    'opinion.favorable-reserves-suspensives': 'favorable avec réserves suspensives',
    'opinion.defavorable': 'défavorable',
    'process.future-date': 'referencing.process : « {label} » est daté du {date}, dans le futur',
    'process.order':
      'referencing.process : l’étape {step} ({date}) est datée avant l’étape {previous} ({before})',
    'process.deadline.request': 'Répondre à la demande de compléments {id}',
    'process.deadline.reservation': 'Lever la réserve {id} (non suspensive)',
    'process.deadline.reservation-suspensive': 'Lever la réserve {id} (suspensive)',
    'process.deadline.renewal': 'Renouveler le référencement (décision du {last})',
    'process.deadline.continuous-evaluation': 'Remettre le rapport d’évaluation continue',
    'process.next-step': 'Étape {number} — {title}',
    'process.fact.account': 'Compte Convergence',
    'process.fact.account-created': 'Compte créé le',
    'process.fact.administrative-file': 'Dossier administratif',
    'process.fact.gie-agreement': 'Accord GIE SESAM-Vitale',
    'process.fact.products': 'Produits Convergence',
    'process.fact.date': 'Date',
    'process.fact.file-number': 'N° de dossier d’évaluation',
    'process.fact.admissible': 'Recevable le',
    'process.fact.requests': 'Demandes de compléments',
    'process.fact.answered-of': '{done} répondue(s) sur {total}',
    'process.fact.completed': 'Évaluation terminée le',
    'process.fact.result': 'Avis',
    'process.fact.reservations': 'Réserves',
    'process.fact.lifted-of': '{done} levée(s) sur {total}',
    'process.fact.reference': 'Référence',
    'process.fact.notified': 'Notifiée le',
    'process.fact.signed': 'Convention signée le',
    'process.fact.hooking-tests': 'Tests d’accrochage le',
    'process.fact.url': 'Fiche au catalogue',
    'process.status.done': 'fait',
    'process.status.current': 'en cours',
    'process.status.upcoming': 'à venir',
    'process.status.stopped': 'interrompu',
    'process.status.unknown': 'non renseigné',
    'deadline.done': 'fait',
    'deadline.overdue': 'en retard',
    'deadline.soon': 'proche',
    'deadline.upcoming': 'à venir',
    'process.alert.request.overdue':
      'demande de compléments {id} sans réponse : échéance du {due} dépassée de {days} jour(s)',
    'process.alert.request.soon':
      'demande de compléments {id} : réponse attendue le {due} (dans {days} jour(s))',
    'process.alert.reservation.overdue':
      'réserve {id} non levée : échéance du {due} dépassée de {days} jour(s)',
    'process.alert.reservation.soon': 'réserve {id} à lever avant le {due} (dans {days} jour(s))',
    'process.alert.renewal.overdue': 'renouvellement en retard : dû le {due}, dépassé de {days} jour(s)',
    'process.alert.renewal.soon': 'renouvellement à déposer avant le {due} (dans {days} jour(s))',
    'process.alert.continuous-evaluation.overdue':
      'rapport d’évaluation continue en retard : attendu le {due}, dépassé de {days} jour(s)',
    'process.alert.continuous-evaluation.soon':
      'rapport d’évaluation continue à remettre avant le {due} (dans {days} jour(s))',
    'process.request.none':
      'aucune demande de compléments enregistrée (referencing.process.evaluation.requests)',
    'process.request.done': 'demande de compléments {id} : répondu le {done} (échéance {due})',
    'process.request.late': 'demande de compléments {id} : répondu le {done}, après l’échéance du {due}',
    'process.request.open': 'demande de compléments {id} : réponse attendue le {due} (dans {days} jour(s))',
    'process.reservation.none': 'aucune réserve enregistrée (referencing.process.opinion.reservations)',
    'process.reservation.done': 'réserve {id} levée le {done} (échéance {due})',
    'process.reservation.late': 'réserve {id} levée le {done}, après l’échéance du {due}',
    'process.reservation.open': 'réserve {id} à lever avant le {due} (dans {days} jour(s))',
    'process.continuous-evaluation.not-referenced':
      'pas encore de décision de référencement : aucun rapport n’est dû',
    'process.continuous-evaluation.upcoming':
      'prochain rapport d’évaluation continue attendu le {due} (dans {days} jour(s))',
    'naming.undeclared':
      'produits Convergence non déclarés (referencing.process.convergence.products) ; noms attendus : {expected}',
    'naming.other-name':
      '« {product} » ne commence pas par le nom affiché au catalogue « {name} » (solution.name) : nommez-le « [Nom] [OS] [Appareil] »',
    'naming.no-device': '« {product} » : l’appareil doit terminer le nom, « Mobile » ou « Site Web »',
    'naming.no-os': '« {product} » : nommez le système d’exploitation avant « Mobile » (ex. iOS, Android)',
    'naming.ok': '« {product} » suit la règle « [Nom] [OS] [Appareil] »',
    'naming.platform-missing':
      'aucun produit Convergence pour la plateforme {platform} déclarée (solution.platforms) ; attendu : « {expected} »',
    'eligibility.audience':
      'la solution n’est pas destinée aux patients (orientation.audience) : le catalogue de services ne référence que des services pour les patients',
    'eligibility.sector-undeclared':
      'secteur non déclaré : indiquez orientation.sector (sanitaire, medico-social, social) pour que l’éligibilité se vérifie',
    'eligibility.sector':
      'secteur déclaré « {sector} » : seules les solutions du secteur sanitaire, médico-social ou social sont éligibles',
    'eligibility.met': 'solution du secteur {sector}, destinée aux patients',
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
    'process.event.account-created': 'Convergence account created',
    'process.event.administrative-file': 'Administrative file filed',
    'process.event.gie-agreement': 'Agreement validated by GIE SESAM-Vitale',
    'process.event.orientation': 'Orientation questionnaire completed',
    'process.event.submission': 'Referencing application filed',
    'process.event.submission-number': 'Referencing application filed (file {number})',
    'process.event.admissible': 'Application declared admissible',
    'process.event.request': 'Request for information {id}{subject}',
    'process.event.answer': 'Answer to the request for information {id}',
    'process.event.evaluation-completed': 'Evaluation completed',
    'process.event.opinion': 'Commission opinion: {result}',
    'process.event.reservation-lifted': 'Reservation {id} lifted',
    'process.event.decision': 'Ministerial referencing decision',
    'process.event.decision-reference': 'Ministerial referencing decision ({reference})',
    'process.event.notified': 'Decision notified to the editor',
    'process.event.convention': 'Referencing convention signed',
    'process.event.hooking-tests': 'Hooking tests passed',
    'process.event.publication': 'Listed in the catalogue of services',
    'process.event.continuous-report': 'Continuous evaluation report filed',
    'opinion.favorable': 'favourable',
    'opinion.favorable-reserves-non-suspensives': 'favourable with non-suspensive reservations',
    'opinion.favorable-reserves-suspensives': 'favourable with suspensive reservations',
    'opinion.defavorable': 'unfavourable',
    'process.future-date': 'referencing.process: "{label}" is dated {date}, in the future',
    'process.order': 'referencing.process: step {step} ({date}) is dated before step {previous} ({before})',
    'process.deadline.request': 'Answer the request for information {id}',
    'process.deadline.reservation': 'Lift reservation {id} (non-suspensive)',
    'process.deadline.reservation-suspensive': 'Lift reservation {id} (suspensive)',
    'process.deadline.renewal': 'Renew the referencing (decision of {last})',
    'process.deadline.continuous-evaluation': 'File the continuous evaluation report',
    'process.next-step': 'Step {number} — {title}',
    'process.fact.account': 'Convergence account',
    'process.fact.account-created': 'Account created on',
    'process.fact.administrative-file': 'Administrative file',
    'process.fact.gie-agreement': 'GIE SESAM-Vitale agreement',
    'process.fact.products': 'Convergence products',
    'process.fact.date': 'Date',
    'process.fact.file-number': 'Evaluation file number',
    'process.fact.admissible': 'Admissible on',
    'process.fact.requests': 'Requests for information',
    'process.fact.answered-of': '{done} answered of {total}',
    'process.fact.completed': 'Evaluation completed on',
    'process.fact.result': 'Opinion',
    'process.fact.reservations': 'Reservations',
    'process.fact.lifted-of': '{done} lifted of {total}',
    'process.fact.reference': 'Reference',
    'process.fact.notified': 'Notified on',
    'process.fact.signed': 'Convention signed on',
    'process.fact.hooking-tests': 'Hooking tests on',
    'process.fact.url': 'Catalogue page',
    'process.status.done': 'done',
    'process.status.current': 'in progress',
    'process.status.upcoming': 'to come',
    'process.status.stopped': 'stopped',
    'process.status.unknown': 'not recorded',
    'deadline.done': 'done',
    'deadline.overdue': 'overdue',
    'deadline.soon': 'soon',
    'deadline.upcoming': 'to come',
    'process.alert.request.overdue':
      'request for information {id} unanswered: deadline {due} passed {days} day(s) ago',
    'process.alert.request.soon': 'request for information {id}: answer due on {due} (in {days} day(s))',
    'process.alert.reservation.overdue':
      'reservation {id} not lifted: deadline {due} passed {days} day(s) ago',
    'process.alert.reservation.soon': 'reservation {id} to lift by {due} (in {days} day(s))',
    'process.alert.renewal.overdue': 'renewal overdue: due on {due}, {days} day(s) ago',
    'process.alert.renewal.soon': 'renewal to file by {due} (in {days} day(s))',
    'process.alert.continuous-evaluation.overdue':
      'continuous evaluation report overdue: due on {due}, {days} day(s) ago',
    'process.alert.continuous-evaluation.soon':
      'continuous evaluation report to file by {due} (in {days} day(s))',
    'process.request.none': 'no request for information recorded (referencing.process.evaluation.requests)',
    'process.request.done': 'request for information {id}: answered on {done} (deadline {due})',
    'process.request.late': 'request for information {id}: answered on {done}, after the deadline {due}',
    'process.request.open': 'request for information {id}: answer due on {due} (in {days} day(s))',
    'process.reservation.none': 'no reservation recorded (referencing.process.opinion.reservations)',
    'process.reservation.done': 'reservation {id} lifted on {done} (deadline {due})',
    'process.reservation.late': 'reservation {id} lifted on {done}, after the deadline {due}',
    'process.reservation.open': 'reservation {id} to lift by {due} (in {days} day(s))',
    'process.continuous-evaluation.not-referenced': 'no referencing decision yet: no report is due',
    'process.continuous-evaluation.upcoming':
      'next continuous evaluation report due on {due} (in {days} day(s))',
    'naming.undeclared':
      'Convergence products not declared (referencing.process.convergence.products); expected names: {expected}',
    'naming.other-name':
      '“{product}” does not start with the catalogue name “{name}” (solution.name): name it “[Name] [OS] [Device]”',
    'naming.no-device': '“{product}”: the device must end the name, “Mobile” or “Site Web”',
    'naming.no-os': '“{product}”: name the operating system before “Mobile” (e.g. iOS, Android)',
    'naming.ok': '“{product}” follows the “[Name] [OS] [Device]” rule',
    'naming.platform-missing':
      'no Convergence product for the declared platform {platform} (solution.platforms); expected: “{expected}”',
    'eligibility.audience':
      'the service is not aimed at patients (orientation.audience): the catalogue only lists services for patients',
    'eligibility.sector-undeclared':
      'sector not declared: give orientation.sector (sanitaire, medico-social, social) so eligibility can be checked',
    'eligibility.sector':
      'declared sector “{sector}”: only services of the sanitary, medico-social or social sector are eligible',
    'eligibility.met': 'service of the {sector} sector, aimed at patients',
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
};
