// The real Bicep CLI for the infra tests: compiles, lints and snapshots infra/ and answers in the compiler's own terms.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const INFRA_DIR = path.join(ROOT, 'infra');

/** The version `.ci/run` restores from NuGet (Azure.Bicep.CommandLine.linux-x64). */
export const BICEP_VERSION = '0.49.2';

/** Where `.ci/run` (and `npm run bicep:install`) restore the compiler: `dotnet restore .ci/bicep --packages ...`. */
const RESTORED = path.join(ROOT, '.ci/bicep/packages/azure.bicep.commandline.linux-x64', BICEP_VERSION, 'tools/bicep');

export const HOW_TO_GET_BICEP =
  'run `npm run bicep:install` (needs the .NET SDK and NuGet), set BICEP_PATH, put `bicep` on PATH, or `az bicep install`';

/**
 * The compiler, looked up in order: BICEP_PATH, the one restored into .ci/bicep, `bicep` on PATH, and the one
 * `az bicep install` keeps in ~/.azure/bin. Undefined when there is none.
 */
export function findBicep(): string | undefined {
  const candidates = [
    process.env.BICEP_PATH,
    RESTORED,
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => dir && path.join(dir, 'bicep')),
    path.join(os.homedir(), '.azure/bin/bicep'),
  ];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && runs(candidate!));
}

function runs(candidate: string): boolean {
  if (!existsSync(candidate)) return false;
  return spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0;
}

export interface Diagnostic {
  file: string;
  line: number;
  level: 'Error' | 'Warning' | 'Info';
  code: string;
  message: string;
}

export interface BicepRun {
  status: number | null;
  stdout: string;
  diagnostics: Diagnostic[];
  /** Everything the compiler printed on stderr, for failure messages. */
  stderr: string;
}

const DIAGNOSTIC = /^(.+)\((\d+),\d+\) : (Error|Warning|Info) ([\w-]+): (.*)$/;

/** Runs the compiler with `args`; env adds to (and overrides) the test process's environment. */
export function runBicep(bicep: string, args: string[], env: Record<string, string> = {}): BicepRun {
  const result = spawnSync(bicep, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const diagnostics = result.stderr
    .split('\n')
    .map((line) => DIAGNOSTIC.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, file, line, level, code, message]) => ({
      file: path.relative(ROOT, file!),
      line: Number(line),
      level: level as Diagnostic['level'],
      code: code!,
      message: message!,
    }));
  return { status: result.status, stdout: result.stdout, diagnostics, stderr: result.stderr };
}

/** Errors and warnings as `file:line level code: message`, the form a failing test prints. */
export function problems(run: BicepRun): string[] {
  return run.diagnostics
    .filter((diagnostic) => diagnostic.level !== 'Info')
    .map((d) => `${d.file}:${d.line} ${d.level} ${d.code}: ${d.message}`);
}

/** Dummies for what infra/main.bicepparam reads from the environment (its secrets never come from the file). */
export const PARAMETER_ENVIRONMENT = {
  SIGN_IN_CLIENT_ID: '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f',
  SIGN_IN_CLIENT_SECRET: 'dummy-sign-in-client-secret',
  APP_SECRET: 'dummy-app-secret-of-at-least-32-characters-long',
  APP_VERSION: '1.2.3-test',
  SUPPORT_CONTACT: 'support@contoso.example',
} as const;

/** Where a snapshot pretends to deploy. */
export const SNAPSHOT_SCOPE = {
  subscriptionId: '7d3f2c1b-0a9e-4d8c-b7a6-5f4e3d2c1b0a',
  resourceGroup: 'rg-autopilot-consent',
  location: 'westeurope',
  tenantId: '3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4',
  deploymentName: 'autopilot-consent',
} as const;

export interface PredictedResource {
  id: string;
  type: string;
  name: string;
  apiVersion: string;
  location?: string;
  kind?: string;
  sku?: Record<string, unknown>;
  identity?: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ARM properties differ per resource type
  properties?: any;
}

export interface Snapshot {
  predictedResources: PredictedResource[];
  outputs: Record<string, unknown>;
  diagnostics: unknown[];
}

export type SnapshotResult = { ok: true; snapshot: Snapshot; run: BicepRun } | { ok: false; run: BicepRun };

