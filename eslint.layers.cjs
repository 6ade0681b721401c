// The layering of shared/ as lint rules (docs/architecture.md draws it): each folder may import only the folders listed
// for it, so no two folders import each other and nothing in shared/ reaches out to the adapters or tools.

/**
 * What each part of shared/ may import besides itself, lowest first. Folders are shared/<name>/; top-level modules are
 * shared/<name>.ts. An entry names only entries above it in this list, which is what keeps the graph free of cycles
 * (test/unit/host/layering.test.ts checks both that and that the rules bite).
 */
const LAYERS = {
  errors: [],
  domain: ['errors'],
  config: ['domain'],
  hostSettings: [],
  schemas: ['domain', 'errors'],
  auth: ['config', 'domain', 'errors'],
  pages: ['auth', 'domain'],
  email: ['config', 'domain', 'pages'],
  evidence: ['config', 'domain', 'pages'],
  storage: ['auth', 'config', 'domain', 'errors'],
  http: ['config', 'errors', 'pages', 'schemas', 'storage'],
  oem: ['errors', 'schemas'],
  openapi: ['http', 'schemas'],
  functionRegistry: ['http', 'openapi'],
  customer: ['auth', 'config', 'domain', 'errors', 'http', 'pages', 'storage'],
  webhooks: ['config', 'domain', 'errors', 'schemas', 'storage'],
  consent: [
    'auth',
    'config',
    'customer',
    'domain',
    'email',
    'errors',
    'evidence',
    'hostSettings',
    'pages',
    'schemas',
    'storage',
  ],
  portal: [
    'auth',
    'config',
    'consent',
    'customer',
    'domain',
    'errors',
    'http',
    'pages',
    'schemas',
    'storage',
    'webhooks',
  ],
};

/** Files outside shared/ that a layer may read (JSON the code imports rather than restates). */
const OUTSIDE = {
  config: ['package.json'],
  hostSettings: ['host.json'],
  storage: ['infra/storage-names.json'],
};

/** The adapters and tools: shared/ never imports them. */
const OUTER = ['functions', 'dev', 'cli', 'bench', 'test', 'index'];

/** Top-level modules of shared/ (the rest are folders). */
const MODULES = ['errors', 'config', 'hostSettings', 'functionRegistry'];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** From a file of `layer`, the specifier prefix that reaches shared/<other>: `../x` in a folder, `./x` at the top. */
function prefixFrom(layer) {
  return MODULES.includes(layer) ? './' : '../';
}

/** The ESLint config objects that enforce LAYERS, OUTSIDE and OUTER. */
function layeringConfigs() {
  return Object.entries(LAYERS).map(([layer, allowed]) => {
    const prefix = prefixFrom(layer);
    const up = MODULES.includes(layer) ? '../' : '../../';
    const others = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
    const outside = (OUTSIDE[layer] ?? []).map((file) => escape(file));
    const patterns = [
      {
        regex: `^${escape(prefix)}(${others.map(escape).join('|')})(/|$)`,
        message: `shared/${layer} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (eslint.layers.cjs).`,
      },
      {
        regex: `^${escape(up)}(?!${outside.length ? `(${outside.join('|')})$` : '$^'})`,
        message: `shared/${layer} does not reach outside shared/ (adapters, tools, other files): ${OUTER.join(', ')} import it, not the other way round.`,
      },
    ];
    if (layer === 'domain') {
      patterns.push({
        regex: '^[^.]',
        message: 'shared/domain is pure: it imports no package, only itself and the error kinds.',
      });
    }
    const paths =
      layer === 'consent'
        ? [
            {
              name: '@azure/functions',
              message: 'Use cases never see the Functions host: the function file reads the trigger.',
            },
          ]
        : [];
    return {
      files: MODULES.includes(layer) ? [`shared/${layer}.ts`] : [`shared/${layer}/**/*.ts`, `shared/${layer}/**/*.tsx`],
      rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
    };
  });
}

module.exports = { LAYERS, OUTSIDE, OUTER, layeringConfigs };
