// Every word the customer pages show, in English and German (Sie-Form); one table per locale, same keys.
import { CSRF_MAX_AGE_SECONDS } from '../auth/csrf';
import { DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';
import type { Locale } from './locale';
import type { Channel, PartnerKind, RefusalReason, ServiceErrorReason } from './viewModels';

/** What a refusal page says: a title, why it refuses, and what the reader can do. */
const AUTO_EXTENSION_DAYS = DELEGATED_ADMIN_LIMITS.autoExtensionDays;
const FORM_HOURS = CSRF_MAX_AGE_SECONDS / 3600;

export interface RefusalText {
  title: string;
  why: (details: { user: string; domain: string; partner: string }) => string;
  todo: (details: { domain: string; partner: string }) => string;
}

export interface Messages {
  serviceName: string;
  signedInAs: (user: string) => string;
  unnamedAccount: string;
  signOut: string;
  partnersLink: string;
  footerNote: string;
  kind: Record<PartnerKind, string>;
  channel: Record<Channel, string>;
  utcNote: string;

  consentTitle: (partner: string) => string;
  whoHeading: string;
  kindLabel: string;
  verifiedDomainLabel: string;
  partnerIdLabel: string;
  requestedForLabel: string;
  whatHeading: string;
  whatIntro: (partner: string) => string;
  providerIntro: (provider: string, reseller: string) => string;
  rolesHeading: string;
  rolesIntro: (partner: string) => string;
  rolesDuration: (days: number) => string;
  autoExtendYes: string;
  autoExtendNo: string;
  rolesRemovable: string;
  noRoles: string;
  noRolesDetail: (partner: string) => string;
  globalAdminWarningTitle: string;
  globalAdminWarning: (partner: string) => string;
  messageHeading: (partner: string) => string;
  messageNote: (partner: string) => string;
  expiresAt: (date: string) => string;
  standingLinkValidity: (partner: string) => string;
  confirmRequired: string;
  decisionHeading: string;
  decisionHint: string;
  confirmLabel: (partner: string) => string;
  accept: string;
  decline: string;

  acceptedTitle: string;
  acceptedNow: (partner: string) => string;
  acceptedProvider: (provider: string) => string;
  rolesActiveUntil: (date: string) => string;
  reviewPartners: string;
  oemRemovalLater: string;
  closePage: string;

  declinedTitle: string;
  declinedText: (partner: string) => string;
  declinedAgain: (partner: string) => string;
  declinedStandingAgain: string;

  alreadyTitle: string;
  alreadyAccepted: (partner: string, date: string) => string;
  alreadyDeclined: (partner: string, date: string) => string;
  alreadyRevoked: (partner: string, date: string) => string;
  answeredBy: (user: string) => string;
  nothingChanged: string;

  notFoundTitle: string;
  notFoundText: string;
  notFoundTodo: string;

  pageNotFoundTitle: string;
  pageNotFoundText: string;
  pageNotFoundTodo: string;
  toPartnersPage: string;
  toPortal: string;

  goneTitle: string;
  gone: Record<'expired' | 'cancelled' | 'replaced', string>;
  goneTodo: string;

  refusal: Record<RefusalReason, RefusalText>;
  whatToDo: string;
  supportContact: (contact: string) => string;
  consentIdLabel: string;
  openAgain: string;
  signInAnother: string;

  serviceError: Record<ServiceErrorReason, { title: string; text: string; todo: string }>;
  requestIdLabel: string;

  partnersTitle: string;
  partnersIntro: string;
  partnersEmpty: string;
  authorizedOn: (date: string) => string;
  mayRegister: string;
  providerToo: (provider: string) => string;
  adminRolesHeading: string;
  rolesActive: (date: string) => string;
  rolesRemoved: string;
  rolesExpired: string;
  noAdminRoles: string;
  removeRoles: (partner: string) => string;
  removeRolesHint: (partner: string) => string;
  oemRemoval: (partner: string) => string;
  rolesRemovedNotice: (partner: string) => string;
  revokeHeading: string;
  revokeIntro: (partner: string) => string;
  revokeProvider: (provider: string) => string;
  revokePartnerCenter: (partner: string) => string;
  revokeConfirmLabel: (partner: string) => string;
  revoke: string;
  revokeConfirmRequired: string;
  revokedNotice: (partner: string) => string;
  downloadReceipt: string;
}

const en: Messages = {
  serviceName: 'Windows Autopilot partner authorization',
  signedInAs: (user) => `Signed in as ${user}`,
  unnamedAccount: 'an account without a user name',
  signOut: 'Sign out',
  partnersLink: 'Partners authorized for your organization',
  footerNote: 'This service never asks for your password: Microsoft handles the sign-in.',
  kind: {
    'direct-csp': 'Microsoft Cloud Solution Provider (CSP) partner, direct',
    'indirect-reseller': 'Microsoft Cloud Solution Provider (CSP) partner, indirect reseller',
    'indirect-provider': 'Microsoft Cloud Solution Provider (CSP) partner, indirect provider',
    oem: 'Device manufacturer (OEM)',
  },
  channel: {
    'partner-center-api': 'automatically, through the Microsoft Partner Center API',
    'partner-center-csv': 'by uploading a device list (CSV file) in Microsoft Partner Center',
    'oem-direct-api': 'automatically, through the Microsoft OEM Direct API',
  },
  utcNote: 'Times are in UTC.',

  consentTitle: (partner) => `Authorize ${partner} to register Windows Autopilot devices?`,
  whoHeading: 'Who is asking',
  kindLabel: 'Kind of partner',
  verifiedDomainLabel: 'Verified domain',
  partnerIdLabel: 'Microsoft partner ID',
  requestedForLabel: 'Requested for',
  whatHeading: 'What you authorize',
  whatIntro: (partner) => `If you accept, ${partner} can register Windows Autopilot devices for your organization:`,
  providerIntro: (provider, reseller) =>
    `${provider}, the indirect provider ${reseller} works with, is authorized at the same time and can register devices for your organization:`,
  rolesHeading: 'Administrator roles',
  rolesIntro: (partner) =>
    `${partner} also asks for delegated administrator rights in your organization, with these roles:`,
  rolesDuration: (days) => `For ${days} ${days === 1 ? 'day' : 'days'} from your acceptance.`,
  autoExtendYes: `The roles are extended automatically by ${AUTO_EXTENSION_DAYS} days at a time until you remove them.`,
  autoExtendNo: 'The roles end automatically; they are not extended.',
  rolesRemovable:
    'You can remove the roles at any time on the partners page; the authorization to register devices stays.',
  noRoles: 'No administrator roles are requested.',
  noRolesDetail: (partner) => `${partner} will not get administrator access to your organization.`,
  globalAdminWarningTitle: 'Warning: this request includes Global Administrator',
  globalAdminWarning: (partner) =>
    `Global Administrator is the most powerful role in your organization. Grant partners only the roles they need (least privilege) and keep Global Administrator for emergencies. Consider declining and asking ${partner} for a request without it.`,
  messageHeading: (partner) => `Message from ${partner}`,
  messageNote: (partner) =>
    `${partner} wrote this message; this service did not. What you authorize is only what this page says above.`,
  expiresAt: (date) => `This link expires on ${date}.`,
  standingLinkValidity: (partner) =>
    `${partner} gives this link to all its customers; it works until ${partner} replaces it.`,
  confirmRequired: 'To accept, tick Yes first. Nothing was changed.',
  decisionHeading: 'Your decision',
  decisionHint: 'To accept, tick Yes and select Accept. To refuse, select Decline. Your decision takes effect at once.',
  confirmLabel: (partner) => `Yes, I authorize ${partner} for my organization as described above.`,
  accept: 'Accept',
  decline: 'Decline',

  acceptedTitle: 'You accepted the request',
  acceptedNow: (partner) => `${partner} can now register Windows Autopilot devices for your organization:`,
  acceptedProvider: (provider) => `${provider}, its indirect provider, is authorized too:`,
  rolesActiveUntil: (date) => `These administrator roles are active until ${date}:`,
  reviewPartners: 'You can review the partners authorized for your organization at any time:',
  oemRemovalLater: 'A device manufacturer (OEM) can later be removed only through a support request to the operator.',
  closePage: 'You can close this page.',

  declinedTitle: 'You declined the request',
  declinedText: (partner) => `${partner} has not been authorized. Nothing changed for your organization.`,
  declinedAgain: (partner) => `If you change your mind, ask ${partner} to send a new request.`,
  declinedStandingAgain: 'Nothing was stored. If you change your mind, open the same link again.',

  alreadyTitle: 'This request was already answered',
  alreadyAccepted: (partner, date) => `It was accepted on ${date}. ${partner} is authorized for your organization.`,
  alreadyDeclined: (partner, date) => `It was declined on ${date}. ${partner} has not been authorized.`,
  alreadyRevoked: (partner, date) => `It was accepted, and the authorization of ${partner} was revoked on ${date}.`,
  answeredBy: (user) => `Answered by ${user}.`,
  nothingChanged: 'Nothing was changed now.',

  notFoundTitle: 'This link is not valid',
  notFoundText: 'We could not find a request for this link.',
  notFoundTodo:
    'Check that you opened the complete link from the email. If it still does not work, ask the partner to send the request again.',

  pageNotFoundTitle: 'Page not found',
  pageNotFoundText: 'There is no page at this address.',
  pageNotFoundTodo:
    'Check the address for typing mistakes, or go on from one of these pages. A consent link from an email opens a page of its own: open the complete link again.',
  toPartnersPage: 'Partners who may register devices for your organization',
  toPortal: 'Partner portal, for partners who send consent requests',

  goneTitle: 'This link no longer works',
  gone: {
    expired: 'The request expired before it was answered.',
    cancelled: 'The partner withdrew this request.',
    replaced: 'The partner replaced this link with a newer one. Use the link from the most recent email.',
  },
  goneTodo: 'Nothing was changed. If you still want to authorize the partner, ask it for a new link.',

  refusal: {
    'not-global-admin': {
      title: 'Only a Global Administrator can do this',
      why: ({ user }) =>
        `You are signed in as ${user}, which does not have the Global Administrator role in your organization.`,
      todo: () =>
        'Forward this link to a Global Administrator of your organization, or sign in with an account that has that role.',
    },
    'wrong-tenant': {
      title: 'This request is for another organization',
      why: ({ user }) =>
        `You are signed in as ${user}, an account of a different organization (Microsoft Entra tenant) than the one this request was made for.`,
      todo: () =>
        'Sign in with a Global Administrator account of the organization the request was made for. If the request names the wrong organization, ask the partner for a new one.',
    },
    'upn-domain-mismatch': {
      title: 'Your account is not in the requested domain',
      why: ({ user, domain }) => `This request was made for ${domain}, but you are signed in as ${user}.`,
      todo: ({ domain }) =>
        `Sign in with a Global Administrator account in ${domain}, or ask the partner for a request for your domain.`,
    },
    'not-cloud-native': {
      title: 'Sign in with your onmicrosoft.com account',
      why: ({ user }) =>
        `A device manufacturer's (OEM) request can be accepted only with a cloud-native account, whose user name ends in .onmicrosoft.com. You are signed in as ${user}.`,
      todo: () =>
        'Sign out, sign in with a Global Administrator account like name@contoso.onmicrosoft.com, and open the link again.',
    },
    'forged-form': {
      title: 'Your answer could not be accepted',
      why: () =>
        `The form was too old (a form is valid for ${FORM_HOURS} hours) or did not come from this page. Nothing was changed.`,
      todo: () => 'Open the page again and repeat your answer.',
    },
    'oem-not-removable': {
      title: 'Only support can remove a device manufacturer',
      why: ({ partner }) =>
        `${partner} is a device manufacturer (OEM). Once given, an OEM's authorization cannot be removed here. Nothing was changed.`,
      todo: () => 'Ask the support of this service to revoke it, and quote the consent ID below.',
    },
    'sign-in-not-configured': {
      title: 'Sign-in is not available',
      why: () =>
        'This service cannot confirm who you are because its sign-in is not set up. To protect your organization, nothing can be shown or accepted.',
      todo: () => 'Try again later. If this persists, tell the partner who sent you the link.',
    },
  },
  whatToDo: 'What you can do',
  supportContact: (contact) => `Support: ${contact}`,
  consentIdLabel: 'Consent ID',
  openAgain: 'Open the page again',
  signInAnother: 'Sign in with another account',
  serviceError: {
    internal: {
      title: 'Something went wrong on our side',
      text: 'We could not complete your request. If you had answered, check the page again before answering a second time.',
      todo: 'Try again in a few minutes. If it keeps happening, contact support and quote the reference below.',
    },
    unavailable: {
      title: 'The service is busy',
      text: 'We cannot reach our storage right now, so nothing could be shown or changed.',
      todo: 'Try again in a minute.',
    },
    conflict: {
      title: 'This changed while you were looking',
      text: 'The request changed after this page was shown (answered, withdrawn or replaced), so your answer changed nothing.',
      todo: 'Open the page again to see how it stands now.',
    },
    forbidden: {
      title: 'This can no longer be done here',
      text: 'This request can no longer be answered here, for example because the partner may no longer ask for consent. Nothing was changed.',
      todo: 'Open the page again. If you expected to be able to answer, contact the partner who sent the link.',
    },
    'bad-request': {
      title: 'We could not read this request',
      text: 'What your browser sent was not in a form we accept, so nothing was changed.',
      todo: 'Go back, open the page again and try once more.',
    },
    'too-large': {
      title: 'What was sent is too large',
      text: 'Your browser sent more than 256 KiB, far more than any of our forms holds, so it was not read and nothing was changed.',
      todo: 'Go back, open the page again and answer from the page as it is shown.',
    },
    'rate-limited': {
      title: 'Too many requests',
      text: 'Too many requests arrived in a short time, so this one was not carried out.',
      todo: 'Try again in a minute.',
    },
  },
  requestIdLabel: 'Reference',

  partnersTitle: 'Partners authorized for your organization',
  partnersIntro: 'These partners may register Windows Autopilot devices for your organization.',
  partnersEmpty: 'No partner is authorized for your organization.',
  authorizedOn: (date) => `Authorized on ${date}`,
  mayRegister: 'May register devices:',
  providerToo: (provider) => `Through this authorization, ${provider} (indirect provider) may register devices too:`,
  adminRolesHeading: 'Administrator roles',
  rolesActive: (date) => `Active until ${date}:`,
  rolesRemoved: 'Removed. The partner no longer has administrator roles in your organization.',
  rolesExpired: 'Expired. The partner no longer has administrator roles in your organization.',
  noAdminRoles: 'No administrator roles.',
  removeRoles: (partner) => `Remove the administrator roles of ${partner}`,
  removeRolesHint: (partner) => `${partner} keeps its authorization to register devices.`,
  oemRemoval: (partner) =>
    `${partner} is a device manufacturer (OEM): only a support request to the operator of this service can remove it. To have it removed, contact support and quote this consent ID:`,
  rolesRemovedNotice: (partner) =>
    `The administrator roles of ${partner} were removed. Its authorization to register devices stays.`,
  revokeHeading: 'Revoke this authorization',
  revokeIntro: (partner) =>
    `If you revoke it, ${partner} can no longer register devices for your organization, from the moment you select Revoke, and any administrator roles it has here end.`,
  revokeProvider: (provider) => `${provider}, its indirect provider, loses the authorization too.`,
  revokePartnerCenter: (partner) =>
    `${partner} is told (by email, and by webhook where it subscribed). A reseller relationship with ${partner} in Microsoft Partner Center is separate and is not ended here: only ${partner} can remove it there, so ask it to if you want that too.`,
  revokeConfirmLabel: (partner) => `Yes, I revoke the authorization of ${partner} for my organization.`,
  revoke: 'Revoke',
  revokeConfirmRequired: 'To revoke, tick Yes first. Nothing was changed.',
  revokedNotice: (partner) =>
    `The authorization of ${partner} was revoked: it can no longer register devices for your organization, and it has been told.`,
  downloadReceipt: 'Download the signed receipt',
};

const de: Messages = {
  serviceName: 'Windows Autopilot – Partnerautorisierung',
  signedInAs: (user) => `Angemeldet als ${user}`,
  unnamedAccount: 'ein Konto ohne Benutzernamen',
  signOut: 'Abmelden',
  partnersLink: 'Für Ihre Organisation autorisierte Partner',
  footerNote: 'Dieser Dienst fragt nie nach Ihrem Kennwort: Die Anmeldung übernimmt Microsoft.',
  kind: {
    'direct-csp': 'Microsoft Cloud Solution Provider (CSP), direkter Partner',
    'indirect-reseller': 'Microsoft Cloud Solution Provider (CSP), indirekter Wiederverkäufer (Reseller)',
    'indirect-provider': 'Microsoft Cloud Solution Provider (CSP), indirekter Anbieter (Provider)',
    oem: 'Gerätehersteller (OEM)',
  },
  channel: {
    'partner-center-api': 'automatisiert über die Microsoft Partner Center-API',
    'partner-center-csv': 'durch Hochladen einer Geräteliste (CSV-Datei) im Microsoft Partner Center',
    'oem-direct-api': 'automatisiert über die Microsoft OEM Direct API',
  },
  utcNote: 'Zeitangaben in UTC.',

  consentTitle: (partner) => `${partner} zur Registrierung von Windows Autopilot-Geräten autorisieren?`,
  whoHeading: 'Wer anfragt',
  kindLabel: 'Art des Partners',
  verifiedDomainLabel: 'Verifizierte Domäne',
  partnerIdLabel: 'Microsoft-Partner-ID',
  requestedForLabel: 'Angefragt für',
  whatHeading: 'Was Sie autorisieren',
  whatIntro: (partner) =>
    `Wenn Sie zustimmen, kann ${partner} Windows Autopilot-Geräte für Ihre Organisation registrieren:`,
  providerIntro: (provider, reseller) =>
    `${provider}, der indirekte Anbieter, mit dem ${reseller} zusammenarbeitet, wird gleichzeitig autorisiert und kann Geräte für Ihre Organisation registrieren:`,
  rolesHeading: 'Administratorrollen',
  rolesIntro: (partner) =>
    `${partner} bittet außerdem um delegierte Administratorrechte in Ihrer Organisation mit diesen Rollen:`,
  rolesDuration: (days) => `Für ${days} ${days === 1 ? 'Tag' : 'Tage'} ab Ihrer Zustimmung.`,
  autoExtendYes: `Die Rollen werden automatisch um jeweils ${AUTO_EXTENSION_DAYS} Tage verlängert, bis Sie sie entfernen.`,
  autoExtendNo: 'Die Rollen enden automatisch und werden nicht verlängert.',
  rolesRemovable:
    'Sie können die Rollen jederzeit auf der Partnerseite entfernen; die Autorisierung zur Geräteregistrierung bleibt bestehen.',
  noRoles: 'Es werden keine Administratorrollen angefordert.',
  noRolesDetail: (partner) => `${partner} erhält keinen Administratorzugriff auf Ihre Organisation.`,
  globalAdminWarningTitle: 'Warnung: Diese Anfrage enthält die Rolle „Global Administrator“',
  globalAdminWarning: (partner) =>
    `„Global Administrator“ ist die mächtigste Rolle in Ihrer Organisation. Geben Sie Partnern nur die Rollen, die sie benötigen (geringste Rechte), und behalten Sie „Global Administrator“ für Notfälle vor. Erwägen Sie, abzulehnen und ${partner} um eine Anfrage ohne diese Rolle zu bitten.`,
  messageHeading: (partner) => `Nachricht von ${partner}`,
  messageNote: (partner) =>
    `Diese Nachricht hat ${partner} geschrieben, nicht dieser Dienst. Was Sie autorisieren, beschreibt allein der ` +
    'Text oben auf dieser Seite.',
  expiresAt: (date) => `Dieser Link läuft am ${date} ab.`,
  standingLinkValidity: (partner) =>
    `${partner} gibt diesen Link allen seinen Kunden; er gilt, bis ${partner} ihn ersetzt.`,
  confirmRequired: 'Setzen Sie zum Akzeptieren zuerst das Häkchen bei „Ja“. Es wurde nichts geändert.',
  decisionHeading: 'Ihre Entscheidung',
  decisionHint:
    'Zum Zustimmen setzen Sie das Häkchen bei „Ja“ und wählen „Akzeptieren“. Zum Ablehnen wählen Sie „Ablehnen“. Ihre Entscheidung wird sofort wirksam.',
  confirmLabel: (partner) => `Ja, ich autorisiere ${partner} wie oben beschrieben für meine Organisation.`,
  accept: 'Akzeptieren',
  decline: 'Ablehnen',

  acceptedTitle: 'Sie haben die Anfrage akzeptiert',
  acceptedNow: (partner) => `${partner} kann jetzt Windows Autopilot-Geräte für Ihre Organisation registrieren:`,
  acceptedProvider: (provider) => `${provider}, sein indirekter Anbieter, ist ebenfalls autorisiert:`,
  rolesActiveUntil: (date) => `Diese Administratorrollen sind bis ${date} aktiv:`,
  reviewPartners: 'Die für Ihre Organisation autorisierten Partner können Sie jederzeit einsehen:',
  oemRemovalLater:
    'Ein Gerätehersteller (OEM) kann später nur über eine Supportanfrage beim Betreiber entfernt werden.',
  closePage: 'Sie können diese Seite schließen.',

  declinedTitle: 'Sie haben die Anfrage abgelehnt',
  declinedText: (partner) => `${partner} wurde nicht autorisiert. Für Ihre Organisation hat sich nichts geändert.`,
  declinedAgain: (partner) => `Falls Sie es sich anders überlegen, bitten Sie ${partner} um eine neue Anfrage.`,
  declinedStandingAgain:
    'Es wurde nichts gespeichert. Falls Sie es sich anders überlegen, öffnen Sie denselben Link erneut.',

  alreadyTitle: 'Diese Anfrage wurde bereits beantwortet',
  alreadyAccepted: (partner, date) =>
    `Sie wurde am ${date} akzeptiert. ${partner} ist für Ihre Organisation autorisiert.`,
  alreadyDeclined: (partner, date) => `Sie wurde am ${date} abgelehnt. ${partner} wurde nicht autorisiert.`,
  alreadyRevoked: (partner, date) =>
    `Sie wurde akzeptiert, und die Autorisierung von ${partner} wurde am ${date} widerrufen.`,
  answeredBy: (user) => `Beantwortet von ${user}.`,
  nothingChanged: 'Es wurde jetzt nichts geändert.',

  notFoundTitle: 'Dieser Link ist ungültig',
  notFoundText: 'Zu diesem Link haben wir keine Anfrage gefunden.',
  notFoundTodo:
    'Prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben. Wenn er weiterhin nicht funktioniert, bitten Sie den Partner, die Anfrage erneut zu senden.',

  pageNotFoundTitle: 'Seite nicht gefunden',
  pageNotFoundText: 'Unter dieser Adresse gibt es keine Seite.',
  pageNotFoundTodo:
    'Prüfen Sie die Adresse auf Tippfehler, oder gehen Sie von einer dieser Seiten aus weiter. Ein Zustimmungslink aus einer E-Mail öffnet eine eigene Seite: Öffnen Sie den vollständigen Link erneut.',
  toPartnersPage: 'Partner, die Geräte für Ihre Organisation registrieren dürfen',
  toPortal: 'Partnerportal, für Partner, die Zustimmungsanfragen senden',

  goneTitle: 'Dieser Link funktioniert nicht mehr',
  gone: {
    expired: 'Die Anfrage ist abgelaufen, bevor sie beantwortet wurde.',
    cancelled: 'Der Partner hat diese Anfrage zurückgezogen.',
    replaced:
      'Der Partner hat diesen Link durch einen neueren ersetzt. Verwenden Sie den Link aus der neuesten E-Mail.',
  },
  goneTodo:
    'Es wurde nichts geändert. Wenn Sie den Partner weiterhin autorisieren möchten, bitten Sie ihn um einen neuen Link.',

  refusal: {
    'not-global-admin': {
      title: 'Dafür ist die Rolle „Global Administrator“ nötig',
      why: ({ user }) =>
        `Sie sind als ${user} angemeldet. Dieses Konto hat in Ihrer Organisation nicht die Rolle „Global Administrator“.`,
      todo: () =>
        'Leiten Sie diesen Link an eine Person mit der Rolle „Global Administrator“ in Ihrer Organisation weiter, oder melden Sie sich mit einem Konto an, das diese Rolle hat.',
    },
    'wrong-tenant': {
      title: 'Diese Anfrage gilt einer anderen Organisation',
      why: ({ user }) =>
        `Sie sind als ${user} angemeldet, einem Konto einer anderen Organisation (Microsoft Entra-Mandant) als der, für die diese Anfrage gestellt wurde.`,
      todo: () =>
        'Melden Sie sich mit einem Konto mit der Rolle „Global Administrator“ in der Organisation an, für die die Anfrage gestellt wurde. Nennt die Anfrage die falsche Organisation, bitten Sie den Partner um eine neue.',
    },
    'upn-domain-mismatch': {
      title: 'Ihr Konto gehört nicht zur angefragten Domäne',
      why: ({ user, domain }) => `Diese Anfrage wurde für ${domain} gestellt, Sie sind aber als ${user} angemeldet.`,
      todo: ({ domain }) =>
        `Melden Sie sich mit einem Konto mit der Rolle „Global Administrator“ in ${domain} an, oder bitten Sie den Partner um eine Anfrage für Ihre Domäne.`,
    },
    'not-cloud-native': {
      title: 'Melden Sie sich mit Ihrem onmicrosoft.com-Konto an',
      why: ({ user }) =>
        `Die Anfrage eines Geräteherstellers (OEM) kann nur mit einem cloudbasierten Konto akzeptiert werden, dessen Benutzername auf .onmicrosoft.com endet. Sie sind als ${user} angemeldet.`,
      todo: () =>
        'Melden Sie sich ab, melden Sie sich mit einem Konto mit der Rolle „Global Administrator“ wie name@contoso.onmicrosoft.com an, und öffnen Sie den Link erneut.',
    },
    'forged-form': {
      title: 'Ihre Antwort konnte nicht angenommen werden',
      why: () =>
        `Das Formular war zu alt (ein Formular gilt ${FORM_HOURS} Stunden) oder stammte nicht von dieser Seite. Es wurde nichts geändert.`,
      todo: () => 'Öffnen Sie die Seite erneut und wiederholen Sie Ihre Antwort.',
    },
    'oem-not-removable': {
      title: 'Nur der Support kann einen Gerätehersteller entfernen',
      why: ({ partner }) =>
        `${partner} ist ein Gerätehersteller (OEM). Die einmal erteilte Autorisierung eines OEM kann hier nicht entfernt werden. Es wurde nichts geändert.`,
      todo: () =>
        'Bitten Sie den Support dieses Dienstes, sie zu widerrufen, und nennen Sie dabei die unten stehende Zustimmungs-ID.',
    },
    'sign-in-not-configured': {
      title: 'Die Anmeldung ist nicht verfügbar',
      why: () =>
        'Dieser Dienst kann nicht feststellen, wer Sie sind, weil seine Anmeldung nicht eingerichtet ist. Zum Schutz Ihrer Organisation kann nichts angezeigt oder akzeptiert werden.',
      todo: () =>
        'Versuchen Sie es später erneut. Besteht das Problem weiter, informieren Sie den Partner, der Ihnen den Link gesendet hat.',
    },
  },
  whatToDo: 'Was Sie tun können',
  supportContact: (contact) => `Support: ${contact}`,
  consentIdLabel: 'Zustimmungs-ID',
  openAgain: 'Seite erneut öffnen',
  signInAnother: 'Mit einem anderen Konto anmelden',
  serviceError: {
    internal: {
      title: 'Bei uns ist ein Fehler aufgetreten',
      text: 'Ihre Anfrage konnte nicht abgeschlossen werden. Falls Sie bereits geantwortet hatten, öffnen Sie die Seite erneut, bevor Sie ein zweites Mal antworten.',
      todo: 'Versuchen Sie es in einigen Minuten erneut. Tritt der Fehler weiter auf, wenden Sie sich an den Support und nennen Sie die unten stehende Referenz.',
    },
    unavailable: {
      title: 'Der Dienst ist ausgelastet',
      text: 'Unser Speicher ist gerade nicht erreichbar, daher konnte nichts angezeigt oder geändert werden.',
      todo: 'Versuchen Sie es in einer Minute erneut.',
    },
    conflict: {
      title: 'Das hat sich inzwischen geändert',
      text: 'Die Anfrage hat sich geändert, nachdem diese Seite angezeigt wurde (beantwortet, zurückgezogen oder ersetzt), daher hat Ihre Antwort nichts geändert.',
      todo: 'Öffnen Sie die Seite erneut, um den aktuellen Stand zu sehen.',
    },
    forbidden: {
      title: 'Das ist hier nicht mehr möglich',
      text: 'Diese Anfrage kann hier nicht mehr beantwortet werden, zum Beispiel weil der Partner keine Zustimmung mehr anfragen darf. Es wurde nichts geändert.',
      todo: 'Öffnen Sie die Seite erneut. Wenn Sie antworten können sollten, wenden Sie sich an den Partner, der den Link gesendet hat.',
    },
    'bad-request': {
      title: 'Wir konnten diese Anfrage nicht lesen',
      text: 'Was Ihr Browser gesendet hat, hatte keine Form, die wir annehmen, daher wurde nichts geändert.',
      todo: 'Gehen Sie zurück, öffnen Sie die Seite erneut und versuchen Sie es noch einmal.',
    },
    'too-large': {
      title: 'Das Gesendete ist zu groß',
      text: 'Ihr Browser hat mehr als 256 KiB gesendet, weit mehr, als eines unserer Formulare enthält. Es wurde daher nicht gelesen und nichts geändert.',
      todo: 'Gehen Sie zurück, öffnen Sie die Seite erneut und antworten Sie auf der Seite, wie sie angezeigt wird.',
    },
    'rate-limited': {
      title: 'Zu viele Anfragen',
      text: 'In kurzer Zeit sind zu viele Anfragen eingegangen, daher wurde diese nicht ausgeführt.',
      todo: 'Versuchen Sie es in einer Minute erneut.',
    },
  },
  requestIdLabel: 'Referenz',

  partnersTitle: 'Für Ihre Organisation autorisierte Partner',
  partnersIntro: 'Diese Partner dürfen Windows Autopilot-Geräte für Ihre Organisation registrieren.',
  partnersEmpty: 'Für Ihre Organisation ist kein Partner autorisiert.',
  authorizedOn: (date) => `Autorisiert am ${date}`,
  mayRegister: 'Darf Geräte registrieren:',
  providerToo: (provider) =>
    `Über diese Autorisierung darf auch ${provider} (indirekter Anbieter) Geräte registrieren:`,
  adminRolesHeading: 'Administratorrollen',
  rolesActive: (date) => `Aktiv bis ${date}:`,
  rolesRemoved: 'Entfernt. Der Partner hat keine Administratorrollen mehr in Ihrer Organisation.',
  rolesExpired: 'Abgelaufen. Der Partner hat keine Administratorrollen mehr in Ihrer Organisation.',
  noAdminRoles: 'Keine Administratorrollen.',
  removeRoles: (partner) => `Administratorrollen von ${partner} entfernen`,
  removeRolesHint: (partner) => `${partner} behält die Autorisierung zur Geräteregistrierung.`,
  oemRemoval: (partner) =>
    `${partner} ist ein Gerätehersteller (OEM): Nur eine Supportanfrage beim Betreiber dieses Dienstes kann ihn entfernen. Wenden Sie sich dazu an den Support und nennen Sie diese Zustimmungs-ID:`,
  rolesRemovedNotice: (partner) =>
    `Die Administratorrollen von ${partner} wurden entfernt. Die Autorisierung zur Geräteregistrierung bleibt bestehen.`,
  revokeHeading: 'Diese Autorisierung widerrufen',
  revokeIntro: (partner) =>
    `Wenn Sie sie widerrufen, kann ${partner} ab dem Moment, in dem Sie „Widerrufen“ wählen, keine Geräte mehr für Ihre Organisation registrieren, und seine Administratorrollen hier enden.`,
  revokeProvider: (provider) => `${provider}, sein indirekter Anbieter, verliert die Autorisierung ebenfalls.`,
  revokePartnerCenter: (partner) =>
    `${partner} wird benachrichtigt (per E-Mail und, falls abonniert, per Webhook). Eine Reseller-Beziehung mit ${partner} im Microsoft Partner Center ist davon getrennt und endet hier nicht: Nur ${partner} kann sie dort entfernen; bitten Sie ${partner} darum, wenn Sie das ebenfalls möchten.`,
  revokeConfirmLabel: (partner) => `Ja, ich widerrufe die Autorisierung von ${partner} für meine Organisation.`,
  revoke: 'Widerrufen',
  revokeConfirmRequired: 'Setzen Sie zum Widerrufen zuerst das Häkchen bei „Ja“. Es wurde nichts geändert.',
  revokedNotice: (partner) =>
    `Die Autorisierung von ${partner} wurde widerrufen: ${partner} kann keine Geräte mehr für Ihre Organisation registrieren und wurde benachrichtigt.`,
  downloadReceipt: 'Signierten Beleg herunterladen',
};

const TABLES: Record<Locale, Messages> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return TABLES[locale];
}
