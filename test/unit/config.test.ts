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
