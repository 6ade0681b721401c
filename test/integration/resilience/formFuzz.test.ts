// Property-based fuzzing of the customer form posts (POST /consent/{token}, POST /partners/{id}/remove-delegated-admin):
// random and mutated bodies, content types, Origin/Sec-Fetch-Site/Referer and principals never produce a 5xx; every
// refusal is an HTML page with the page security headers and changes nothing; only a genuinely valid post changes
// state, and exactly as it should.
import fc from 'fast-check';
import { issueCsrfToken } from '../../../shared/auth/csrf';
import { hashLinkToken } from '../../../shared/auth/linkTokens';
import { config } from '../../../shared/config';
import { liveDependencies } from '../../../shared/consent/dependencies';
import { formTargets } from '../../../shared/customer/forms';

const formToken = (...args: Parameters<typeof liveDependencies.forms.token>) => liveDependencies.forms.token(...args);
import { MAX_BODY_BYTES } from '../../../shared/http/request';
import { startAppHost, type AppHost } from '../../support/appHost';
import {
  csrfOf,
  customer,
  getPage,
  issuedLink,
  postForm,
  storedState,
  type Customer,
  type IssuedLink,
} from '../../support/customerPages';
import { freePort } from '../../support/localHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';

const FORM = 'application/x-www-form-urlencoded';

let app: AppHost;
let csp: TestPartner;
let oem: TestPartner;

beforeAll(async () => {
  // The Origin check compares with PUBLIC_BASE_URL: make it this host's origin before the app reads its settings.
  const port = await freePort();
  process.env.PUBLIC_BASE_URL = `http://localhost:${port}`;
  app = await startAppHost({ port });
  csp = await registeredPartner(app, 'direct-csp');
  oem = await registeredPartner(app, 'oem');
});
afterAll(async () => {
  await app.stop();
});

/** admin: the tenant's Global Administrator the request is for; colleague: another one; user: no role there. */
type Who = 'admin' | 'colleague' | 'user' | 'stranger' | 'none' | 'malformed';
type CsrfKind =
  | 'signer'
  | 'signer-then-junk'
  | 'junk-then-signer'
  | 'missing'
  | 'junk'
  | 'stale'
  | 'other-user'
  | 'other-target'
  | 'tampered';
type Body =
  | { kind: 'form' | 'json' }
  | { kind: 'mutated'; edits: [number, string][] }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'padded'; size: number };
type OriginKind = 'same' | 'absent' | 'null' | 'foreign' | 'other-port' | 'other-scheme' | 'malformed';
type PathKind = 'target' | 'neighbour' | 'oem' | 'unknown' | 'odd';

interface Post {
  route: 'consent' | 'remove';
  path: PathKind;
  /** A well-formed but unknown link token or consent id, or any string, for `unknown` and `odd`. */
  pathText: string;
  who: Who;
  malformedPrincipal: string;
  csrf: CsrfKind;
  junk: string;
  decision: string[];
  confirm: string[];
  extras: [string, string][];
  extrasFirst: boolean;
  body: Body;
  contentType: string | undefined;
  origin: OriginKind;
  secFetchSite: string | undefined;
  referer: 'absent' | 'same' | 'foreign';
}

const weighted = <T>(...choices: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...choices.map(([weight, arbitrary]) => ({ weight, arbitrary })));
const often = <T>(value: T, otherwise: fc.Arbitrary<T>, weight = 4) =>
  weighted<T>([weight, fc.constant(value)], [1, otherwise]);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const anyText = fc.string({ unit: 'binary', maxLength: 30 });

const malformedPrincipal = fc.oneof(
  fc.string(),
  fc.base64String(),
  fc.json().map(base64),
  fc.constantFrom(
    base64('{"auth_typ":"google","claims":[]}'),
    base64('{"auth_typ":"aad","claims":[{"typ":"tid","val":"not-a-guid"},{"typ":"oid","val":"x"}]}'),
    base64('{"auth_typ":"aad"}'),
    'e30=',
  ),
);

