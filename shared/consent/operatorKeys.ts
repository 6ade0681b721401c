// API keys' lifecycle: minting any key (shown once), and the operator's own keys listed without secrets and revoked,
// never the last active one (API.md "Additions to part 1").
import type { z } from 'zod';
import { mintApiKey, type KeyOwner, type StoredApiKey } from '../auth/apiKeys';
import { conflict, notFound, shortened } from '../errors';
import type { mintedKeySchema, operatorKeySchema } from '../schemas/responses';
import type { Page, PageRequest } from '../storage/paging';
import { isPreconditionFailed } from '../storage/tableErrors';
import type { Dependencies } from './dependencies';

export type MintedKey = z.infer<typeof mintedKeySchema>;
export type OperatorKey = z.infer<typeof operatorKeySchema>;

/**
 * How often a revocation reads again and retries when another revocation landed first. Each failed try means another
 * revocation was written meanwhile, so with up to this many operators revoking at once every one of them either
 * succeeds or is told the key is the last; only more than that can end in "retry".
 */
const REVOCATION_ATTEMPTS = 5;

/** Makes a key and stores only its hash: this answer is the one place the key itself ever appears. */
export async function mintKey(deps: Dependencies, owner: KeyOwner, name?: string): Promise<MintedKey> {
  const { apiKey, stored } = mintApiKey(owner, deps.now(), name);
  await deps.apiKeys.insertApiKey(stored);
  return { keyId: stored.keyId, apiKey, createdAt: stored.createdAt.toISOString() };
}

export async function mintOperatorKey(deps: Dependencies, name?: string): Promise<MintedKey> {
  return mintKey(deps, { kind: 'operator' }, name);
}

/** One page of the operator keys, revoked ones included: id, name and times, never a secret or its hash. */
export async function listOperatorKeys(deps: Dependencies, page: PageRequest): Promise<Page<OperatorKey>> {
  const found = await deps.apiKeys.listOperatorKeys(page);
  return { ...found, items: found.items.map(listedFacts) };
}

/**
 * Revokes an operator key: its next request is a 401. Revoking a revoked key changes nothing. The last active key is
 * never revoked (409), even by two operators revoking the last two keys at the same moment: the revocation is written
 * in one transaction with another active key, both guarded by the ETags they were read with, so the later of two such
 * revocations fails, reads again, finds no other active key and is refused. A key made before operator keys were
 * listed is not counted as active; revoking one needs an active listed key, and as no revocation ever takes the last of
 * those, one is still active afterwards.
 */
export async function revokeOperatorKey(deps: Dependencies, keyId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const [target, witness] = await Promise.all([
      deps.apiKeys.findOperatorKey(keyId),
      deps.apiKeys.anotherActiveOperatorKey(keyId),
    ]);
    if (!target) throw notFound(`There is no operator key "${shortened(keyId)}".`);
    if (target.value.revokedAt) return;
    if (!witness) throw target.listed ? lastActiveKey() : noListedKey();
    try {
      if (target.listed) await deps.apiKeys.revokeListedOperatorKey(target, witness, deps.now());
      else await deps.apiKeys.revokeApiKey(keyId, deps.now());
      return;
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      if (attempt === REVOCATION_ATTEMPTS) {
        throw conflict('The operator keys were changed by someone else at the same moment. List them and retry.');
      }
    }
  }
}

function lastActiveKey() {
  return conflict(
    'This is the last active operator key: revoking it would leave no key for the /api/admin routes. ' +
      'Mint a new one first (POST /api/admin/keys), then revoke this one.',
  );
}

function noListedKey() {
  return conflict(
    'No operator key is active on the list yet (GET /api/admin/keys shows the keys minted since keys are listed), ' +
      'so revoking this older key could leave none. Mint a new one first (POST /api/admin/keys), then revoke this one.',
  );
}

function listedFacts(key: StoredApiKey): OperatorKey {
  return {
    keyId: key.keyId,
    ...(key.name !== undefined && { name: key.name }),
    createdAt: key.createdAt.toISOString(),
    ...(key.revokedAt && { revokedAt: key.revokedAt.toISOString() }),
  };
}
