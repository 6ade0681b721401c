// npm run package: bundles the app into dist/package and zips it as dist/autopilot-consent.zip for Flex Consumption.
import { copyFileSync, createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import yazl from 'yazl';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'dist', 'package');
const ZIP_PATH = path.join(ROOT, 'dist', 'autopilot-consent.zip');
/** The Functions worker provides this module at run time; it must stay a plain require. */
const PROVIDED_BY_WORKER = ['@azure/functions-core'];
/** Code that must never ship: the local host and the tests. */
const NOT_SHIPPED = /^(dev|test|bench)\//;
/** Fixed timestamp for zip entries, so the same sources make the same zip. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');
const FILES = ['index.js', 'host.json', 'package.json'];
/**
 * Some Azure SDK packages are bundled from their ESM builds, which read `import.meta.url` (for createRequire).
 * In a CommonJS bundle that is empty, so it is defined as the bundle's own file URL.
 */
const IMPORT_META_URL = 'importMetaUrl';

const project = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });

const { metafile } = await build({
  absWorkingDir: ROOT,
  entryPoints: ['index.ts'],
  outfile: path.join(OUT_DIR, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: PROVIDED_BY_WORKER,
  define: { 'import.meta.url': IMPORT_META_URL },
  banner: { js: `const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;` },
  tsconfig: 'tsconfig.build.json',
  metafile: true,
  logLevel: 'warning',
});

const shippedLocalCode = Object.keys(metafile.inputs).filter((input) => NOT_SHIPPED.test(input));
if (shippedLocalCode.length > 0) {
  throw new Error(`The bundle must not contain local-only code:\n  ${shippedLocalCode.join('\n  ')}`);
}

copyFileSync(path.join(ROOT, 'host.json'), path.join(OUT_DIR, 'host.json'));
writeFileSync(path.join(OUT_DIR, 'package.json'), `${JSON.stringify(deployedManifest(project), null, 2)}\n`);
await zipFiles(OUT_DIR, FILES, ZIP_PATH);

const bundleBytes = metafile.outputs[path.relative(ROOT, path.join(OUT_DIR, 'index.js'))]?.bytes ?? 0;
console.log(
  `Packaged ${project.name} ${project.version}: ${path.relative(ROOT, ZIP_PATH)} (bundle ${kib(bundleBytes)})`,
);

/** The package.json Azure sees: the entry point and no dependencies, since everything is bundled. */
function deployedManifest({ name, version, description }) {
  return { name, version, description, private: true, main: 'index.js', dependencies: {} };
}

function zipFiles(directory, names, destination) {
  const zip = new yazl.ZipFile();
  for (const name of names) zip.addFile(path.join(directory, name), name, { mtime: ZIP_MTIME, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(destination)).on('close', resolve).on('error', reject);
  });
}

function kib(bytes) {
  return `${Math.round(bytes / 1024)} KiB`;
}
