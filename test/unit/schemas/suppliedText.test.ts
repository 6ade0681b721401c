// Supplied names and the partner's message as the request schemas read them (issue 13, item 6): normalised at the
// input, so what is stored and answered is clean, and refused with a 400 naming the field when it cannot be.
import { randomUUID } from 'node:crypto';
import { MAX_ECHOED_CHARACTERS, ServiceError, type FieldError } from '../../../shared/errors';
import { validate } from '../../../shared/http/request';
import { consentRequestSchema } from '../../../shared/schemas/consentRequests';
import { keyRequestSchema, partnerChangesSchema, partnerRegistrationSchema } from '../../../shared/schemas/operator';

const DISGUISED = 'Fabrikam\u202e\u200b Ltd\r\n\tBcc: victim@example.com';
const CLEAN = 'Fabrikam Ltd Bcc: victim@example.com';
const NOTHING_VISIBLE = '\u200b \u202e\r\n\u2066\u3164';

const registration = (displayName: string) => ({
  displayName,
  type: 'direct-csp',
  tenantId: randomUUID(),
  contactEmail: 'csp@fabrikam.example',
});
const consentRequest = (body: Record<string, unknown>) => ({
  ...body,
  customer: { contactEmail: 'it@contoso.example', ...(body.customer as object) },
});

/** The field errors as problem+json answers them: path and message (a code is only for the portal's words). */
function refusal(run: () => unknown): FieldError[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).kind).toBe('validation');
    return ((error as ServiceError).errors ?? []).map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a 400');
}

const readRegistration = (displayName: string) =>
  validate(partnerRegistrationSchema, registration(displayName), 'The partner');
const readRequest = (body: Record<string, unknown>) =>
  validate(consentRequestSchema, consentRequest(body), 'The request body');

describe('supplied names are stored as one line of visible text', () => {
  it("a partner's displayName at registration and on change: line breaks folded, bidi and zero-width removed", () => {
    expect(readRegistration(DISGUISED).displayName).toBe(CLEAN);
    expect(validate(partnerChangesSchema, { displayName: DISGUISED }, 'The changes').displayName).toBe(CLEAN);
  });

  it("a customer's displayName and contactName the same way, in NFC", () => {
    const body = readRequest({ customer: { displayName: DISGUISED, contactName: ' Ada\u00a0Mu\u0308ller\u200f\r\n' } });
    expect(body.customer.displayName).toBe(CLEAN);
    expect(body.customer.contactName).toBe('Ada M\u00fcller');
  });

  it("a key's name the same way", () => {
    expect(validate(keyRequestSchema, { name: 'ops\r\non-call\u202e' }, 'The key').name).toBe('ops on-call');
  });

  it.each([
    ['partner displayName', () => readRegistration(NOTHING_VISIBLE), 'displayName'],
    ['customer displayName', () => readRequest({ customer: { displayName: NOTHING_VISIBLE } }), 'customer.displayName'],
    ['contactName', () => readRequest({ customer: { contactName: NOTHING_VISIBLE } }), 'customer.contactName'],
    ['key name', () => validate(keyRequestSchema, { name: NOTHING_VISIBLE }, 'The key'), 'name'],
  ])('a %s with nothing visible in it is a 400 that says so', (_field, read, path) => {
    expect(refusal(read)).toEqual([{ path, message: expect.stringMatching(/^must contain visible text/) }]);
  });

  it('control characters other than line breaks and tabs are refused by name, not silently removed', () => {
    expect(refusal(() => readRegistration('Fabrikam\u0000Ltd\u001b'))).toEqual([
      { path: 'displayName', message: 'must not contain control characters (found U+0000, U+001B)' },
    ]);
    expect(refusal(() => readRequest({ customer: { contactName: 'Ada\u0007' } }))).toEqual([
      { path: 'customer.contactName', message: 'must not contain control characters (found U+0007)' },
    ]);
  });

  it('the 256-character limit of API.md still holds for names', () => {
    expect(readRegistration('x'.repeat(256)).displayName).toHaveLength(256);
    expect(refusal(() => readRegistration('x'.repeat(257))).map((error) => error.path)).toEqual(['displayName']);
  });

  it("a contact's name may not carry a web address: the invitation greets the contact by it", () => {
    expect(refusal(() => readRequest({ customer: { contactName: 'Ada, see evil.example/login' } }))).toEqual([
      { path: 'customer.contactName', message: expect.stringContaining('(found "evil.example/login")') },
    ]);
  });
});

describe("the partner's message", () => {
  it('keeps its line breaks and loses bidirectional, invisible and extra white space', () => {
    const message = 'Hello Ada,\r\n\r\n\r\n  please\u202e accept\u200b  by Friday.\u2066\n';
    expect(readRequest({ message }).message).toBe('Hello Ada,\n\nplease accept by Friday.');
  });

  it('with nothing visible in it is no message at all', () => {
    expect(readRequest({ message: NOTHING_VISIBLE }).message).toBeUndefined();
  });

  it('refuses control characters by name', () => {
    expect(refusal(() => readRequest({ message: 'Hi\u0000' }))).toEqual([
      { path: 'message', message: 'must not contain control characters (found U+0000)' },
    ]);
  });

  it.each([
    ['https://contoso-login.example/reset', 'https://contoso-login.example/reset'],
    ['www.contoso.example', 'www.contoso.example'],
    ['contoso.com', 'contoso.com'],
    // Removing an invisible character must not reveal an address the check did not see.
    ['www\u200b.contoso\u200b.example', 'www.contoso.example'],
  ])('refuses a web address (%s), explaining why and quoting it', (address, quoted) => {
    const [error, ...others] = refusal(() => readRequest({ message: `Before you accept, see ${address} please.` }));
    expect(others).toEqual([]);
    expect(error).toEqual({ path: 'message', message: expect.stringContaining(`(found "${quoted}")`) });
    expect(error!.message).toMatch(
      /^must not contain web addresses .*links.*consent link\. Email addresses are fine\.$/,
    );
  });

  it('quotes a long address shortly, so the reason is never cut off', () => {
    const [error] = refusal(() => readRequest({ message: `https://contoso.example/${'a'.repeat(300)}` }));
    expect(error!.message).toMatch(/\(found "https:\/\/contoso\.example\/a+…"\)/);
    expect(error!.message).toMatch(/Email addresses are fine\.$/);
    expect(error!.message.length).toBeLessThanOrEqual(MAX_ECHOED_CHARACTERS);
  });

  it('allows email addresses', () => {
    expect(readRequest({ message: 'Questions: support@contoso.example' }).message).toBe(
      'Questions: support@contoso.example',
    );
  });

  it('the 500-character limit of API.md still holds', () => {
    expect(readRequest({ message: 'x'.repeat(500) }).message).toHaveLength(500);
    expect(refusal(() => readRequest({ message: 'x'.repeat(501) })).map((error) => error.path)).toEqual(['message']);
  });
});
