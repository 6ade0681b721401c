// D6: the real Bicep compiler builds, builds the parameters of, and lints infra/ with no error and no warning.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  build,
  describeWithBicep,
  INFRA_DIR,
  mainParameters,
  PARAMETER_ENVIRONMENT,
  problems,
  runBicep,
  snapshot,
} from './bicep';

/** Linter rules that guard what matters here; bicepconfig.json must make each an error (or at least a warning). */
const REQUIRED_RULES: Record<string, 'error' | 'warning'> = {
  'no-hardcoded-env-urls': 'error',
  'secure-secrets-in-params': 'error',
  'outputs-should-not-contain-secrets': 'error',
  'use-secure-value-for-secure-inputs': 'error',
  'no-unused-params': 'error',
  'no-unused-vars': 'error',
  'use-recent-api-versions': 'warning',
};

describeWithBicep('infra/ under the real Bicep compiler', (bicep) => {
  it('D6: bicepconfig.json turns on the rules that matter at the level they need', () => {
    const config = JSON.parse(readFileSync(path.join(INFRA_DIR, 'bicepconfig.json'), 'utf8')) as {
      analyzers: { core: { enabled: boolean; rules: Record<string, { level: string }> } };
    };
    expect(config.analyzers.core.enabled).toBe(true);
    const levels = Object.fromEntries(
      Object.keys(REQUIRED_RULES).map((rule) => [rule, config.analyzers.core.rules[rule]?.level]),
    );
    const strictEnough = (level: string | undefined, wanted: string) =>
      level === 'error' || (wanted === 'warning' && level === 'warning');
    expect(Object.entries(levels).filter(([rule, level]) => !strictEnough(level, REQUIRED_RULES[rule]!))).toEqual([]);
  });

  it('D6: every .bicep file compiles and lints with zero errors and zero warnings', () => {
    const linted = runBicep(bicep, ['lint', '--pattern', `${INFRA_DIR}/**/*.bicep`]);
    expect([...new Set(problems(linted))]).toEqual([]);
    expect(linted.status).toBe(0);
    const built = build(bicep, path.join(INFRA_DIR, 'main.bicep'));
    expect(problems(built.run)).toEqual([]);
    expect(built.template?.resources).toBeDefined();
  });

  it('D6: infra/main.bicepparam builds with its environment variables set, with zero errors and zero warnings', () => {
    const run = runBicep(bicep, ['build-params', path.join(INFRA_DIR, 'main.bicepparam'), '--stdout'], {
      ...PARAMETER_ENVIRONMENT,
    });
    expect(problems(run)).toEqual([]);
    expect(run.status).toBe(0);
    const parameters = JSON.parse((JSON.parse(run.stdout) as { parametersJson: string }).parametersJson) as {
      parameters: Record<string, { value: unknown }>;
    };
    expect(parameters.parameters.appSecret?.value).toBe(PARAMETER_ENVIRONMENT.APP_SECRET);
    expect(parameters.parameters.signIn?.value).toEqual({ clientId: PARAMETER_ENVIRONMENT.SIGN_IN_CLIENT_ID });
  });

  it.each([
    ['no-hardcoded-env-urls', "output issuer string = 'https://login.microsoftonline.com/common/v2.0'"],
    ['no-unused-params', "param unused string\noutput x string = 'x'"],
    ['no-unused-vars', "var unused = 'x'\noutput x string = 'x'"],
    ['outputs-should-not-contain-secrets', '@secure()\nparam password string\noutput leaked string = password'],
  ])('under infra/bicepconfig.json the linter fails %s', (rule, source) => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'bicep-lint-'));
    try {
      copyFileSync(path.join(INFRA_DIR, 'bicepconfig.json'), path.join(folder, 'bicepconfig.json'));
      writeFileSync(path.join(folder, 'offence.bicep'), `${source}\n`);
      const run = runBicep(bicep, ['lint', path.join(folder, 'offence.bicep')]);
      expect(run.diagnostics.map((d) => `${d.level} ${d.code}`)).toContain(`Error ${rule}`);
      expect(run.status).not.toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['upper case', 'ApConsent'],
    ['an underscore', 'ap_consent'],
    ['a leading digit', '1apconsent'],
    ['a trailing hyphen', 'apconsent-'],
    ['a double hyphen', 'ap--consent'],
  ])('a base name with %s stops the deployment before anything is created, saying why', (_, name) => {
    const result = snapshot(bicep, withName(name), { ...PARAMETER_ENVIRONMENT });
    expect(result.ok).toBe(false);
    expect(result.run.stderr).toContain('The parameter name must be 3-12 lowercase letters, digits or single hyphens');
  });

  it.each([
    [512, true],
    [1024, false],
  ])('Flex instance memory of %i MB is accepted: %s', (memory, accepted) => {
    const params = `${mainParameters()}\nparam scale = {\n  maximumInstanceCount: 40\n  instanceMemoryMB: ${memory}\n}\n`;
    const result = snapshot(bicep, params, { ...PARAMETER_ENVIRONMENT });
    expect({ memory, ok: result.ok }).toEqual({ memory, ok: accepted });
  });

  it('the base names the guide suggests deploy', () => {
    for (const name of ['apconsent', 'ap-consent-1']) {
      const result = snapshot(bicep, withName(name), { ...PARAMETER_ENVIRONMENT });
      expect({ name, ok: result.ok, problems: problems(result.run) }).toEqual({ name, ok: true, problems: [] });
    }
  });
});

/** infra/main.bicepparam with another base name. */
function withName(name: string): string {
  return mainParameters().replace(/^param name = '.*'$/m, `param name = '${name}'`);
}
