// `npm start` as a developer uses it (R4, R16): an issued request's invitation is in the outbox and on the console.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const entry = path.join(root, 'build', 'dev', 'start.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resolves with the first match of `pattern` in what the process has printed so far or prints within 30 s. */
function printed(output: { text: string }, pattern: RegExp): Promise<RegExpMatchArray> {
  const deadline = Date.now() + 30_000;
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output.text.match(pattern);
      if (match) return resolve(match);
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${pattern}:\n${output.text}`));
      setTimeout(check, 50);
    };
    check();
  });
}

describe('npm start: the local outbox', () => {
  it('R4, R16: an issued request is in GET /dev/outbox within seconds, and its link is printed on the console', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    for (const name of ['AzureWebJobsStorage', 'PUBLIC_BASE_URL', 'EMAIL_TRANSPORT', 'ADMIN_API_KEY']) delete env[name];
    const child = spawn(process.execPath, [entry], { cwd: root, env });
    const output = { text: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const [, operatorKey] = await printed(output, /Operator key \(made for this run[^)]*\): (\S+)/);
      const base = `http://localhost:${port}`;
      expect(output.text).toContain(`Invitation emails go to the local outbox: ${base}/dev/outbox`);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check what came back
      const post = (url: string, key: string, body?: unknown): Promise<{ status: number; body: any }> =>
        fetch(`${base}${url}`, {
          method: 'POST',
          headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then(async (response) => ({ status: response.status, body: await response.json() }));

      const partner = await post('/api/admin/partners', operatorKey!, {
        displayName: 'Fabrikam',
        type: 'direct-csp',
        tenantId: '0b6e2c4a-1d3f-4a5b-8c7d-9e0f1a2b3c4d',
        contactEmail: 'csp@fabrikam.example',
      });
      expect(partner.status).toBe(201);
      const key = await post(`/api/admin/partners/${partner.body.id}/keys`, operatorKey!);
      expect(key.status).toBe(201);
      const issued = await post('/api/consent-requests', key.body.apiKey, {
        customer: { contactEmail: 'admin@contoso.example' },
      });
      expect(issued.status).toBe(201);

      const [line] = await printed(output, /Outbox: invitation to admin@contoso\.example .*/);
      expect(line).toContain(`consent link: ${issued.body.consentUrl}`);
      const outbox = (await (await fetch(`${base}/dev/outbox`)).json()) as { text: string }[];
      expect(outbox).toHaveLength(1);
      expect(outbox[0]!.text).toContain(issued.body.consentUrl);
    } finally {
      child.kill('SIGINT');
      const code = await exited;
      // On a failed stop, what the host printed says why.
      expect({ code, output: code === 0 ? '' : output.text }).toEqual({ code: 0, output: '' });
    }
  }, 60_000);
});
