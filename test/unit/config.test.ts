import { ConfigError, loadConfig } from '../../shared/config';

const SECRET = 'x'.repeat(48);
const LOCAL = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  PUBLIC_BASE_URL: 'http://localhost:7071',
  APP_SECRET: SECRET,
};

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
