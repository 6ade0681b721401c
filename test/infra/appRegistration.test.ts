// The app registration's checked-in parts (infra/app-registration/, applied with az ad app update as docs/deploy.md
// shows): the app roles partners are recognised by, and the optional claim that tells a daemon from a person.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PARTNER_APP_ROLES } from '../../shared/domain/partnerAccess';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** An app role as Microsoft Graph's appRole resource takes it (az ad app update --app-roles). */
const appRoleSchema = z.strictObject({
  id: z.guid(),
  value: z.string().regex(/^[A-Za-z0-9._-]+$/, 'no spaces'),
  displayName: z.string().min(1).max(120),
  description: z.string().min(1).max(250),
  allowedMemberTypes: z.array(z.enum(['User', 'Application'])),
  isEnabled: z.literal(true),
});

const optionalClaimSchema = z.strictObject({
  name: z.string(),
  source: z.null(),
  essential: z.boolean(),
  additionalProperties: z.array(z.string()),
});
const optionalClaimsSchema = z.strictObject({
  idToken: z.array(optionalClaimSchema),
  accessToken: z.array(optionalClaimSchema),
  saml2Token: z.array(optionalClaimSchema),
});

describe('the app registration (infra/app-registration)', () => {
  const roles = z.array(appRoleSchema).parse(read('infra/app-registration/app-roles.json'));

  it('Identities: declares exactly the app roles the code checks, Consent.Manage and Consent.Read', () => {
    expect(roles.map((role) => role.value).sort()).toEqual(Object.values(PARTNER_APP_ROLES).sort());
  });

  it("Identities: each role can be assigned to people (Users and groups) and granted to a partner's daemon (application permission)", () => {
    for (const role of roles)
      expect([role.value, [...role.allowedMemberTypes].sort()]).toEqual([role.value, ['Application', 'User']]);
  });

  it('Identities: each role keeps its own id (changing one would drop the assignments made to it)', () => {
    expect(new Set(roles.map((role) => role.id.toLowerCase())).size).toBe(roles.length);
    expect(roles.find((role) => role.value === PARTNER_APP_ROLES.manage)?.id).toBe(
      '53c4ee43-a09f-45aa-a3b0-b481fc1a8365',
    );
    expect(roles.find((role) => role.value === PARTNER_APP_ROLES.read)?.id).toBe(
      '222241af-0025-4afa-9060-904d43e5aefa',
    );
  });

  it('Identities: the display name an administrator picks from is the role the error messages name', () => {
    for (const role of roles) expect(role.displayName).toBe(role.value);
  });

  it("Identities: the partner guide names each role with the id an administrator's CLI assignment uses", () => {
    const guide = readFileSync(path.join(ROOT, 'docs/partner-guide.md'), 'utf8');
    for (const role of roles) expect(guide).toMatch(new RegExp(`\\| \`${role.value}\`\\s+\\| \`${role.id}\` \\|`));
  });

  it("Identities: access tokens carry idtyp, so a daemon's app-only token is told from a person's exactly", () => {
    const claims = optionalClaimsSchema.parse(read('infra/app-registration/optional-claims.json'));
    expect(claims.accessToken.map((claim) => claim.name)).toContain('idtyp');
  });

  it('Identities: the deploy guide applies both files and asks for v2 access tokens (aud = the client id)', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/deploy.md'), 'utf8');
    expect(guide).toContain('--app-roles @infra/app-registration/app-roles.json');
    expect(guide).toContain('--optional-claims @infra/app-registration/optional-claims.json');
    expect(guide).toContain('api.requestedAccessTokenVersion=2');
  });
});
