// npm run package makes a zip whose entry point starts in a clean Node process, with no node_modules anywhere near it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { AZURE_APP_SETTINGS } from './expected';

const ROOT = path.resolve(__dirname, '../..');
const ZIP_PATH = path.join(ROOT, 'dist', 'autopilot-consent.zip');

/** Dummy values shaped like the ones the Bicep sets in Azure (Key Vault references already resolved). */
const AZURE_LIKE_SETTINGS: Record<(typeof AZURE_APP_SETTINGS)[number], string> = {
  AzureWebJobsStorage__credential: 'managedidentity',
  AzureWebJobsStorage__clientId: '00000000-0000-0000-0000-000000000001',
  AzureWebJobsStorage__blobServiceUri: 'https://stexample.blob.core.windows.net/',
  AzureWebJobsStorage__queueServiceUri: 'https://stexample.queue.core.windows.net/',
  AzureWebJobsStorage__tableServiceUri: 'https://stexample.table.core.windows.net/',
  PUBLIC_BASE_URL: 'https://x.example',
  APP_SECRET: 'k'.repeat(64),
  EMAIL_TRANSPORT: 'acs',
  ACS_ENDPOINT: 'https://acs-example.europe.communication.azure.com',
  EMAIL_SENDER_ADDRESS: 'DoNotReply@00000000-0000-0000-0000-000000000000.azurecomm.net',
  AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000002',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001',
  APP_VERSION: '0.0.0-test',
  SUPPORT_CONTACT: 'https://support.example/autopilot-consent',
  INVITATION_EMAILS_PER_HOUR: '200',
  RECEIPT_SIGNING_KEY_ID: 'https://kv-example.vault.azure.net/keys/receipt-signing',
  PERSONAL_DATA_RETENTION_DAYS: '365',
  MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: 'dummy-client-secret',
};

let appDir: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'pipe' });
  appDir = mkdtempSync(path.join(os.tmpdir(), 'autopilot-consent-package-'));
  await unzip(ZIP_PATH, appDir);
}, 60_000);

afterAll(() => {
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('zips exactly the bundle, host.json and a package.json without dependencies', async () => {
    expect((await zipEntries(ZIP_PATH)).sort()).toEqual(['host.json', 'index.js', 'package.json']);
    const manifest = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'autopilot-consent', main: 'index.js', dependencies: {} });
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(readFileSync(path.join(appDir, 'host.json'), 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'host.json'), 'utf8'),
    );
  });

  it('leaves the worker-provided @azure/functions-core as a run-time require', () => {
    expect(readFileSync(path.join(appDir, 'index.js'), 'utf8')).toContain('require("@azure/functions-core")');
  });

  it('the entry point starts in a clean process with Azure-shaped settings and no node_modules', () => {
    expect(nodeModulesAbove(appDir)).toEqual([]);
    const started = startApp(AZURE_LIKE_SETTINGS);
    expect({ status: started.status, stderr: started.stderr }).toEqual({ status: 0, stderr: '' });
    expect(started.stdout).toContain('started');
  });

  it('starts as App Service starts it: in Azure (WEBSITE_SITE_NAME) with the platform sign-in on', () => {
    const started = startApp({
      ...AZURE_LIKE_SETTINGS,
      WEBSITE_SITE_NAME: 'func-apconsent',
      WEBSITE_AUTH_ENABLED: 'True',
    });
    expect({ status: started.status, stderr: started.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('refuses to start on a Key Vault reference that did not resolve, naming the setting and never its value', () => {
    const reference = '@Microsoft.KeyVault(SecretUri=https://kv-apconsent.vault.azure.net/secrets/app-secret/)';
    const started = startApp({ ...AZURE_LIKE_SETTINGS, WEBSITE_SITE_NAME: 'func-apconsent', APP_SECRET: reference });
    expect(started.status).not.toBe(0);
    expect(started.stderr).toContain('APP_SECRET is an unresolved Key Vault reference');
    expect(started.stderr).not.toContain('kv-apconsent.vault.azure.net');
  });

  it('refuses the local outbox and the local sign-in stand-in in Azure', () => {
    const started = startApp({
      ...AZURE_LIKE_SETTINGS,
      WEBSITE_SITE_NAME: 'func-apconsent',
      EMAIL_TRANSPORT: 'outbox',
      LOCAL_SIGN_IN: 'true',
    });
    expect(started.status).not.toBe(0);
    expect(started.stderr).toContain("EMAIL_TRANSPORT is 'outbox' but the app runs in Azure");
    expect(started.stderr).toContain('LOCAL_SIGN_IN is for the local host');
  });

  it('the bundled settings check stops start-up and names a missing setting', () => {
    const { PUBLIC_BASE_URL: _omitted, ...withoutBaseUrl } = AZURE_LIKE_SETTINGS;
    const started = startApp(withoutBaseUrl);
    expect(started.status).not.toBe(0);
    expect(started.stderr).toContain('PUBLIC_BASE_URL');
  });
});

/** Loads index.js the way the worker does (require), in a fresh Node with only PATH and the given settings. */
function startApp(settings: Record<string, string>) {
  const probe = path.join(appDir, 'probe.js');
  writeFileSync(probe, "require('./index.js');\nconsole.log('started');\n");
  return spawnSync(process.execPath, [probe], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', ...settings },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

function nodeModulesAbove(directory: string): string[] {
  const found: string[] = [];
  for (let current = directory; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'node_modules'))) found.push(path.join(current, 'node_modules'));
    if (path.dirname(current) === current) return found;
  }
}

function zipEntries(zipPath: string): Promise<string[]> {
  return readZip(zipPath, (entry, _zip, names) => {
    names.push(entry.fileName);
    return Promise.resolve();
  });
}

function unzip(zipPath: string, destination: string): Promise<string[]> {
  return readZip(zipPath, (entry, zip) => {
    const target = path.join(destination, entry.fileName);
    mkdirSync(path.dirname(target), { recursive: true });
    return new Promise<void>((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          writeFileSync(target, Buffer.concat(chunks));
          resolve();
        });
        stream.on('error', reject);
      });
    });
  });
}

function readZip(
  zipPath: string,
  onEntry: (entry: yauzl.Entry, zip: yauzl.ZipFile, names: string[]) => Promise<void>,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        onEntry(entry, zip, names).then(() => zip.readEntry(), reject);
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
