// The portal's words beside form fields, from the errors' codes: German for a German page, whatever the API says in
// English, including the refusals the local host cannot produce (webhook addresses in Azure, an OEM's delegated admin).
import { validateDelegatedAdminRequest } from '../../../shared/domain/delegatedAdmin';
import { MAX_WEBHOOK_ENDPOINTS } from '../../../shared/domain/webhooks';
import { ServiceError, type ErrorCode } from '../../../shared/errors';
import { validate } from '../../../shared/http/request';
import { requestFieldWords, webhookFieldWords } from '../../../shared/portal/fieldErrors';
import { portalMessagesFor } from '../../../shared/portal/messages';
import { consentRequestSchema } from '../../../shared/schemas/consentRequests';
import { targetProblem } from '../../../shared/webhooks/targets';

const t = portalMessagesFor('de');
const words = t.fieldErrors;
const resolvingTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

function codesOf(run: () => unknown): (ErrorCode | undefined)[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return (error.errors ?? []).map((found) => found.code);
    throw error;
  }
  throw new Error('expected a 400');
}

describe('field error codes', () => {
  it('each schema issue of the consent request carries a code, whatever its English message', () => {
    const codes = codesOf(() =>
      validate(
        consentRequestSchema,
        {
          customer: { tenantId: 'x', displayName: 'a\u0007', contactEmail: 'it', locale: 'fr' },
          delegatedAdmin: { roles: [], durationDays: 1.5 },
          expiresInDays: Number('zwölf'),
          message: 'see www.contoso.com',
        },
        'The consent request',
      ),
    );
    expect(codes).toEqual([
      'invalid-format',
      'control-characters',
      'invalid-format',
      'not-allowed',
      'too-few',
      'not-whole-number',
      'not-a-number',
      'web-address',
    ]);
  });

  it('an OEM asking for delegated admin is a code of its own', () => {
    const decision = validateDelegatedAdminRequest({ roles: [] }, 'oem');
    expect(decision.ok || decision.errors.map((error) => error.code)).toEqual(['delegated-admin-not-allowed']);
  });

  it.each<[string, ErrorCode, string]>([
    ['https://user:pw@hooks.partner.example/', 'url-credentials', words.urlCredentials],
    ['http://hooks.partner.example/', 'url-scheme', words.urlScheme],
    ['https://10.0.0.7/', 'url-not-public', words.urlNotPublic],
    ['hooks', 'url-not-absolute', words.urlNotAbsolute],
  ])('in Azure, %s is refused with %s, which a German page words in German', async (url, code, german) => {
    const problem = await targetProblem(url, 'public', resolvingTo('20.50.2.1'));
    expect(problem?.code).toBe(code);
    expect(webhookFieldWords(t, 'url', { code })).toBe(german);
  });

  it('a host that does not resolve is its own code', async () => {
    expect((await targetProblem('https://nowhere.example/', 'public', resolvingTo()))?.code).toBe('url-unresolvable');
    expect(webhookFieldWords(t, 'url', { code: 'url-unresolvable' })).toBe(words.urlUnresolvable);
  });
});

describe('the words beside the fields', () => {
  it.each<[Parameters<typeof requestFieldWords>[1], ErrorCode | undefined, string]>([
    ['delegatedAdmin', 'delegated-admin-not-allowed', words.adminNotAllowed],
    ['contactEmail', 'invalid-format', words.email],
    ['contactEmail', 'contact-email-needed', words.contactEmailNeeded],
    ['roles', 'too-many', words.tooManyRoles(20)],
    ['form', 'unknown-field', words.reload],
    ['form', undefined, words.reload],
  ])('the request form: %s with %s', (field, code, german) => {
    expect(requestFieldWords(t, field, { code, limit: code === 'too-many' ? 20 : undefined })).toBe(german);
  });

  it('the webhook form: too many endpoints and a race are the whole form’s, in German', () => {
    expect(webhookFieldWords(t, 'form', { code: 'webhook-limit' })).toBe(words.endpointLimit(MAX_WEBHOOK_ENDPOINTS));
    expect(webhookFieldWords(t, 'form', { code: 'changed-meanwhile' })).toBe(words.changedMeanwhile);
  });

  it('no portal words carry the API’s vocabulary (JSON paths, types, routes)', () => {
    for (const locale of ['en', 'de'] as const) {
      const all = Object.values(portalMessagesFor(locale).fieldErrors).map((entry) =>
        typeof entry === 'function' ? entry(1, 2) : entry,
      );
      for (const sentence of all) {
        expect(sentence).not.toMatch(/customer\.|delegatedAdmin|sendEmail|expected |\/api\/|\bnull\b|\btrue\b/);
      }
    }
  });
});
