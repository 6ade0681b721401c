import { ConfigError, loadConfig } from '../../shared/config';

const SECRET = 'x'.repeat(48);
const LOCAL = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  PUBLIC_BASE_URL: 'http://localhost:7071',
  APP_SECRET: SECRET,
  EMAIL_TRANSPORT: 'outbox',
};
const ACS = {
  ...LOCAL,
  EMAIL_TRANSPORT: 'acs',
  ACS_ENDPOINT: 'https://acs-consent.europe.communication.azure.com',
  EMAIL_SENDER_ADDRESS: 'DoNotReply@mail.consent.example.com',
  RECEIPT_SIGNING_KEY_ID: 'https://kv-consent.vault.azure.net/keys/receipt-signing',
};

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('settings', () => {
  it('reads a local connection string and trims the public base URL', () => {
    const config = loadConfig({ ...LOCAL, PUBLIC_BASE_URL: 'https://consent.example.com/' });
    expect(config.storage).toEqual({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' });
    expect(config.publicBaseUrl).toBe('https://consent.example.com');
  });

  it('uses managed identity with service URIs when no connection string is set', () => {
    const config = loadConfig({
      PUBLIC_BASE_URL: 'https://consent.example.com',
      APP_SECRET: SECRET,
      EMAIL_TRANSPORT: 'outbox',
      AzureWebJobsStorage__tableServiceUri: 'https://acct.table.core.windows.net',
      AzureWebJobsStorage__queueServiceUri: 'https://acct.queue.core.windows.net',
      AzureWebJobsStorage__clientId: '00000000-0000-0000-0000-000000000001',
    });
    expect(config.storage).toEqual({
      kind: 'identity',
      tableServiceUri: 'https://acct.table.core.windows.net',
      queueServiceUri: 'https://acct.queue.core.windows.net',
      clientId: '00000000-0000-0000-0000-000000000001',
    });
  });

  it('stops start-up naming every missing or malformed setting', () => {
    let error: unknown;
    try {
      loadConfig({ PUBLIC_BASE_URL: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PUBLIC_BASE_URL');
    expect(message).toContain('AzureWebJobsStorage__tableServiceUri');
    expect(message).toContain('AzureWebJobsStorage__queueServiceUri');
    expect(message).toContain('APP_SECRET');
  });

  it('derives a different key for each purpose from APP_SECRET', () => {
    const { keys } = loadConfig(LOCAL);
    expect(keys.csrf).toHaveLength(32);
    expect(keys.csrf.equals(keys.links)).toBe(false);
    expect(keys.pages).toHaveLength(32);
    expect([keys.csrf, keys.links].some((other) => other.equals(keys.pages))).toBe(false);
    expect(loadConfig({ ...LOCAL, APP_SECRET: 'y'.repeat(48) }).keys.csrf.equals(keys.csrf)).toBe(false);
  });
});

describe('email settings (D3)', () => {
  it('D3: the local outbox needs no ACS settings, and blank placeholders count as not set', () => {
    const config = loadConfig({ ...LOCAL, ACS_ENDPOINT: '', ACS_CONNECTION_STRING: ' ', EMAIL_SENDER_ADDRESS: '' });
    expect(config.email).toEqual({ transport: 'outbox' });
  });

  it('D3: in Azure, ACS is sent to with the managed identity named by AZURE_CLIENT_ID', () => {
    const config = loadConfig({ ...ACS, AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000002' });
    expect(config.email).toEqual({
      transport: 'acs',
      connection: {
        kind: 'identity',
        endpoint: 'https://acs-consent.europe.communication.azure.com',
        managedIdentityClientId: '00000000-0000-0000-0000-000000000002',
      },
      senderAddress: 'DoNotReply@mail.consent.example.com',
    });
  });

  it('D3: a connection string (local, tests) is used instead of the endpoint', () => {
    const connectionString = 'endpoint=http://127.0.0.1:9999/;accesskey=a2V5';
    const config = loadConfig({ ...ACS, ACS_ENDPOINT: undefined, ACS_CONNECTION_STRING: connectionString });
    expect(config.email).toMatchObject({
      transport: 'acs',
      connection: { kind: 'connectionString', connectionString },
    });
  });

  it('D3: without EMAIL_TRANSPORT the app sends through ACS, so it names each missing ACS setting', () => {
    const { EMAIL_TRANSPORT: _transport, ...withoutTransport } = LOCAL;
    const message = problemsOf(withoutTransport);
    expect(message).toContain(
      'ACS_ENDPOINT (or ACS_CONNECTION_STRING, locally) is required when EMAIL_TRANSPORT is acs',
    );
    expect(message).toContain('EMAIL_SENDER_ADDRESS is required when EMAIL_TRANSPORT is acs');
  });

  it('D3: names a malformed transport, endpoint, connection string or sender address without echoing secrets', () => {
    expect(problemsOf({ ...LOCAL, EMAIL_TRANSPORT: 'smtp' })).toContain("EMAIL_TRANSPORT must be 'acs' or 'outbox'");
    expect(problemsOf({ ...ACS, ACS_ENDPOINT: 'http://acs.example.com' })).toContain(
      'ACS_ENDPOINT must be the https endpoint',
    );
    expect(problemsOf({ ...ACS, EMAIL_SENDER_ADDRESS: 'DoNotReply' })).toContain(
      'EMAIL_SENDER_ADDRESS must be an email address',
    );
    const message = problemsOf({ ...ACS, ACS_ENDPOINT: undefined, ACS_CONNECTION_STRING: 'accesskey=c2VjcmV0' });
    expect(message).toContain('ACS_CONNECTION_STRING must be "endpoint=');
    expect(message).not.toContain('c2VjcmV0');
  });

  it('D3: refuses both an endpoint and a connection string, rather than guessing which one is meant', () => {
    expect(problemsOf({ ...ACS, ACS_CONNECTION_STRING: 'endpoint=https://a.example.com/;accesskey=a2V5' })).toContain(
      'ACS_ENDPOINT and ACS_CONNECTION_STRING are both set: set only one',
    );
  });
});

describe('unresolved Key Vault references', () => {
  const REFERENCE = '@Microsoft.KeyVault(SecretUri=https://kv-consent.vault.azure.net/secrets/csrf-secret/)';

  it('refuses an APP_SECRET that is still a Key Vault reference, though it is long enough, and names what to check', () => {
    const message = problemsOf({ ...ACS, APP_SECRET: REFERENCE });
    expect(message).toContain('APP_SECRET is an unresolved Key Vault reference');
    expect(message).toContain('Key Vault Secrets User role');
    expect(message).toContain('the secret exists');
    expect(message).toContain('refresh');
    expect(message).not.toContain('kv-consent');
  });

  it.each(['@microsoft.keyvault(VaultName=kv;SecretName=s)', '  @MICROSOFT.KEYVAULT(SecretUri=x)'])(
    'recognises the reference in any case (%s)',
    (value) => {
      expect(problemsOf({ ...ACS, APP_SECRET: value })).toContain('APP_SECRET is an unresolved Key Vault reference');
    },
  );

  it('names each unresolved setting once, as a reference rather than as malformed', () => {
    const message = problemsOf({ ...ACS, PUBLIC_BASE_URL: REFERENCE, EMAIL_SENDER_ADDRESS: REFERENCE });
    expect(message).toContain('PUBLIC_BASE_URL is an unresolved Key Vault reference');
    expect(message).toContain('EMAIL_SENDER_ADDRESS is an unresolved Key Vault reference');
    expect(message).not.toContain('PUBLIC_BASE_URL must be');
    expect(message).not.toContain('EMAIL_SENDER_ADDRESS must be');
  });

  it('refuses an unresolved App Configuration reference too, naming its role', () => {
    const message = problemsOf({ ...ACS, SUPPORT_CONTACT: '@Microsoft.AppConfiguration(Endpoint=https://c;Key=k)' });
    expect(message).toContain('SUPPORT_CONTACT is an unresolved App Configuration reference');
    expect(message).toContain('App Configuration Data Reader role');
  });

  it('accepts a resolved secret that merely mentions a reference later on', () => {
    expect(() => loadConfig({ ...ACS, APP_SECRET: `${SECRET}@Microsoft.KeyVault(` })).not.toThrow();
  });
});

describe('running in Azure (WEBSITE_SITE_NAME set)', () => {
  const AZURE = { ...ACS, WEBSITE_SITE_NAME: 'func-consent-prod' };

  it('refuses EMAIL_TRANSPORT=outbox by name: in Azure nobody reads the local outbox', () => {
    expect(problemsOf({ ...AZURE, EMAIL_TRANSPORT: 'outbox' })).toContain(
      "EMAIL_TRANSPORT is 'outbox' but the app runs in Azure",
    );
    expect(problemsOf({ ...AZURE, EMAIL_TRANSPORT: 'OUTBOX' })).toContain("EMAIL_TRANSPORT is 'outbox'");
  });

  it('refuses LOCAL_SIGN_IN: only the platform may vouch for a principal in Azure', () => {
    expect(problemsOf({ ...AZURE, LOCAL_SIGN_IN: 'true', WEBSITE_AUTH_ENABLED: 'True' })).toContain(
      'LOCAL_SIGN_IN is for the local host',
    );
  });

  it('refuses LOCAL_WEBHOOK_TARGETS: in Azure webhooks never reach http:// or private addresses', () => {
    expect(problemsOf({ ...AZURE, LOCAL_WEBHOOK_TARGETS: 'true' })).toContain('LOCAL_WEBHOOK_TARGETS lets webhooks');
    expect(loadConfig(AZURE).webhookTargets).toBe('public');
  });

  it('Receipts: needs the Key Vault signing key and refuses local receipt keys, each by name', () => {
    const { RECEIPT_SIGNING_KEY_ID: _key, ...withoutKey } = AZURE;
    expect(problemsOf(withoutKey)).toContain('RECEIPT_SIGNING_KEY_ID is required in Azure');
    expect(problemsOf({ ...AZURE, LOCAL_RECEIPT_KEYS: 'abc' })).toContain('LOCAL_RECEIPT_KEYS is for the local host');
    expect(problemsOf({ ...AZURE, RECEIPT_SIGNING_KEY_ID: 'http://kv.example/keys/k' })).toContain(
      'RECEIPT_SIGNING_KEY_ID must be the Key Vault key identifier',
    );
    expect(loadConfig(AZURE).receiptSigning).toEqual({
      kind: 'key-vault',
      keyId: 'https://kv-consent.vault.azure.net/keys/receipt-signing',
    });
  });

  it('accepts ACS with the platform sign-in on', () => {
    expect(loadConfig({ ...AZURE, WEBSITE_AUTH_ENABLED: 'True' }).signIn).toBe('platform');
  });
});

describe('webhook targets', () => {
  it('are public (https, public addresses) unless the local host says otherwise', () => {
    expect(loadConfig(LOCAL).webhookTargets).toBe('public');
    expect(loadConfig({ ...LOCAL, LOCAL_WEBHOOK_TARGETS: 'TRUE' }).webhookTargets).toBe('local');
    expect(problemsOf({ ...LOCAL, LOCAL_WEBHOOK_TARGETS: 'on' })).toContain(
      "LOCAL_WEBHOOK_TARGETS must be 'true' or 'false'",
    );
  });
});

describe('sign-in trust (whose word the principal header is)', () => {
  it.each(['True', 'true', 'TRUE'])('trusts the platform when WEBSITE_AUTH_ENABLED is %s', (enabled) => {
    expect(loadConfig({ ...ACS, WEBSITE_SITE_NAME: 'func-consent-prod', WEBSITE_AUTH_ENABLED: enabled }).signIn).toBe(
      'platform',
    );
  });

  it('fails closed in Azure when the platform sign-in is off or not reported', () => {
    const azure = { ...ACS, WEBSITE_SITE_NAME: 'func-consent-prod' };
    expect(loadConfig(azure).signIn).toBe('none');
    expect(loadConfig({ ...azure, WEBSITE_AUTH_ENABLED: 'False' }).signIn).toBe('none');
    expect(loadConfig({ ...azure, WEBSITE_AUTH_ENABLED: ' ' }).signIn).toBe('none');
  });

  it('fails closed outside Azure unless the local host says its sign-in stand-in is in front', () => {
    expect(loadConfig(LOCAL).signIn).toBe('none');
    expect(loadConfig({ ...LOCAL, LOCAL_SIGN_IN: 'false' }).signIn).toBe('none');
    expect(loadConfig({ ...LOCAL, LOCAL_SIGN_IN: 'true' }).signIn).toBe('local');
    expect(loadConfig({ ...LOCAL, LOCAL_SIGN_IN: 'True' }).signIn).toBe('local');
  });

  it('names a malformed LOCAL_SIGN_IN, and refuses it together with the platform sign-in', () => {
    expect(problemsOf({ ...LOCAL, LOCAL_SIGN_IN: 'yes' })).toContain("LOCAL_SIGN_IN must be 'true' or 'false'");
    expect(problemsOf({ ...LOCAL, LOCAL_SIGN_IN: 'true', WEBSITE_AUTH_ENABLED: 'true' })).toContain(
      'LOCAL_SIGN_IN and WEBSITE_AUTH_ENABLED are both true',
    );
  });
});
