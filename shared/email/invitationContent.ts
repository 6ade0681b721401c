// Turns an invitation's facts into its sentences in the recipient's language; both renderers lay out the result.
import { includesGlobalAdministrator } from '../domain/roles';
import { formatDateTime } from '../pages/locale';
import { INVITATION_COPY, type InvitationCopy } from './invitationCopy';
import type { InvitationContent, InvitationEmail, LabelledValue } from './invitationModel';

export function invitationContent(email: InvitationEmail): InvitationContent {
  const copy = INVITATION_COPY[email.locale];
  const partner = singleLine(email.partner.displayName);
  const url = consentLink(email.consentUrl);
  return {
    locale: email.locale,
    subject: copy.subject(partner),
    greeting: copy.greeting(email.to.displayName ? singleLine(email.to.displayName) : undefined),
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
    { label: copy.labels.partner, value: singleLine(partner.displayName) },
    { label: copy.labels.kind, value: copy.kinds[partner.kind] },
    partner.verifiedDomain
      ? { label: copy.labels.verifiedDomain, value: singleLine(partner.verifiedDomain) }
      : undefined,
    partner.microsoftPartnerId
      ? { label: copy.labels.microsoftPartnerId, value: singleLine(partner.microsoftPartnerId) }
      : undefined,
    { label: copy.labels.contact, value: singleLine(partner.contactEmail) },
  ];
  return facts.filter((fact) => fact !== undefined);
}

function allowsParagraphs(email: InvitationEmail, copy: InvitationCopy): string[] {
  const partner = singleLine(email.partner.displayName);
  const paragraphs = [copy.allowsRegister(partner)];
  if (email.partner.kind === 'indirect-reseller' && email.indirectProvider) {
    paragraphs.push(copy.allowsProvider(partner, singleLine(email.indirectProvider.displayName)));
  }
  if (email.partner.kind === 'oem') paragraphs.push(copy.allowsOemRemoval);
  paragraphs.push(copy.allowsImmediate);
  return paragraphs;
}

function delegatedAdminSection(email: InvitationEmail, copy: InvitationCopy): InvitationContent['delegatedAdmin'] {
  const partner = singleLine(email.partner.displayName);
  const requested = email.delegatedAdmin;
  if (!requested || requested.roles.length === 0) {
    return { heading: copy.rolesHeading, intro: copy.noRoles(partner), roles: [], details: [] };
  }
  return {
    heading: copy.rolesHeading,
    intro: copy.rolesIntro(partner),
    roles: requested.roles.map((role) => singleLine(role.displayName)),
    details: [copy.duration(requested.durationDays, requested.autoExtend), copy.rolesRemovable],
  };
}

function notices(email: InvitationEmail, copy: InvitationCopy): string[] {
  const roles = email.delegatedAdmin?.roles ?? [];
  // R10: steer partners away from asking for it.
  const globalAdministrator = includesGlobalAdministrator(roles.map((role) => role.id));
  const builtIn = globalAdministrator ? [copy.globalAdministratorWarning(singleLine(email.partner.displayName))] : [];
  return [...builtIn, ...(email.warnings ?? []).map(singleLine).filter(Boolean)];
}

function messageSection(email: InvitationEmail, copy: InvitationCopy): InvitationContent['message'] {
  const lines = (email.message ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL_EXCEPT_NEWLINE, '')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return undefined;
  return { heading: copy.messageHeading(singleLine(email.partner.displayName)), lines };
}

/** Only http(s) links: anything else (`javascript:`, `data:`) must never become a button. */
function consentLink(consentUrl: string): URL {
  const url = new URL(consentUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The consent link must be an http(s) URL, not ${url.protocol}`);
  }
  return url;
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Partner-supplied names end up in a subject line and sentences: no line breaks or control characters there. */
function singleLine(value: string): string {
  return value.replace(CONTROL_OR_BREAK, ' ').replace(/\s+/g, ' ').trim();
}
