// Turns a notice email's facts into its sentences in the recipient's language; both renderers lay out the result.
import { visibleLine, webAddressesIn } from '../domain/suppliedText';
import { formatDateTime } from '../pages/locale';
import { NOTICE_COPY, type NoticeCopy } from './noticeCopy';
import type { NoticeContent, NoticeEmail } from './noticeModel';

export function noticeContent(email: NoticeEmail): NoticeContent {
  const copy = NOTICE_COPY[email.locale];
  const name = visibleLine(email.to.displayName ?? '');
  const common = {
    locale: email.locale,
    // A name that holds a web address is left out, as in the invitation: mail clients would make it a link.
    greeting: copy.greeting(name && webAddressesIn(name).length === 0 ? name : undefined),
    roles: email.roles.map(visibleLine),
    facts: [],
    notes: [],
  };
  const sentences = email.kind === 'invitation-reminder' ? reminder(email, copy) : delegatedAdmin(email, copy);
  return { ...common, ...sentences };
}

type Sentences = Omit<NoticeContent, 'locale' | 'greeting' | 'roles' | 'facts' | 'notes'> &
  Partial<Pick<NoticeContent, 'facts' | 'notes'>>;

function reminder(email: NoticeEmail, copy: NoticeCopy): Sentences {
  const partner = visibleLine(email.partner.displayName);
  const url = consentLink(email.consentUrl);
  const days = copy.days(email.daysLeft);
  return {
    subject: copy.reminder.subject(partner, days),
    lead: [copy.reminder.waiting(partner), ...(email.roles.length > 0 ? [copy.reminder.roles(partner)] : [])],
    follow: [copy.reminder.expiry(days, formatDateTime(email.endsAt, copy.dateLocale))],
    action: { buttonLabel: copy.reminder.buttonLabel, url: url.href, fallback: copy.reminder.linkFallback },
    notes: [copy.reminder.genuineHost(url.host), copy.reminder.whoAccepts],
    footer: copy.reminder.footer(partner),
  };
}

function delegatedAdmin(email: NoticeEmail, copy: NoticeCopy): Sentences {
  const expiring = email.kind === 'delegated-admin-expiring';
  const date = formatDateTime(email.endsAt, copy.dateLocale);
  const days = copy.days(email.daysLeft);
  if (email.audience === 'partner') {
    const customer = visibleLine(email.customer.name);
    const words = copy.partner;
    return {
      subject: expiring ? words.expiringSubject(customer, days) : words.expiredSubject(customer),
      lead: [expiring ? words.expiring(customer, date) : words.expired(customer, date)],
      follow: [expiring ? words.keep : words.getAgain],
      facts: [
        ...(email.customer.tenantId ? [{ label: words.labels.tenantId, value: email.customer.tenantId }] : []),
        { label: words.labels.consentId, value: email.consentId },
      ],
      footer: words.footer,
    };
  }
  const partner = visibleLine(email.partner.displayName);
  const words = copy.customer;
  return {
    subject: expiring ? words.expiringSubject(partner, days) : words.expiredSubject(partner),
    lead: [expiring ? words.expiring(partner, date) : words.expired(partner, date)],
    follow: [words.devicesStay(partner), ...(expiring ? [words.nothingToDo] : []), words.askAgain(partner)],
    footer: words.footer(partner),
  };
}

/** Only http(s) links: anything else (`javascript:`, `data:`) must never become a button. */
function consentLink(consentUrl: string | undefined): URL {
  const url = new URL(consentUrl ?? '');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The consent link must be an http(s) URL, not ${url.protocol}`);
  }
  return url;
}