const body: fc.Arbitrary<Body> = weighted<Body>(
  [12, fc.constant({ kind: 'form' })],
  [
    2,
    fc
      .array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom('&', '=', '%', '%zz', '+', '&csrf=', ';'), anyText)), {
        minLength: 1,
        maxLength: 3,
      })
      .map((edits) => ({ kind: 'mutated' as const, edits })),
  ],
  [1, fc.constant({ kind: 'json' })],
  [1, anyText.map((text) => ({ kind: 'text' as const, text }))],
  [1, fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: 'bytes' as const, bytes }))],
  [
    2,
    fc
      .constantFrom(100_000, MAX_BODY_BYTES, MAX_BODY_BYTES + 1, 2_000_000)
      .map((size) => ({ kind: 'padded' as const, size })),
  ],
);

const commonAspects = {
  who: weighted<Who>(
    [8, fc.constant('admin')],
    [2, fc.constant('colleague')],
    [1, fc.constant('user')],
    [1, fc.constant('stranger')],
    [1, fc.constant('none')],
    [2, fc.constant('malformed')],
  ),
  malformedPrincipal,
  csrf: often<CsrfKind>(
    'signer',
    fc.constantFrom<CsrfKind>(
      'signer-then-junk',
      'junk-then-signer',
      'missing',
      'junk',
      'stale',
      'other-user',
      'other-target',
      'tampered',
    ),
    8,
  ),
  junk: fc.string({ maxLength: 60 }),
  decision: weighted<string[]>(
    [4, fc.constant(['accept'])],
    [2, fc.constant(['decline'])],
    [
      2,
      fc.array(fc.oneof(fc.constantFrom('accept', 'decline', 'Accept', 'DECLINE', 'accept ', '', 'yes'), anyText), {
        maxLength: 3,
      }),
    ],
  ),
  confirm: weighted<string[]>(
    [4, fc.constant(['yes'])],
    [2, fc.array(fc.oneof(fc.constantFrom('yes', 'YES', 'on', 'true', 'no', ''), anyText), { maxLength: 2 })],
  ),
  extras: fc.array(fc.tuple(anyText, anyText), { maxLength: 3 }),
  extrasFirst: fc.boolean(),
  body,
  contentType: weighted<string | undefined>(
    [10, fc.constant(FORM)],
    [1, fc.constantFrom(`${FORM}; charset=UTF-8`, 'Application/X-WWW-Form-Urlencoded', ` ${FORM} ;x=y`)],
    [
      3,
      fc.constantFrom(
        undefined,
        'multipart/form-data; boundary=x',
        'application/json',
        'text/plain',
        `${FORM}x`,
        'application/x-www-form-urlencoded2',
      ),
    ],
    [1, fc.string()],
  ),
  origin: often<OriginKind>(
    'same',
    fc.constantFrom<OriginKind>('absent', 'null', 'foreign', 'other-port', 'other-scheme', 'malformed'),
    10,
  ),
  secFetchSite: weighted<string | undefined>(
    [4, fc.constant(undefined)],
    [2, fc.constant('same-origin')],
    [2, fc.constantFrom('same-site', 'cross-site', 'none', 'SAME-ORIGIN', 'same-origin, cross-site')],
  ),
  referer: weighted<Post['referer']>([4, fc.constant('absent')], [1, fc.constantFrom('same', 'foreign')]),
};

const consentPost: fc.Arbitrary<Post> = fc.record({
  route: fc.constant('consent' as const),
  path: weighted<PathKind>([12, fc.constant('target')], [1, fc.constantFrom('neighbour', 'unknown', 'odd')]),
  pathText: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.string({ minLength: 1, maxLength: 50 })),
  ...commonAspects,
});

const removePost: fc.Arbitrary<Post> = fc.record({
  route: fc.constant('remove' as const),
  path: weighted<PathKind>([12, fc.constant('target')], [1, fc.constantFrom('neighbour', 'oem', 'unknown', 'odd')]),
  pathText: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 50 })),
  ...commonAspects,
});

/** The people around one tenant: its Global Administrator, another one, a user without the role, and an outsider. */
interface People {
  admin: Customer;
  colleague: Customer;
  user: Customer;
  stranger: Customer;
}

