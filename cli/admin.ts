// `npm run admin -- <command>`: bootstrap and look after a deployment by talking to its Table Storage directly, and
// verify consent receipts offline.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import type { JSONWebKeySet } from 'jose';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { scheduleExistingNotices } from '../shared/consent/noticeSweep';
import { indexPartnerTenants, mintPartnerKey, registerPartner } from '../shared/consent/operatorActions';
import { listOperatorKeys, mintOperatorKey, revokeOperatorKey } from '../shared/consent/operatorKeys';
import { PARTNER_KINDS, type PartnerKind } from '../shared/domain/partners';
import { ServiceError } from '../shared/errors';
import { verifyReceipt } from '../shared/evidence/receipt';
import { validate } from '../shared/http/request';
import { partnerRegistrationSchema } from '../shared/schemas/operator';
import { useStorage } from '../shared/storage/clients';

const program = new Command('admin')
  .description('Autopilot Consent administration, straight against the storage account')
  .option(
    '--account <name>',
    'storage account name in Azure; signs in with DefaultAzureCredential (az login, managed identity)',
  )
  .option('--connection-string <value>', 'storage connection string (default: $AzureWebJobsStorage)')
  .hook('preAction', (command, action) => {
    if (OFFLINE_COMMANDS.includes(action.name())) return;
    connect(command.opts<{ account?: string; connectionString?: string }>());
  });

/** Commands that need no storage account. */
const OFFLINE_COMMANDS = ['verify-receipt'];

program
  .command('verify-receipt')
  .description('verify a consent receipt offline against a JWKS (a file, or the URL of /.well-known/jwks.json)')
  .argument('<receipt>', 'file holding the compact JWS, or - for standard input')
  .requiredOption('--jwks <file or url>', 'the published keys, e.g. https://<host>/.well-known/jwks.json')
  .action(async (receipt: string, options: { jwks: string }) => {
    const jws = readFileSync(receipt === '-' ? 0 : receipt, 'utf8');
    let verified;
    try {
      verified = await verifyReceipt(jws, await keySet(options.jwks));
    } catch (error) {
      throw new Error(`the receipt is NOT valid: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { claims, kid } = verified;
    const by = claims.decidedBy.userPrincipalName ?? claims.decidedBy.objectId;
    process.stdout.write(
      `Valid receipt, signed by key ${kid}: consent ${claims.sub} was ${claims.event} at ${claims.decidedAt} by ${by} ` +
        `(tenant ${claims.tid}) for ${claims.partner.displayName} (${claims.partner.type}); ` +
        `shown text version ${claims.disclosure.version} (${claims.disclosure.locale}), sha256 ${claims.disclosure.sha256}.\n`,
    );
    print(claims);
  });

program
  .command('create-operator-key')
  .description('mint an operator key (shown once) for the /api/admin routes')
  .option('--name <name>', 'who or what the key is for')
  .action(async (options: { name?: string }) => print(await mintOperatorKey(deps, options.name)));

program
  .command('list-operator-keys')
  .description('every operator key: id, name, when it was made and revoked (never a key itself)')
  .action(async () => {
    let continuationToken: string | undefined;
    do {
      const page = await listOperatorKeys(deps, { pageSize: 100, continuationToken });
      for (const key of page.items) print(key);
      continuationToken = page.continuationToken;
    } while (continuationToken);
  });

program
  .command('revoke-operator-key')
  .description('revoke an operator key at once (never the last active one: mint its successor first)')
  .requiredOption('--key-id <id>', 'the key id, as list-operator-keys shows it (in a key: apc._.<key id>.<secret>)')
  .action(async (options: { keyId: string }) => {
    await revokeOperatorKey(deps, options.keyId);
    print({ keyId: options.keyId, revoked: true });
  });

program
  .command('schedule-notices')
  .description(
    'once, after upgrading to a version with reminders and delegated admin expiry notices: schedule those still ' +
      'ahead for invitations emailed and consents accepted before (idempotent; reads every pending and accepted consent)',
  )
  .action(async () => print({ consentsLookedAt: await scheduleExistingNotices(deps) }));

program
  .command('create-partner')
  .description('register a partner')
  .requiredOption('--display-name <name>')
  .requiredOption('--type <type>', PARTNER_KINDS.join(' | '), partnerKind)
  .requiredOption('--tenant-id <guid>', "the partner's own Entra tenant id")
  .requiredOption('--contact-email <email>')
  .option('--id <id>', 'lower-case letters, digits, dashes (default: made from the display name)')
  .option('--microsoft-partner-id <digits>')
  .option('--verified-domain <domain>')
  .option('--indirect-provider-id <id>', 'required for an indirect-reseller')
  .option('--oem-direct-api-eligible', 'an OEM eligible for the OEM Direct API')
  .action(async (options: Record<string, string | boolean | undefined>) => {
    const registration = validate(partnerRegistrationSchema, options, 'The partner');
    print(await registerPartner(deps, registration));
  });

program
  .command('mint-partner-key')
  .description("mint an API key for a partner (shown once); give it to the partner's developers securely")
  .requiredOption('--partner <id>')
  .option('--name <name>')
  .action(async (options: { partner: string; name?: string }) =>
    print(await mintPartnerKey(deps, options.partner, options.name)),
  );

program
  .command('list-partners')
  .description('every registered partner')
  .action(async () => {
    let continuationToken: string | undefined;
    do {
      const page = await deps.partners.listPartners({ pageSize: 100, continuationToken });
      for (const partner of page.items) print(partner);
      continuationToken = page.continuationToken;
    } while (continuationToken);
  });

program
  .command('index-partner-tenants')
  .description(
    "write every partner's tenant index row (idempotent): once after upgrading to the version with partner " +
      'identities, so partners registered before can sign in with Microsoft Entra ID',
  )
  .action(async () => print({ indexed: await indexPartnerTenants(deps) }));

function connect({ account, connectionString }: { account?: string; connectionString?: string }): void {
  if (account) {
    useStorage({
      kind: 'identity',
      tableServiceUri: `https://${account}.table.core.windows.net`,
      queueServiceUri: `https://${account}.queue.core.windows.net`,
    });
    return;
  }
  const value = connectionString ?? process.env.AzureWebJobsStorage;
  if (!value) throw new InvalidArgumentError('Give --account <storage account name> or --connection-string.');
  useStorage({ kind: 'connectionString', connectionString: value });
}

/** The key set from a file or an http(s) URL. */
async function keySet(source: string): Promise<JSONWebKeySet> {
  if (!/^https?:\/\//.test(source)) return JSON.parse(readFileSync(source, 'utf8')) as JSONWebKeySet;
  const answer = await fetch(source, { signal: AbortSignal.timeout(10_000) });
  if (!answer.ok) throw new Error(`${source} answered ${answer.status}`);
  return (await answer.json()) as JSONWebKeySet;
}

function partnerKind(value: string): PartnerKind {
  if (!(PARTNER_KINDS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of ${PARTNER_KINDS.join(', ')}`);
  }
  return value as PartnerKind;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof ServiceError
      ? [error.message, ...(error.errors ?? []).map((e) => `  --${kebab(e.path)}: ${e.message}`)].join('\n')
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`admin: ${message}\n`);
  process.exit(1);
});

function kebab(path: string): string {
  return path.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
