// Turns an invitation's facts into its sentences in the recipient's language; both renderers lay out the result.
import { includesGlobalAdministrator } from '../domain/roles';
import { plainTextMessage, visibleLine, webAddressesIn } from '../domain/suppliedText';
import { formatDateTime } from '../pages/locale';
import { INVITATION_COPY, type InvitationCopy } from './invitationCopy';
import type { InvitationContent, InvitationEmail, LabelledValue } from './invitationModel';

export function invitationContent(email: InvitationEmail): InvitationContent {
  const copy = INVITATION_COPY[email.locale];
  const partner = visibleLine(email.partner.displayName);
  const url = consentLink(email.consentUrl);
  return {
    locale: email.locale,
    subject: copy.subject(partner),
    greeting: copy.greeting(linkFree(visibleLine(email.to.displayName ?? ''))),
    intro: copy.subject(partner) + '.',
    requester: { heading: copy.requesterHeading, facts: requesterFacts(email, copy) },
    allows: { heading: copy.allowsHeading, paragraphs: allowsParagraphs(email, copy) },
    delegatedAdmin: delegatedAdminSection(email, copy),
    notices: { heading: copy.noticesHeading, items: notices(email, copy) },
    message: messageSection(email, copy),
    action: {
      buttonLabel: copy.buttonLabel,
      url: url.href,
      fallback: copy.linkFallback,
      expiry: copy.expiry(formatDateTime(email.expiresAt, copy.dateLocale)),
    },
    genuine: {
      heading: copy.genuineHeading,
      items: [copy.genuineHost(url.host), copy.genuineGlobalAdministrator, copy.genuineUnexpected],
    },
    footer: copy.footer(partner),
  };
}

function requesterFacts(email: InvitationEmail, copy: InvitationCopy): LabelledValue[] {
  const { partner } = email;
  const facts: (LabelledValue | undefined)[] = [
    { label: copy.labels.partner, value: visibleLine(partner.displayName) },
    { label: copy.labels.kind, value: copy.kinds[partner.kind] },
    partner.verifiedDomain
      ? { label: copy.labels.verifiedDomain, value: visibleLine(partner.verifiedDomain) }
      : undefined,
    partner.microsoftPartnerId
      ? { label: copy.labels.microsoftPartnerId, value: visibleLine(partner.microsoftPartnerId) }
      : undefined,
    { label: copy.labels.contact, value: visibleLine(partner.contactEmail) },
  ];
  return facts.filter((fact) => fact !== undefined);
}

function allowsParagraphs(email: InvitationEmail, copy: InvitationCopy): string[] {
  const partner = visibleLine(email.partner.displayName);
  const paragraphs = [copy.allowsRegister(partner)];
  if (email.partner.kind === 'indirect-reseller' && email.indirectProvider) {
    paragraphs.push(copy.allowsProvider(partner, visibleLine(email.indirectProvider.displayName)));
  }
  if (email.partner.kind === 'oem') paragraphs.push(copy.allowsOemRemoval);
  paragraphs.push(copy.allowsImmediate);
  return paragraphs;
}

function delegatedAdminSection(email: InvitationEmail, copy: InvitationCopy): InvitationContent['delegatedAdmin'] {
  const partner = visibleLine(email.partner.displayName);
  const requested = email.delegatedAdmin;
  if (!requested || requested.roles.length === 0) {
    return { heading: copy.rolesHeading, intro: copy.noRoles(partner), roles: [], details: [] };
  }
  return {
    heading: copy.rolesHeading,
    intro: copy.rolesIntro(partner),
    roles: requested.roles.map((role) => visibleLine(role.displayName)),
    details: [copy.duration(requested.durationDays, requested.autoExtend), copy.rolesRemovable],
  };
}

function notices(email: InvitationEmail, copy: InvitationCopy): string[] {
  const roles = email.delegatedAdmin?.roles ?? [];
  // R10: steer partners away from asking for it.
  const globalAdministrator = includesGlobalAdministrator(roles.map((role) => role.id));
  const builtIn = globalAdministrator ? [copy.globalAdministratorWarning(visibleLine(email.partner.displayName))] : [];
  return [...builtIn, ...(email.warnings ?? []).map(visibleLine).filter(Boolean)];
}

function messageSection(email: InvitationEmail, copy: InvitationCopy): InvitationContent['message'] {
  const message = linkFree(plainTextMessage(email.message ?? ''));
  if (!message) return undefined;
  const partner = visibleLine(email.partner.displayName);
  return { heading: copy.messageHeading(partner), lines: message.split('\n'), note: copy.messageNote(partner) };
}

/**
 * Requests are refused when the message or the contact's name holds a web address, as mail clients make one a link;
 * one stored before that check is left out of the email (the consent page, where nothing becomes a link, still shows it).
 */
function linkFree(text: string): string | undefined {
  return text && webAddressesIn(text).length === 0 ? text : undefined;
}

/** Only http(s) links: anything else (`javascript:`, `data:`) must never become a button. */
function consentLink(consentUrl: string): URL {
  const url = new URL(consentUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The consent link must be an http(s) URL, not ${url.protocol}`);
  }
  return url;
}
