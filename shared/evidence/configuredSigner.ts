// The receipt signer the settings choose: the Key Vault key (Azure, managed identity) or local keys (the local host).
import { DefaultAzureCredential } from '@azure/identity';
import { config, type ReceiptSigning } from '../config';
import { keyVaultSigner } from './keyVaultSigner';
import { localSigner, type ReceiptSigner } from './signer';

let signer: ReceiptSigner | undefined;

/** Built once from `config().receiptSigning`, so the current key and Key Vault's client are shared. */
export function configuredSigner(): ReceiptSigner {
  signer ??= signerFor(config().receiptSigning);
  return signer;
}

function signerFor(settings: ReceiptSigning): ReceiptSigner {
  if (settings.kind === 'local') return localSigner(settings.keys);
  const credential = new DefaultAzureCredential(
    settings.clientId ? { managedIdentityClientId: settings.clientId } : {},
  );
  return keyVaultSigner(settings.keyId, credential);
}