function peopleOf(admin = customer()): People {
  return {
    admin,
    colleague: customer({ tenantId: admin.tenantId }),
    user: customer({ tenantId: admin.tenantId, globalAdmin: false }),
    stranger: customer(),
  };
}

/** A pending invitation (with delegated admin) for a fresh tenant. */
async function pendingInvitation(people = peopleOf()) {
  const link = await issuedLink(app, csp, {
    customer: { tenantId: people.admin.tenantId },
    delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 30 },
  });
  return { people, link };
}

async function acceptedThroughPage(partner: TestPartner, admin: Customer, body: Record<string, unknown> = {}) {
  const link = await issuedLink(app, partner, { customer: { tenantId: admin.tenantId }, ...body });
  const page = await getPage(app, link.path, { as: admin });
  const fields = { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' };
  const posted = await postForm(app, link.path, fields, { as: admin });
  if (posted.status !== 303) throw new Error(`not accepted: ${posted.status}`);
  return link.consentId;
}

/** A tenant with a CSP whose delegated admin roles are active, and an OEM (which only support may remove). */
async function authorizedTenant(people = peopleOf()) {
  const consentId = await acceptedThroughPage(csp, people.admin, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] } });
  const oemConsentId = await acceptedThroughPage(oem, people.admin);
  return { people, consentId, oemConsentId };
}

type Invitation = Awaited<ReturnType<typeof pendingInvitation>>;
type Tenant = Awaited<ReturnType<typeof authorizedTenant>>;

const invitationState = ({ people, link }: Invitation) => storedState(csp.id, link.consentId, people.admin.tenantId);
const tenantState = async ({ people, consentId, oemConsentId }: Tenant) => ({
  csp: await storedState(csp.id, consentId, people.admin.tenantId),
  oem: await storedState(oem.id, oemConsentId, people.admin.tenantId),
});

type Expected = 'sign-in' | 'refused' | 'accepted' | 'declined' | 'removed';

interface Built {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The one form token valid for this signer and target; undefined when nobody is signed in. */
  validToken?: string;
  signer?: Customer;
}

function build(
  post: Post,
  invitation: Invitation,
  tenant: Tenant,
  neighbours: { link: IssuedLink; consentId: string },
): Built {
  const people = post.route === 'consent' ? invitation.people : tenant.people;
  const signer = post.who === 'none' || post.who === 'malformed' ? undefined : people[post.who];
  const { path, target } =
    post.route === 'consent'
      ? consentPath(post, invitation.link, neighbours.link)
      : removePath(post, tenant, neighbours.consentId);
  const validToken = formToken(signer ?? people.admin, target);
  const fields: [string, string][] = [
    ...csrfFields(post, validToken, signer ?? people.admin, target),
    ...post.decision.map((value): [string, string] => ['decision', value]),
    ...post.confirm.map((value): [string, string] => ['confirm', value]),
  ];
  const all = post.extrasFirst ? [...post.extras, ...fields] : [...fields, ...post.extras];
  const headers: Record<string, string> = { ...originHeaders(post) };
  if (post.contentType !== undefined) headers['content-type'] = post.contentType;
  if (post.who === 'malformed') headers['x-ms-client-principal'] = post.malformedPrincipal;
  else if (signer) headers['x-ms-client-principal'] = signer.header;
  return { path, headers, body: bodyOf(post.body, all), validToken: signer && validToken, signer };
}

function consentPath(post: Post, link: IssuedLink, neighbour: IssuedLink) {
  const known: Partial<Record<PathKind, string>> = { target: link.token, neighbour: neighbour.token };
  const token = known[post.path] ?? post.pathText;
  return { path: `/consent/${encodeURIComponent(token)}`, target: formTargets.consentLink(hashLinkToken(token)) };
}

