// The invitation's wording in English and German (Sie-Form), one table per language; no layout, no escaping.
import type { ConsentPartnerKind, Locale } from '../domain/consent';
import { DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';

export interface InvitationCopy {
  /** BCP 47 tag for dates. */
  dateLocale: string;
  subject(partner: string): string;
  greeting(name: string | undefined): string;
  requesterHeading: string;
  labels: { partner: string; kind: string; verifiedDomain: string; microsoftPartnerId: string; contact: string };
  kinds: Record<ConsentPartnerKind, string>;
  allowsHeading: string;
  allowsRegister(partner: string): string;
  allowsProvider(partner: string, provider: string): string;
  allowsOemRemoval: string;
  allowsImmediate: string;
  rolesHeading: string;
  rolesIntro(partner: string): string;
  noRoles(partner: string): string;
  duration(days: number, autoExtend: boolean): string;
  rolesRemovable: string;
  noticesHeading: string;
  globalAdministratorWarning(partner: string): string;
  messageHeading(partner: string): string;
  /** Under the partner's message: whose words these are, and that they change nothing about what accepting allows. */
  messageNote(partner: string): string;
  buttonLabel: string;
  linkFallback: string;
  expiry(date: string): string;
  genuineHeading: string;
  genuineHost(host: string): string;
  genuineGlobalAdministrator: string;
  genuineUnexpected: string;
  footer(partner: string): string;
}

const en: InvitationCopy = {
  dateLocale: 'en-GB',
  subject: (partner) => `${partner} asks for permission to register Windows Autopilot devices for your organization`,
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  requesterHeading: 'Who is asking',
  labels: {
    partner: 'Partner',
    kind: 'Partner type',
    verifiedDomain: 'Verified domain',
    microsoftPartnerId: 'Microsoft partner ID',
    contact: 'Contact',
  },
  kinds: {
    'direct-csp': 'Cloud Solution Provider (direct)',
    'indirect-reseller': 'Cloud Solution Provider, indirect reseller',
    oem: 'Device manufacturer (OEM)',
  },
  allowsHeading: 'What accepting allows',
  allowsRegister: (partner) =>
    `If you accept, ${partner} can register Windows Autopilot devices for your organization.`,
  allowsProvider: (partner, provider) =>
    `Because ${partner} is an indirect reseller, its indirect provider ${provider} is authorized at the same time. ` +
    `${partner} registers devices by uploading device lists in Partner Center; ${provider} can also register them ` +
    'through the Partner Center API.',
  allowsOemRemoval:
    'Once given, an authorization for a device manufacturer can be removed only through a request to support.',
  allowsImmediate: 'The authorization takes effect as soon as you accept.',
  rolesHeading: 'Administrator roles',
  rolesIntro: (partner) =>
    `${partner} also asks for delegated administrator rights in your organization, with these roles:`,
  noRoles: (partner) => `No administrator roles are requested: ${partner} does not ask for admin rights.`,
  duration: (days, autoExtend) =>
    `Duration: ${days} ${days === 1 ? 'day' : 'days'}` +
    (autoExtend
      ? `, then extended automatically by ${DELEGATED_ADMIN_LIMITS.autoExtensionDays} days at a time.`
      : ', then the rights end automatically.'),
  rolesRemovable: 'You can remove these rights at any time; the authorization to register devices stays.',
  noticesHeading: 'Please note',
  globalAdministratorWarning: (partner) =>
    'Global Administrator is the most powerful role in your organization. Grant partners only the least privilege ' +
    `they need, and consider asking ${partner} for more limited roles.`,
  messageHeading: (partner) => `Message from ${partner}`,
  messageNote: (partner) =>
    `${partner} wrote this message; this service did not. What accepting allows is only what this email says above.`,
  buttonLabel: 'Review the request',
  linkFallback: 'If the button does not work, copy this link into your browser:',
  expiry: (date) => `This request expires on ${date}.`,
  genuineHeading: 'How to check that this request is genuine',
  genuineHost: (host) =>
    `The link leads to ${host}. After opening it, check that your browser's address bar shows this host name ` +
    'before you sign in.',
  genuineGlobalAdministrator:
    'Only a Global Administrator of your organization can accept. If you are not one, forward this email to a ' +
    'Global Administrator.',
  genuineUnexpected: 'If you did not expect this request, ignore this email. Nothing changes unless you accept.',
  footer: (partner) => `This email was sent on behalf of ${partner}.`,
};

const de: InvitationCopy = {
  dateLocale: 'de-DE',
  subject: (partner) =>
    `${partner} bittet um Ihre Zustimmung, Windows Autopilot-Geräte für Ihre Organisation zu registrieren`,
  greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  requesterHeading: 'Wer die Anfrage stellt',
  labels: {
    partner: 'Partner',
    kind: 'Partnertyp',
    verifiedDomain: 'Verifizierte Domäne',
    microsoftPartnerId: 'Microsoft-Partner-ID',
    contact: 'Kontakt',
  },
  kinds: {
    'direct-csp': 'Cloud Solution Provider (direkt)',
    'indirect-reseller': 'Cloud Solution Provider, indirekter Reseller',
    oem: 'Gerätehersteller (OEM)',
  },
  allowsHeading: 'Was Ihre Zustimmung erlaubt',
  allowsRegister: (partner) =>
    `Wenn Sie zustimmen, kann ${partner} Windows Autopilot-Geräte für Ihre Organisation registrieren.`,
  allowsProvider: (partner, provider) =>
    `Da ${partner} ein indirekter Reseller ist, wird gleichzeitig auch dessen indirekter Anbieter ${provider} ` +
    `berechtigt. ${partner} registriert Geräte durch das Hochladen von Gerätelisten im Partner Center; ${provider} ` +
    'kann sie zusätzlich über die Partner Center-API registrieren.',
  allowsOemRemoval:
    'Eine einmal erteilte Berechtigung für einen Gerätehersteller kann nur über eine Anfrage an den Support ' +
    'entfernt werden.',
  allowsImmediate: 'Die Berechtigung gilt sofort, nachdem Sie zugestimmt haben.',
  rolesHeading: 'Administratorrollen',
  rolesIntro: (partner) =>
    `${partner} bittet außerdem um delegierte Administratorrechte in Ihrer Organisation mit folgenden Rollen:`,
  noRoles: (partner) => `Es werden keine Administratorrollen angefordert: ${partner} bittet um keine Adminrechte.`,
  duration: (days, autoExtend) =>
    `Dauer: ${days} ${days === 1 ? 'Tag' : 'Tage'}` +
    (autoExtend
      ? `, danach automatische Verlängerung um jeweils ${DELEGATED_ADMIN_LIMITS.autoExtensionDays} Tage.`
      : ', danach enden die Rechte automatisch.'),
  rolesRemovable:
    'Sie können diese Rechte jederzeit wieder entfernen; die Berechtigung zum Registrieren von Geräten bleibt bestehen.',
  noticesHeading: 'Bitte beachten Sie',
  globalAdministratorWarning: (partner) =>
    '„Global Administrator“ ist die Rolle mit den weitreichendsten Rechten in Ihrer Organisation. Gewähren Sie ' +
    `Partnern nur die Rechte, die sie wirklich benötigen, und bitten Sie ${partner} gegebenenfalls um ` +
    'eingeschränktere Rollen.',
  messageHeading: (partner) => `Nachricht von ${partner}`,
  messageNote: (partner) =>
    `Diese Nachricht hat ${partner} geschrieben, nicht dieser Dienst. Was Ihre Zustimmung erlaubt, beschreibt ` +
    'allein der Text oben in dieser E-Mail.',
  buttonLabel: 'Anfrage prüfen',
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  expiry: (date) => `Diese Anfrage ist gültig bis ${date}.`,
  genuineHeading: 'So prüfen Sie, ob die Anfrage echt ist',
  genuineHost: (host) =>
    `Der Link führt zu ${host}. Prüfen Sie nach dem Öffnen, ob die Adressleiste Ihres Browsers diesen Hostnamen ` +
    'zeigt, bevor Sie sich anmelden.',
  genuineGlobalAdministrator:
    'Nur eine Person mit der Rolle „Global Administrator“ in Ihrer Organisation kann zustimmen. Falls Sie diese Rolle nicht ' +
    'haben, leiten Sie diese E-Mail bitte an eine solche Person weiter.',
  genuineUnexpected:
    'Wenn Sie diese Anfrage nicht erwartet haben, ignorieren Sie diese E-Mail. Ohne Ihre Zustimmung ändert sich nichts.',
  footer: (partner) => `Diese E-Mail wurde im Auftrag von ${partner} versendet.`,
};

export const INVITATION_COPY: Record<Locale, InvitationCopy> = { en, de };
