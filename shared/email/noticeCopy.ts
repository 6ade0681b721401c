// The reminder and delegated admin expiry emails' wording in English and German (Sie-Form); no layout, no escaping.
import type { Locale } from '../domain/consent';

export interface NoticeCopy {
  /** BCP 47 tag for dates. */
  dateLocale: string;
  greeting(name: string | undefined): string;
  days(count: number): string;
  reminder: {
    subject(partner: string, days: string): string;
    waiting(partner: string): string;
    roles(partner: string): string;
    expiry(days: string, date: string): string;
    buttonLabel: string;
    linkFallback: string;
    genuineHost(host: string): string;
    whoAccepts: string;
    footer(partner: string): string;
  };
  /** To the customer's contact. */
  customer: {
    expiringSubject(partner: string, days: string): string;
    expiring(partner: string, date: string): string;
    expiredSubject(partner: string): string;
    expired(partner: string, date: string): string;
    devicesStay(partner: string): string;
    nothingToDo: string;
    askAgain(partner: string): string;
    footer(partner: string): string;
  };
  /** To the partner's registered contact. */
  partner: {
    expiringSubject(customer: string, days: string): string;
    expiring(customer: string, date: string): string;
    expiredSubject(customer: string): string;
    expired(customer: string, date: string): string;
    keep: string;
    getAgain: string;
    labels: { tenantId: string; consentId: string };
    footer: string;
  };
}

const en: NoticeCopy = {
  dateLocale: 'en-GB',
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
  reminder: {
    subject: (partner, days) =>
      `Reminder: ${partner}'s request to register Windows Autopilot devices for your organization expires in ${days}`,
    waiting: (partner) =>
      `${partner} asked for permission to register Windows Autopilot devices for your organization and is still ` +
      'waiting for an answer.',
    roles: (partner) => `${partner} also asks for delegated administrator rights with these roles:`,
    expiry: (days, date) => `The request expires in ${days}, on ${date}. After that, its link no longer works.`,
    buttonLabel: 'Review the request',
    linkFallback: 'If the button does not work, copy this link into your browser:',
    genuineHost: (host) =>
      `The link leads to ${host}. After opening it, check that your browser's address bar shows this host name ` +
      'before you sign in.',
    whoAccepts:
      'Only a Global Administrator of your organization can accept. If you do not want to accept, decline on the ' +
      'page or ignore this email: nothing changes unless you accept.',
    footer: (partner) => `This reminder was sent on behalf of ${partner}.`,
  },
  customer: {
    expiringSubject: (partner, days) => `The administrator rights of ${partner} in your organization end in ${days}`,
    expiring: (partner, date) =>
      `The delegated administrator rights you granted ${partner} end on ${date}. These roles end then:`,
    expiredSubject: (partner) => `The administrator rights of ${partner} in your organization have ended`,
    expired: (partner, date) =>
      `The delegated administrator rights you granted ${partner} ended on ${date}. These roles have ended:`,
    devicesStay: (partner) =>
      `${partner} can still register Windows Autopilot devices for your organization; only the administrator roles end.`,
    nothingToDo: 'You need to do nothing: the rights end by themselves.',
    askAgain: (partner) => `If ${partner} should keep administrator rights, it must ask you again with a new request.`,
    footer: (partner) =>
      `You receive this email as the contact named in ${partner}'s consent request for your organization.`,
  },
  partner: {
    expiringSubject: (customer, days) => `Delegated admin rights for ${customer} end in ${days}`,
    expiring: (customer, date) =>
      `Your delegated administrator rights in ${customer} end on ${date} and do not extend automatically. ` +
      'These roles end then:',
    expiredSubject: (customer) => `Delegated admin rights for ${customer} have ended`,
    expired: (customer, date) =>
      `Your delegated administrator rights in ${customer} ended on ${date}. These roles have ended:`,
    keep:
      'To keep them, send the customer a new consent request with delegated admin before then. Your authorization ' +
      'to register Windows Autopilot devices stays.',
    getAgain:
      'To get them again, send the customer a new consent request with delegated admin. Your authorization to ' +
      'register Windows Autopilot devices stays.',
    labels: { tenantId: 'Customer tenant', consentId: 'Consent' },
    footer: "You receive this email as your organization's registered contact for Windows Autopilot consent.",
  },
};

