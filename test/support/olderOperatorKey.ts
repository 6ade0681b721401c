// An operator key stored as deployments stored them before operator keys were listed: in a partition of its own.
import { mintApiKey } from '../../shared/auth/apiKeys';
import { tableClient } from '../../shared/storage/clients';
import { TABLES } from '../../shared/storage/tableNames';

/** Writes the row `create-operator-key` wrote before this version, and answers the key and its id. */
export async function storedOlderOperatorKey(name = 'made before keys were listed') {
  const { apiKey, stored } = mintApiKey({ kind: 'operator' }, new Date(), name);
  const table = await tableClient(TABLES.apiKeys);
  await table.createEntity({
    partitionKey: stored.keyId,
    rowKey: 'key',
    secretHash: stored.secretHash,
    ownerKind: 'operator',
    name,
    createdAt: stored.createdAt,
  });
  return { apiKey, keyId: stored.keyId };
}