function removePath(post: Post, tenant: Tenant, neighbour: string) {
  const known: Partial<Record<PathKind, string>> = { target: tenant.consentId, neighbour, oem: tenant.oemConsentId };
  const consentId = known[post.path] ?? post.pathText;
  return {
    path: `/partners/${encodeURIComponent(consentId)}/remove-delegated-admin`,
    target: formTargets.removeDelegatedAdmin(consentId),
  };
}

function csrfFields(post: Post, valid: string, signer: Customer, target: string): [string, string][] {
  const tokens: Record<CsrfKind, string[]> = {
    signer: [valid],
    'signer-then-junk': [valid, post.junk],
    'junk-then-signer': [post.junk, valid],
    missing: [],
    junk: [post.junk],
    stale: [
      issueCsrfToken(
        { tenantId: signer.tenantId, objectId: signer.objectId, target },
        { secret: config().keys.csrf, now: new Date(Date.now() - 3 * 60 * 60 * 1000) },
      ),
    ],
    'other-user': [formToken(customer({ tenantId: signer.tenantId }), target)],
    'other-target': [formToken(signer, formTargets.removeDelegatedAdmin('another-consent'))],
    // A character inside the MAC (the last one carries padding bits, so changing it may decode to the same bytes).
    tampered: [`${valid.slice(0, 30)}${valid[30] === 'A' ? 'B' : 'A'}${valid.slice(31)}`],
  };
  return tokens[post.csrf].map((token) => ['csrf', token]);
}