/**
 * What ARM would deploy for a parameters file: `bicep snapshot` evaluates the template with the parameters (every
 * expression that does not need a live resource, `fail()` included). `paramsSource` is `.bicepparam` text whose
 * `using` names `main.bicep`; it is written to a temporary folder and pointed at infra/main.bicep.
 */
export function snapshot(bicep: string, paramsSource: string, env: Record<string, string> = {}): SnapshotResult {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bicep-snapshot-'));
  try {
    const using = path.relative(folder, path.join(INFRA_DIR, 'main.bicep')).split(path.sep).join('/');
    const paramsFile = path.join(folder, 'deployment.bicepparam');
    writeFileSync(paramsFile, paramsSource.replace(/^using 'main\.bicep'$/m, `using '${using}'`));
    const scope = SNAPSHOT_SCOPE;
    const run = runBicep(
      bicep,
      [
        'snapshot',
        paramsFile,
        '--mode',
        'overwrite',
        '--subscription-id',
        scope.subscriptionId,
        '--resource-group',
        scope.resourceGroup,
        '--location',
        scope.location,
        '--tenant-id',
        scope.tenantId,
        '--deployment-name',
        scope.deploymentName,
      ],
      env,
    );
    const output = path.join(folder, 'deployment.snapshot.json');
    if (run.status !== 0 || !existsSync(output)) return { ok: false, run };
    return { ok: true, run, snapshot: JSON.parse(readFileSync(output, 'utf8')) as Snapshot };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The text of infra/main.bicepparam, the parameters the deploy guide uses. */
export function mainParameters(): string {
  return readFileSync(path.join(INFRA_DIR, 'main.bicepparam'), 'utf8');
}

/** The one predicted resource of `type` (and `name`'s last segment, when given); throws when there is not exactly one. */
export function predicted(resources: PredictedResource[], type: string, name?: string): PredictedResource {
  const found = resources.filter(
    (resource) => resource.type === type && (name === undefined || resource.name.split('/').pop() === name),
  );
  if (found.length !== 1) throw new Error(`expected one ${type}${name ? ` named ${name}` : ''}, found ${found.length}`);
  return found[0]!;
}

/** An ARM template as `bicep build` writes it (modules become nested deployments with their own templates). */
export interface ArmTemplate {
  parameters?: Record<string, { type: string; metadata?: { description?: string } }>;
  outputs?: Record<string, unknown>;
  resources: ArmResource[] | Record<string, ArmResource>;
}

export interface ArmResource {
  type: string;
  apiVersion?: string;
  name: unknown;
  existing?: boolean;
  properties?: { template?: ArmTemplate; [key: string]: unknown };
}

/** Compiles a .bicep file to its ARM template. */
export function build(bicep: string, file: string): { run: BicepRun; template?: ArmTemplate } {
  const run = runBicep(bicep, ['build', file, '--stdout']);
  return { run, template: run.status === 0 ? (JSON.parse(run.stdout) as ArmTemplate) : undefined };
}

/** The modules of a compiled main template: deployment name expression and the module's own template. */
export function nestedTemplates(template: ArmTemplate): { name: unknown; template: ArmTemplate }[] {
  return Object.values(template.resources)
    .filter((resource) => resource.type === 'Microsoft.Resources/deployments' && resource.properties?.template)
    .map((resource) => ({ name: resource.name, template: resource.properties!.template! }));
}

/**
 * `describe` for tests that need the compiler. Without one they are skipped with a message saying how to get one,
 * except under CI=true, where a missing compiler is a failure (as a missing browser is for the browser suite).
 */
export function describeWithBicep(name: string, body: (bicep: string) => void): void {
  const bicep = findBicep();
  if (bicep) {
    describe(name, () => body(bicep));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs the Bicep CLI: a missing compiler is a failure when CI=true', () => {
        throw new Error(`CI=true but no Bicep CLI was found; .ci/run restores it. To get one: ${HOW_TO_GET_BICEP}.`);
      });
    });
  } else {
    console.warn(`SKIPPED ${name}: no Bicep CLI found; ${HOW_TO_GET_BICEP}.`);
    describe.skip(`${name} — SKIPPED: no Bicep CLI (${HOW_TO_GET_BICEP})`, () => body(''));
  }
}
