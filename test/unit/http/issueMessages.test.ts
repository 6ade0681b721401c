// Validation messages written for people (issue 14): each names its field and says what to send, in every route family.
import { z } from 'zod';
import { ServiceError } from '../../../shared/errors';
import { problemFromError, type ProblemBody } from '../../../shared/http/problem';
import { validate } from '../../../shared/http/request';
import { deviceSubmissionJsonSchema } from '../../../shared/oem/deviceSubmission';
import { pageQuerySchema, tenantIdSchema } from '../../../shared/schemas/common';
import { consentListQuerySchema, consentRequestSchema } from '../../../shared/schemas/consentRequests';
import {
  keyRequestSchema,
  partnerChangesSchema,
  partnerRegistrationSchema,
  revocationRequestSchema,
} from '../../../shared/schemas/operator';
import { consentChecksSchema } from '../../../shared/schemas/verification';

/** What zod says when nobody has said it better: none of it may reach a partner. */
const RAW_VALIDATOR_TEXT =
  /Invalid input|expected \w+, received|Unrecognized key|Too (big|small)|Invalid (option|string)/;

function refusal(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a 400');
}

/** The field errors as the API answers them (problem+json): a page's codes are not part of it. */
const answeredErrors = (error: ServiceError) =>
  (JSON.parse(problemFromError(error).body as string) as ProblemBody).errors;

const body = (schema: Parameters<typeof validate>[0], value: unknown) =>
  refusal(() => validate(schema, value, 'The request body'));
const query = (schema: Parameters<typeof validate>[0], value: unknown) =>
  refusal(() => validate(schema, value, 'The query string', 'query'));

describe('validation messages (issue 14: messages that say how to fix)', () => {
  it.each([
    ['consent request: wrong shapes everywhere', consentRequestSchema, { customer: 'x', expiresInDays: [], foo: 1 }],
    ['consent request: a body that is not an object', consentRequestSchema, 'hello'],
    [
      'consent request: nested mistakes',
      consentRequestSchema,
      { customer: { locale: 'fr', tenantId: 7 }, delegatedAdmin: {} },
    ],
    ['partner registration: empty', partnerRegistrationSchema, {}],
    ['partner changes: unknown field', partnerChangesSchema, { colour: 'red' }],
    ['key request: null', keyRequestSchema, null],
    ['revocation: wrong types', revocationRequestSchema, { reason: 1, ticket: false }],
    ['consent checks: too many and wrong', consentChecksSchema, { tenantIds: Array(1001).fill('x') }],
    [
      'device JSON: rows of the wrong kind',
      deviceSubmissionJsonSchema,
      { tenantId: 'x', devices: [1, { serial: 'A' }] },
    ],
  ])('%s: every error names a field and none is raw validator text', (_, schema, value) => {
    const error = body(schema, value);
    expect(error.kind).toBe('validation');
    expect(error.errors!.length).toBeGreaterThan(0);
    for (const { path, message } of error.errors!) {
      expect(path).not.toBe('');
      expect(message).not.toMatch(RAW_VALIDATOR_TEXT);
    }
    expect(error.message).not.toMatch(RAW_VALIDATOR_TEXT);
  });

  it('a body that is not an object is named "body", with the fields it should have', () => {
    expect(answeredErrors(body(keyRequestSchema, 'hello'))).toEqual([
      { path: 'body', message: 'must be a JSON object { … }, not the text "hello"; the fields here are name' },
    ]);
  });

  it('a missing field says to add it, and what it holds', () => {
    expect(
      answeredErrors(body(partnerRegistrationSchema, { displayName: 'Contoso', type: 'oem', contactEmail: 'a@b.co' })),
    ).toEqual([{ path: 'tenantId', message: 'is required: add it (tenant GUID)' }]);
    expect(answeredErrors(body(consentRequestSchema, {}))).toEqual([
      {
        path: 'customer',
        message:
          'is required: add it, as a JSON object { … }; the fields here are tenantId, domain, displayName, ' +
          'contactEmail, contactName, locale',
      },
    ]);
  });

  it('an unknown field is named by its path, with the fields that would be understood', () => {
    expect(answeredErrors(body(consentRequestSchema, { customer: { contactMail: 'a@b.co' } }))).toEqual([
      {
        path: 'customer.contactMail',
        message:
          'is not part of this request: remove it; the fields here are tenantId, domain, displayName, contactEmail, ' +
          'contactName, locale',
      },
    ]);
  });

  it('a quoted number or boolean is told to drop the quotes; a choice lists the choices', () => {
    expect(
      answeredErrors(
        body(consentRequestSchema, { customer: { locale: 'fr' }, expiresInDays: '30', sendEmail: 'false' }),
      ),
    ).toEqual([
      { path: 'customer.locale', message: 'must be one of "en", "de", not the text "fr"' },
      { path: 'expiresInDays', message: 'must be a number, not the text "30": send 30 without quotes' },
      { path: 'sendEmail', message: 'must be true or false, not the text "false": send false without quotes' },
    ]);
  });

  it('limits say the limit and what was sent', () => {
    expect(
      answeredErrors(body(consentRequestSchema, { customer: {}, expiresInDays: 91, message: 'x'.repeat(501) })),
    ).toEqual([
      { path: 'expiresInDays', message: 'must be at most 90, not 91' },
      { path: 'message', message: 'must be at most 500 characters long (it has 501)' },
    ]);
  });

  it('malformed ids and addresses come with an example to copy', () => {
    expect(
      answeredErrors(body(consentRequestSchema, { customer: { tenantId: 'contoso', contactEmail: 'it' } })),
    ).toEqual([
      { path: 'customer.tenantId', message: 'must be a tenant GUID such as 3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35' },
      { path: 'customer.contactEmail', message: 'must be an email address such as it-admin@contoso.com' },
    ]);
    expect(answeredErrors(body(consentRequestSchema, { customer: {}, delegatedAdmin: { roles: ['Intune'] } }))).toEqual(
      [{ path: 'delegatedAdmin.roles.0', message: 'must be a role template id (a GUID) that GET /api/roles lists' }],
    );
  });

  it('a missing query parameter says how to add it to the address', () => {
    const error = query(z.object({ tenantId: tenantIdSchema }), {});
    expect(answeredErrors(error)).toEqual([
      { path: 'tenantId', message: 'is required: add ?tenantId=<tenant GUID> to the address' },
    ]);
    expect(error.message).toBe(
      'The query string is not valid: tenantId: is required: add ?tenantId=<tenant GUID> to the address.',
    );
  });

  it('query parameters are named as sent, with the range or the choices', () => {
    expect(answeredErrors(query(consentListQuerySchema, { pageSize: '0', status: 'open' }))).toEqual([
      { path: 'pageSize', message: 'must be at least 1, not 0' },
      {
        path: 'status',
        message:
          'must be one of "pending", "accepted", "declined", "expired", "cancelled", "revoked", not the text "open"',
      },
    ]);
    expect(answeredErrors(query(pageQuerySchema, { pageSize: 'ten' }))).toEqual([
      { path: 'pageSize', message: 'must be a number' },
    ]);
  });
});