function originHeaders(post: Post): Record<string, string> {
  const same = config().publicBaseUrl;
  const port = new URL(same).port;
  const origin = {
    same,
    absent: undefined,
    null: 'null',
    foreign: 'https://evil.example',
    'other-port': `http://localhost:${Number(port) + 1}`,
    'other-scheme': `https://localhost:${port}`,
    malformed: 'not a url',
  }[post.origin];
  const referer = { absent: undefined, same: `${same}/consent/x`, foreign: 'https://evil.example/page' }[post.referer];
  return Object.fromEntries(
    Object.entries({ origin, 'sec-fetch-site': post.secFetchSite, referer }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

function bodyOf(body: Body, fields: [string, string][]): Buffer {
  const form = new URLSearchParams(fields).toString();
  switch (body.kind) {
    case 'form':
      return Buffer.from(form);
    case 'json':
      return Buffer.from(JSON.stringify(Object.fromEntries(fields)));
    case 'text':
      return Buffer.from(body.text);
    case 'bytes':
      return Buffer.from(body.bytes);
    case 'mutated':
      return Buffer.from(
        body.edits.reduce((text, [at, insert]) => {
          const index = at % (text.length + 1);
          return text.slice(0, index) + insert + text.slice(index);
        }, form),
      );
    case 'padded': {
      const padded = `${form}&pad=`;
      return Buffer.from(padded + 'x'.repeat(Math.max(0, body.size - Buffer.byteLength(padded))));
    }
  }
}

/**
 * The rules of API.md, stated independently of the app: a signed-in user; a same-origin post (Origin, or without a
 * usable Origin, Sec-Fetch-Site, or without either, the Referer); a url-encoded body within the size limit carrying
 * the user's token for this target first; then the decision itself.
 */
function expected(post: Post, built: Built): Expected {
  if (!built.signer) return 'sign-in';
  const form = formOf(built);
  const posted = form !== undefined && sameOriginPost(post) && form.get('csrf') === built.validToken;
  const entitled = post.path === 'target' && (post.who === 'admin' || post.who === 'colleague');
  if (!posted || !entitled) return 'refused';
  if (post.route === 'remove') return 'removed';
  const decision = form.get('decision');
  if (decision === 'decline') return 'declined';
  return decision === 'accept' && form.get('confirm') === 'yes' ? 'accepted' : 'refused';
}

function formOf(built: Built): URLSearchParams | undefined {
  const mediaType = (built.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== FORM || built.body.byteLength > MAX_BODY_BYTES) return undefined;
  return new URLSearchParams(built.body.toString('utf8'));
}

function sameOriginPost(post: Post): boolean {
  if (post.origin !== 'absent' && post.origin !== 'null') return post.origin === 'same';
  if (post.secFetchSite !== undefined) return post.secFetchSite.toLowerCase() === 'same-origin';
  return post.origin === 'absent' && post.referer === 'same';
}

async function send(built: Built) {
  const response = await fetch(`${app.url}${built.path}`, {
    method: 'POST',
    headers: built.headers,
    body: built.body,
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

function expectPageHeaders(headers: Headers): void {
  expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('cache-control')).toBe('no-store');
}

/** Valid posts, so that every kind of state change is exercised whatever the random runs draw. */
const VALID: Post = {
  route: 'consent',
  path: 'target',
  pathText: 'x',
  who: 'admin',
  malformedPrincipal: '',
  csrf: 'signer',
  junk: '',
  decision: ['accept'],
  confirm: ['yes'],
  extras: [],
  extrasFirst: false,
  body: { kind: 'form' },
  contentType: FORM,
  origin: 'same',
  secFetchSite: undefined,
  referer: 'absent',
};

it('never answers 5xx; refusals are HTML pages that change nothing; valid posts change exactly what they should', async () => {
  const neighbourInvitation = await pendingInvitation();
  const neighbourTenant = await authorizedTenant();
  const neighbours = { link: neighbourInvitation.link, consentId: neighbourTenant.consentId };
  const neighboursBefore = [await invitationState(neighbourInvitation), await tenantState(neighbourTenant)];

  const targets = await freshTargets();
  const seen: Record<Expected, number> = { 'sign-in': 0, refused: 0, accepted: 0, declined: 0, removed: 0 };

  await fc.assert(
    fc.asyncProperty(fc.oneof(consentPost, removePost), async (post) => {
      const built = build(post, targets.invitation, targets.tenant, neighbours);
      const outcome = expected(post, built);
      seen[outcome] += 1;
      let checked = false;
      try {
        const answer = await send(built);
        expectAnswer(outcome, answer);
        if (post.route === 'consent') await expectInvitationAfter(outcome, answer, targets, built);
        else await expectTenantAfter(outcome, answer, targets);
        checked = true;
      } finally {
        // A valid post, or a failed run, may have changed the target: the next run (or shrink) starts from a fresh one.
        if (!checked || changesState(outcome)) await targets.renew(post.route);
      }
    }),
    {
      numRuns: 400,
      examples: [
        [VALID],
        [{ ...VALID, decision: ['decline'], confirm: [] }],
        [{ ...VALID, who: 'colleague', origin: 'null', secFetchSite: 'same-origin' }],
        [{ ...VALID, route: 'remove', decision: [], confirm: [] }],
      ],
    },
  );

  expect([await invitationState(neighbourInvitation), await tenantState(neighbourTenant)]).toEqual(neighboursBefore);
  for (const kind of Object.keys(seen) as Expected[]) expect(seen[kind]).toBeGreaterThan(0);
}, 60_000);

const changesState = (outcome: Expected) => outcome === 'accepted' || outcome === 'declined' || outcome === 'removed';

/** The pending invitation and the authorized tenant the posts aim at, each with its stored state before the post. */
async function freshTargets() {
  const invitation = await pendingInvitation();
  const tenant = await authorizedTenant();
  const targets = {
    invitation,
    invitationBefore: await invitationState(invitation),
    tenant,
    tenantBefore: await tenantState(tenant),
    async renew(route: Post['route']) {
      if (route === 'consent') {
        targets.invitation = await pendingInvitation();
        targets.invitationBefore = await invitationState(targets.invitation);
      } else {
        targets.tenant = await authorizedTenant();
        targets.tenantBefore = await tenantState(targets.tenant);
      }
    },
  };
  return targets;
}

type Targets = Awaited<ReturnType<typeof freshTargets>>;
type Answer = Awaited<ReturnType<typeof send>>;

/** Never a 5xx; always the page security headers; nobody signed in is sent to sign in; a refusal is a page. */
function expectAnswer(outcome: Expected, answer: Answer): void {
  expect(answer.status).toBeLessThan(500);
  expectPageHeaders(answer.headers);
  if (outcome === 'sign-in') {
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toMatch(/^\/\.auth\/login\/aad\?post_login_redirect_uri=\//);
  } else if (outcome === 'refused') {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.html.startsWith('<!DOCTYPE html>')).toBe(true);
  } else {
    expect(answer.status).toBe(303);
  }
}

async function expectInvitationAfter(outcome: Expected, answer: Answer, targets: Targets, built: Built) {
  const { invitation, invitationBefore: before } = targets;
  const after = await invitationState(invitation);
  if (outcome === 'accepted' || outcome === 'declined') {
    expect(answer.headers.get('location')).toBe(`${invitation.link.path}?outcome=${outcome}`);
    expectDecision(outcome, before, after, built.signer!);
    return;
  }
  expect(after).toEqual(before);
  expect(after.consent?.value.status).toBe('pending');
  expect(after.events.map((event) => event.type)).toEqual(['consent.issued']);
  expect(after.authorizations).toEqual([]);
}

async function expectTenantAfter(outcome: Expected, answer: Answer, targets: Targets) {
  const after = await tenantState(targets.tenant);
  if (outcome === 'removed') {
    expect(answer.headers.get('location')).toBe(`/partners?removed=${targets.tenant.consentId}`);
    expectRemoval(targets.tenantBefore, after);
    return;
  }
  expect(after).toEqual(targets.tenantBefore);
}

type InvitationState = Awaited<ReturnType<typeof invitationState>>;

/** What the customer was shown, as a decision stores it (shared/evidence/disclosure.ts). */
const SHOWN = { version: expect.any(String), locale: 'en', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) };
type TenantState = Awaited<ReturnType<typeof tenantState>>;

/**
 * Accepting or declining changes the consent's status, records who and what they were shown (for the receipt), and
 * nothing else; acceptance adds the tenant's authorization.
 */
function expectDecision(
  outcome: 'accepted' | 'declined',
  before: InvitationState,
  after: InvitationState,
  signer: Customer,
): void {
  const consent = before.consent!.value;
  if (outcome === 'declined') {
    expect(after.consent?.value).toEqual({
      ...consent,
      status: 'declined',
      declinedAt: expect.any(String),
      declinedBy: { tenantId: signer.tenantId, objectId: signer.objectId, userPrincipalName: signer.userPrincipalName },
      disclosures: { declined: SHOWN },
    });
    expect(after.authorizations).toEqual([]);
    expect(after.events.map((event) => event.type)).toEqual(['consent.issued', 'consent.declined']);
    return;
  }
  expect(after.consent?.value).toEqual({
    ...consent,
    status: 'accepted',
    acceptedAt: expect.any(String),
    acceptedBy: { tenantId: signer.tenantId, objectId: signer.objectId, userPrincipalName: signer.userPrincipalName },
    delegatedAdmin: expect.objectContaining({ roles: consent.delegatedAdmin!.roles, status: 'active' }),
    disclosures: { accepted: SHOWN },
  });
  expect(after.authorizations).toEqual([
    expect.objectContaining({ tenantId: signer.tenantId, partnerId: csp.id, consentId: consent.id }),
  ]);
  expect(after.events.map((event) => event.type)).toEqual(['consent.issued', 'consent.accepted']);
}

/** R3: only the CSP's delegated admin roles end; its consent, its authorization and the OEM's stay. */
function expectRemoval(before: TenantState, after: TenantState): void {
  const consent = before.csp.consent!.value;
  const removed = { ...consent.delegatedAdmin!, status: 'removed' };
  expect(after.csp.consent?.value).toEqual({ ...consent, delegatedAdmin: removed });
  expect(after.csp.events.map((event) => event.type)).toEqual([
    ...before.csp.events.map((event) => event.type),
    'delegatedAdmin.removed',
  ]);
  expect(after.csp.authorizations).toEqual(
    before.csp.authorizations.map((row) => (row.consentId === consent.id ? { ...row, delegatedAdmin: removed } : row)),
  );
  expect({ consent: after.oem.consent, events: after.oem.events }).toEqual({
    consent: before.oem.consent,
    events: before.oem.events,
  });
}
