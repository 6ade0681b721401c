// The customer pages' form posts: tokens bound to the signed-in user and the form's target, and the checks on return.
import type { HttpRequest } from '@azure/functions';
import { issueCsrfToken, originAllowed, verifyCsrfToken } from '../auth/csrf';
import type { Signer } from '../domain/acceptance';
import { readBodyText } from '../http/request';

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** What a form's token is bound to, besides the user: one link, or one consent's "remove delegated admin" or "revoke". */
export const formTargets = {
  consentLink: (tokenHash: string) => `consent-link:${tokenHash}`,
  removeDelegatedAdmin: (consentId: string) => `remove-delegated-admin:${consentId}`,
  revoke: (consentId: string) => `revoke:${consentId}`,
} as const;

/** This deployment's customer forms: tokens made with its form key, posts accepted from its own origin only. */
export interface CustomerForms {
  /** A token for a form this user may post to `target`. */
  token(principal: Signer, target: string): string;
  /**
   * The posted form, only when it comes from our own origin and carries a live token for this user and target;
   * otherwise undefined, and the caller refuses without changing anything. A body over 256 KiB throws (413).
   */
  verified(request: HttpRequest, principal: Signer, target: string): Promise<URLSearchParams | undefined>;
}

export function customerFormsFor(settings: { formKey: Buffer; publicBaseUrl: string }): CustomerForms {
  const secret = settings.formKey;
  return {
    token: (principal, target) => issueCsrfToken(bindingOf(principal, target), { secret }),
    async verified(request, principal, target) {
      if (!originAllowed(request.headers, settings.publicBaseUrl)) return undefined;
      const form = await readForm(request);
      const token = form?.get('csrf');
      return form && verifyCsrfToken(token, bindingOf(principal, target), { secret }) ? form : undefined;
    },
  };
}

/**
 * Our forms post url-encoded bodies; anything else did not come from our pages (undefined). A body over 256 KiB throws
 * payload-too-large before it is parsed, so the page answers 413 as API.md's conventions say, not a refusal.
 */
export async function readForm(request: HttpRequest): Promise<URLSearchParams | undefined> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== FORM_MEDIA_TYPE) return undefined;
  return new URLSearchParams(await readBodyText(request));
}

function bindingOf(principal: Signer, target: string) {
  return { tenantId: principal.tenantId, objectId: principal.objectId, target };
}
