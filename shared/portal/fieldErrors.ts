// The words beside the portal's form fields: each error's stable code (shared/errors.ts) in the reader's language,
// never the API's English message, which names JSON fields the portal's users do not see.
import { DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';
import { CONSENT_EXPIRY_LIMITS } from '../domain/expiry';
import { MAX_WEBHOOK_ENDPOINTS } from '../domain/webhooks';
import type { FieldError } from '../errors';
import type { PortalMessages } from './messages';
import type { RequestFormField, WebhookFormField } from './viewModels';

/** What a page knows of a field error: its code and bound, never its English message. */
export type FieldProblem = Pick<FieldError, 'code' | 'limit'>;

type Words = PortalMessages['fieldErrors'];

/** The request form: a field's own sentence says what it takes, so any problem with it is answered by that. */
export function requestFieldWords(t: PortalMessages, field: RequestFormField, problem: FieldProblem): string {
  const words = t.fieldErrors;
  switch (field) {
    case 'tenantId':
      return words.tenantId;
    case 'domain':
      return words.domain;
    case 'contactEmail':
      return problem.code === 'contact-email-needed' ? words.contactEmailNeeded : words.email;
    case 'displayName':
    case 'contactName':
      return textWords(words, problem, words.nameWebAddress);
    case 'message':
      return textWords(words, problem, words.messageWebAddress);
    case 'locale':
      return words.language;
    case 'delegatedAdmin':
      return problem.code === 'delegated-admin-not-allowed' ? words.adminNotAllowed : words.reload;
    case 'roles':
      return roleWords(words, problem);
    case 'durationDays':
      return words.wholeDays(DELEGATED_ADMIN_LIMITS.minDurationDays, DELEGATED_ADMIN_LIMITS.maxDurationDays);
    case 'expiresInDays':
      return words.wholeDays(CONSENT_EXPIRY_LIMITS.minDays, CONSENT_EXPIRY_LIMITS.maxDays);
    case 'autoExtend':
      return problem.code === 'global-admin-auto-extend' ? words.globalAdminAutoExtend : words.reload;
    default:
      return words.reload;
  }
}

/** The webhook form; the whole form's refusals (too many endpoints, a race) stand above it. */
export function webhookFieldWords(t: PortalMessages, field: WebhookFormField, problem: FieldProblem): string {
  const words = t.fieldErrors;
  switch (field) {
    case 'url':
      return urlWords(words, problem);
    case 'description':
      return textWords(words, problem, words.invalid);
    case 'events':
      return words.unknownEvent;
    default:
      if (problem.code === 'webhook-limit') return words.endpointLimit(MAX_WEBHOOK_ENDPOINTS);
      return problem.code === 'changed-meanwhile' ? words.changedMeanwhile : words.reload;
  }
}

/** Each sentence once, however many errors a field had (two unknown roles need one sentence). */
export function wordsOnce<F extends string>(
  problems: readonly FieldProblem[] | undefined,
  field: F,
  words: (field: F, problem: FieldProblem) => string,
): string[] {
  return [...new Set((problems ?? []).map((problem) => words(field, problem)))];
}

function textWords(words: Words, problem: FieldProblem, webAddress: string): string {
  switch (problem.code) {
    case 'too-long':
      return words.tooLong(problem.limit!);
    case 'empty':
      return words.noVisibleText;
    case 'control-characters':
      return words.controlCharacters;
    case 'web-address':
      return webAddress;
    default:
      return words.invalid;
  }
}

function roleWords(words: Words, problem: FieldProblem): string {
  switch (problem.code) {
    case 'too-few':
      return words.chooseRole;
    case 'too-many':
      return words.tooManyRoles(problem.limit ?? DELEGATED_ADMIN_LIMITS.maxRoles);
    case 'duplicate-role':
      return words.duplicateRole;
    default:
      return words.unknownRole;
  }
}

function urlWords(words: Words, problem: FieldProblem): string {
  switch (problem.code) {
    case 'required':
    case 'empty':
      return words.urlRequired;
    case 'too-long':
      return words.tooLong(problem.limit!);
    case 'url-scheme':
      return words.urlScheme;
    case 'url-credentials':
      return words.urlCredentials;
    case 'url-unresolvable':
      return words.urlUnresolvable;
    case 'url-not-public':
      return words.urlNotPublic;
    default:
      return words.urlNotAbsolute;
  }
}