const de: NoticeCopy = {
  dateLocale: 'de-DE',
  greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  days: (count) => `${count} ${count === 1 ? 'Tag' : 'Tagen'}`,
  reminder: {
    subject: (partner, days) =>
      `Erinnerung: Die Anfrage von ${partner} zur Registrierung von Windows Autopilot-Geräten für Ihre Organisation ` +
      `läuft in ${days} ab`,
    waiting: (partner) =>
      `${partner} hat Sie um Ihre Zustimmung gebeten, Windows Autopilot-Geräte für Ihre Organisation zu registrieren, ` +
      'und wartet noch auf Ihre Antwort.',
    roles: (partner) => `${partner} bittet außerdem um delegierte Administratorrechte mit folgenden Rollen:`,
    expiry: (days, date) => `Die Anfrage läuft in ${days} ab, am ${date}. Danach funktioniert ihr Link nicht mehr.`,
    buttonLabel: 'Anfrage prüfen',
    linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
    genuineHost: (host) =>
      `Der Link führt zu ${host}. Prüfen Sie nach dem Öffnen, ob die Adressleiste Ihres Browsers diesen Hostnamen ` +
      'zeigt, bevor Sie sich anmelden.',
    whoAccepts:
      'Nur eine Person mit der Rolle „Global Administrator“ in Ihrer Organisation kann zustimmen. Wenn Sie nicht zustimmen möchten, lehnen ' +
      'Sie auf der Seite ab oder ignorieren Sie diese E-Mail: Ohne Ihre Zustimmung ändert sich nichts.',
    footer: (partner) => `Diese Erinnerung wurde im Auftrag von ${partner} gesendet.`,
  },
  customer: {
    expiringSubject: (partner, days) => `Die Administratorrechte von ${partner} in Ihrer Organisation enden in ${days}`,
    expiring: (partner, date) =>
      `Die delegierten Administratorrechte, die Sie ${partner} erteilt haben, enden am ${date}. Dann enden diese Rollen:`,
    expiredSubject: (partner) => `Die Administratorrechte von ${partner} in Ihrer Organisation sind beendet`,
    expired: (partner, date) =>
      `Die delegierten Administratorrechte, die Sie ${partner} erteilt haben, sind am ${date} geendet. Diese Rollen ` +
      'sind beendet:',
    devicesStay: (partner) =>
      `${partner} kann weiterhin Windows Autopilot-Geräte für Ihre Organisation registrieren; nur die ` +
      'Administratorrollen enden.',
    nothingToDo: 'Sie müssen nichts tun: Die Rechte enden von selbst.',
    askAgain: (partner) =>
      `Soll ${partner} weiterhin Administratorrechte haben, muss ${partner} Sie mit einer neuen Anfrage erneut fragen.`,
    footer: (partner) =>
      `Sie erhalten diese E-Mail als Kontakt, der in der Zustimmungsanfrage von ${partner} für Ihre Organisation ` +
      'genannt ist.',
  },
  partner: {
    expiringSubject: (customer, days) => `Delegierte Administratorrechte für ${customer} enden in ${days}`,
    expiring: (customer, date) =>
      `Ihre delegierten Administratorrechte in ${customer} enden am ${date} und verlängern sich nicht automatisch. ` +
      'Dann enden diese Rollen:',
    expiredSubject: (customer) => `Delegierte Administratorrechte für ${customer} sind beendet`,
    expired: (customer, date) =>
      `Ihre delegierten Administratorrechte in ${customer} sind am ${date} geendet. Diese Rollen sind beendet:`,
    keep:
      'Um sie zu behalten, senden Sie dem Kunden vorher eine neue Zustimmungsanfrage mit delegierten ' +
      'Administratorrechten. Ihre Berechtigung zum Registrieren von Windows Autopilot-Geräten bleibt bestehen.',
    getAgain:
      'Um sie wieder zu erhalten, senden Sie dem Kunden eine neue Zustimmungsanfrage mit delegierten ' +
      'Administratorrechten. Ihre Berechtigung zum Registrieren von Windows Autopilot-Geräten bleibt bestehen.',
    labels: { tenantId: 'Kundenmandant', consentId: 'Zustimmung' },
    footer:
      'Sie erhalten diese E-Mail als registrierter Kontakt Ihrer Organisation für Windows Autopilot-Zustimmungen.',
  },
};

export const NOTICE_COPY: Readonly<Record<Locale, NoticeCopy>> = { en, de };
