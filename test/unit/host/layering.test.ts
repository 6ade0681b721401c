// One layering, enforced: the lint rules of eslint.layers.cjs form no cycle, and they fail each offence the review found.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the layering table is the lint config's own CommonJS
const layers = require('../../../eslint.layers.cjs') as {
  LAYERS: Record<string, string[]>;
  layeringConfigs(): ESLint.Options['overrideConfig'][];
};

const ROOT = path.resolve(__dirname, '../../..');

/** Lints `code` as if it were the file at `file` (relative to the repository), with the layering rules only. */
async function offences(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
      ...(layers.layeringConfigs() as NonNullable<ESLint.Options['overrideConfig']>[]),
    ] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('the layering of shared/', () => {
  it('no two parts import each other: each names only parts listed before it', () => {
    const order = Object.keys(layers.LAYERS);
    const backwards = Object.entries(layers.LAYERS).flatMap(([layer, allowed]) =>
      allowed.filter((other) => order.indexOf(other) < 0 || order.indexOf(other) >= order.indexOf(layer)),
    );
    expect(backwards).toEqual([]);
  });

  it.each([
    [
      'the domain imports storage',
      'shared/domain/offence.ts',
      "import { findPartner } from '../storage/partnerStore';",
    ],
    ['the domain imports a package', 'shared/domain/offence.ts', "import { z } from 'zod';"],
    [
      'auth imports storage (the cycle the review found)',
      'shared/auth/offence.ts',
      "import { findApiKey } from '../storage/apiKeyStore';",
    ],
    [
      'config imports email (the other cycle)',
      'shared/config.ts',
      "import type { AcsConnection } from './email/sender';",
    ],
    [
      'storage imports a use case',
      'shared/storage/offence.ts',
      "import { liveDependencies } from '../consent/dependencies';",
    ],
    [
      'a use case imports the Functions host',
      'shared/consent/offence.ts',
      "import type { HttpRequest } from '@azure/functions';",
    ],
    ['shared imports a function file', 'shared/http/offence.ts', "import { health } from '../../functions/health';"],
    ['shared imports the local host', 'shared/customer/offence.ts', "import { localSignIn } from '../../dev/signIn';"],
    [
      'pages import use cases',
      'shared/pages/offence.tsx',
      "import { partnersOfTenant } from '../consent/tenantPartners';",
    ],
  ])('fails when %s', async (_, file, code) => {
    expect(await offences(file, `${code}\nexport const used = 1;\n`)).toEqual([
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
  });

  it.each([
    [
      'a use case imports a store and the domain',
      'shared/consent/fine.ts',
      "import { findPartner } from '../storage/partnerStore';\nimport { issueConsent } from '../domain/consent';",
    ],
    ['the domain imports the error kinds', 'shared/domain/fine.ts', "import { invalid } from '../errors';"],
    [
      'storage imports the names it shares with the Bicep',
      'shared/storage/fine.ts',
      "import names from '../../infra/storage-names.json';",
    ],
  ])('allows %s', async (_, file, code) => {
    expect(await offences(file, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });
});
