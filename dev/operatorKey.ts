// The local host's operator key: ADMIN_API_KEY when set (registered as an operator key), otherwise one minted now.
import { mintApiKey, storedFormOf } from '../shared/auth/apiKeys';
import { insertApiKey } from '../shared/storage/apiKeyStore';

export async function registerLocalOperatorKey(
  presented: string | undefined,
  now: Date,
): Promise<{ apiKey: string; minted: boolean }> {
  if (presented) {
    const stored = storedFormOf(presented, { kind: 'operator' }, now, 'local host ADMIN_API_KEY');
    if (!stored) {
      const example = mintApiKey({ kind: 'operator' }, now).apiKey;
      throw new Error(
        `ADMIN_API_KEY is not a key in this service's format (apc._.<16 characters>.<43 characters>). ` +
          `Unset it to get one made for you, or use for example: ADMIN_API_KEY=${example}`,
      );
    }
    await insertApiKey(stored, { replace: true });
    return { apiKey: presented, minted: false };
  }
  const { apiKey, stored } = mintApiKey({ kind: 'operator' }, now, 'local host');
  await insertApiKey(stored);
  return { apiKey, minted: true };
}
