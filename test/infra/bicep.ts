// Reads the Bicep files with the real tree-sitter-bicep grammar and answers the questions the infra tests ask of them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

export const INFRA_DIR = path.resolve(__dirname, '../../infra');

export interface BicepFile {
  /** Path relative to the repository root, as messages show it. */
  path: string;
  root: Node;
}

let parser: Promise<Parser> | undefined;
const files = new Map<string, Promise<BicepFile>>();

/** Every .bicep and .bicepparam file under infra/, parsed. */
export async function infraFiles(): Promise<BicepFile[]> {
  return Promise.all(bicepPaths(INFRA_DIR).map(parseFile));
}

/** One file under infra/, parsed, e.g. `modules/storage.bicep`. */
export function infraFile(relativePath: string): Promise<BicepFile> {
  return parseFile(path.join(INFRA_DIR, relativePath));
}

/** Parses source text (for tests of this helper); `.bicepparam` rules apply when the name says so. */
export async function parseSource(source: string, name = 'inline.bicep'): Promise<BicepFile> {
  const tree = (await bicepParser()).parse(name.endsWith('.bicepparam') ? asBicep(source) : source);
  if (!tree) throw new Error(`tree-sitter returned no tree for ${name}`);
  return { path: name, root: tree.rootNode };
}

/** `file:line:column` for every ERROR and MISSING node: an empty list means the file is syntactically valid. */
export function syntaxProblems(file: BicepFile): string[] {
  return descendants(file.root)
    .filter((node) => node.type === 'ERROR' || node.isMissing)
    .map((node) => {
      const where = `${file.path}:${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      return node.isMissing
        ? `${where} missing ${node.type}`
        : `${where} syntax error near ${JSON.stringify(node.text.slice(0, 40))}`;
    });
}

export interface BicepParameter {
  name: string;
  line: number;
  /** The text of its `@description('...')`, if it has one. */
  description?: string;
}

export function parameters(file: BicepFile): BicepParameter[] {
  return file.root.namedChildren
    .filter((node) => node.type === 'parameter_declaration')
    .map((node) => ({
      name: node.namedChildren[0]?.text ?? '',
      line: node.startPosition.row + 1,
      description: descriptionOf(node),
    }));
}

/** Top-level declarations of one kind (`output_declaration`, `module_declaration`, ...) by name. */
export function declarations(file: BicepFile, type: string): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const node of file.root.namedChildren) {
    if (node.type === type) found.set(node.namedChildren[0]?.text ?? '', node);
  }
  return found;
}

export interface BicepResource {
  symbol: string;
  /** Resource type without the API version, e.g. `Microsoft.Storage/storageAccounts`. */
  type: string;
  apiVersion: string;
  existing: boolean;
  /** The resource body (inside a loop or condition when there is one). */
  body: Node;
  /** The loop's collection expression, e.g. `storageNames.tables`, when the resource is declared in a loop. */
  loopOver?: string;
}

export function resources(file: BicepFile, type?: string): BicepResource[] {
  return descendants(file.root)
    .filter((node) => node.type === 'resource_declaration')
    .map(toResource)
    .filter((resource) => type === undefined || resource.type.toLowerCase() === type.toLowerCase());
}

/** The one resource of a type (and name, when given); throws when there is none or more than one. */
export function resource(file: BicepFile, type: string, name?: string): BicepResource {
  const matches = resources(file, type).filter((r) => name === undefined || valueText(r.body, 'name') === `'${name}'`);
  if (matches.length !== 1) {
    throw new Error(`${file.path}: expected one ${type}${name ? ` named ${name}` : ''}, found ${matches.length}`);
  }
  return matches[0]!;
}

/** The value node at a dotted property path inside an object, e.g. `properties.siteConfig.ftpsState`. */
export function valueAt(object: Node, dottedPath: string): Node | undefined {
  let current: Node | undefined = object;
  for (const key of dottedPath.split('.')) {
    if (current?.type !== 'object') return undefined;
    current = propertyValue(current, key);
  }
  return current;
}

/** Source text of the value at a path, e.g. `'TLS1_2'`, `false`, `roleIds.keyVaultSecretsUser`. */
export function valueText(object: Node, dottedPath: string): string | undefined {
  return valueAt(object, dottedPath)?.text;
}

/** Keys of an object literal, quoted keys unquoted. */
export function objectKeys(object: Node): string[] {
  return object.namedChildren.filter((node) => node.type === 'object_property').map((node) => keyOf(node));
}

/** A single-quoted string literal without interpolation, unquoted; undefined for anything else. */
export function literalString(node: Node | undefined): string | undefined {
  if (node?.type !== 'string' || node.namedChildren.some((child) => child.type === 'interpolation')) return undefined;
  return node.namedChildren.map((child) => child.text).join('');
}

/** The value of a top-level `var`. */
export function variable(file: BicepFile, name: string): Node | undefined {
  return declarations(file, 'variable_declaration').get(name)?.namedChildren[1];
}

export function descendants(node: Node): Node[] {
  const all: Node[] = [];
  const visit = (current: Node): void => {
    all.push(current);
    for (const child of current.children) visit(child);
  };
  visit(node);
  return all;
}

function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    // Bytes, not a path: loading from a path uses a dynamic import that Jest's CommonJS sandbox refuses.
    const bicep = await Language.load(readFileSync(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')));
    return new Parser().setLanguage(bicep);
  })();
  return parser;
}

function parseFile(absolutePath: string): Promise<BicepFile> {
  let file = files.get(absolutePath);
  if (!file) {
    const name = path.relative(path.resolve(INFRA_DIR, '..'), absolutePath);
    file = parseSource(readFileSync(absolutePath, 'utf8'), name);
    files.set(absolutePath, file);
  }
  return file;
}

function bicepPaths(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return bicepPaths(full);
    return /\.bicep(param)?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The grammar predates `.bicepparam` assignments (`param name = value`, no type), the one construct it lacks.
 * Reading them as `var name = value` keeps every column and line and leaves the rest to the real grammar.
 */
function asBicep(source: string): string {
  return source.replace(/^param(\s+[A-Za-z_]\w*\s*=)/gm, 'var  $1');
}

function descriptionOf(declaration: Node): string | undefined {
  let previous = declaration.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  if (previous?.type !== 'decorators') return undefined;
  for (const decorator of previous.namedChildren) {
    const call = decorator.namedChildren[0];
    if (call?.childForFieldName('function')?.text === 'description') {
      return literalString(call.childForFieldName('arguments')?.namedChildren[0]);
    }
  }
  return undefined;
}

function toResource(node: Node): BicepResource {
  const [symbol, typeString] = node.namedChildren;
  const [type = '', apiVersion = ''] = (literalString(typeString) ?? '').split('@');
  const declared = node.namedChildren[2]!;
  const loop = declared.type === 'for_statement' ? declared : undefined;
  let body = loop ? loop.childForFieldName('body')! : declared;
  if (body.type === 'if_statement') body = body.namedChildren.find((child) => child.type === 'object')!;
  return {
    symbol: symbol?.text ?? '',
    type,
    apiVersion,
    existing: node.children.some((child) => child.type === 'existing'),
    body,
    loopOver: loop?.namedChildren.at(-2)?.text,
  };
}

function propertyValue(object: Node, key: string): Node | undefined {
  const property = object.namedChildren.find((node) => node.type === 'object_property' && keyOf(node) === key);
  return property?.namedChildren.at(-1);
}

function keyOf(property: Node): string {
  const key = property.namedChildren[0];
  return literalString(key) ?? key?.text ?? '';
}
