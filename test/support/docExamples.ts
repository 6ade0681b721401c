// The docs' examples as a reader meets them: shell blocks of a markdown file in document order, with their markers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An HTML comment on the line before a fence (invisible when the markdown is rendered) says how the test treats it:
 * `<!-- docs-test: skip: <why> -->` — not run (a deployment, an install): the test lists it as skipped;
 * `<!-- docs-test: provided NAME … -->` — a block that sets values only the reader has (their address, their key);
 * the test sets those variables to its own instead of running the block.
 * Every other shell block runs, in order, in one shell per document.
 */
export type DocBlock =
  | { kind: 'run'; where: string; text: string }
  | { kind: 'skip'; where: string; text: string; reason: string }
  | { kind: 'provided'; where: string; text: string; names: string[] };

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell']);
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const MARKER = /^\s*<!--\s*docs-test:\s*(.*?)\s*-->\s*$/;

/** The shell blocks of `file` (relative to `root`), in document order; throws on a marker it does not understand. */
export function docBlocks(root: string, file: string): DocBlock[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  let marker: { text: string; line: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const markerMatch = MARKER.exec(line);
    if (markerMatch) {
      marker = { text: markerMatch[1]!, line: index + 1 };
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (marker && line.trim())
        throw new Error(`${file}:${marker.line}: a docs-test marker must stand before a fence`);
      continue;
    }
    const [, indent = '', ticks = '', language = ''] = fence;
    const end = lines.findIndex((candidate, at) => at > index && candidate.trim() === ticks);
    if (end < 0) throw new Error(`${file}:${index + 1}: a fence that is never closed`);
    const text = lines
      .slice(index + 1, end)
      .map((content) => (content.startsWith(indent) ? content.slice(indent.length) : content.trimStart()))
      .join('\n');
    const where = `${file}:${index + 1}`;
    if (SHELL_LANGUAGES.has(language)) blocks.push(blockOf(where, text, marker?.text));
    else if (/\bcurl\s/.test(text))
      throw new Error(`${where}: a curl outside a shell block (\`\`\`sh) would not be run`);
    else if (marker) throw new Error(`${file}:${marker.line}: a docs-test marker on a block that is not shell`);
    marker = undefined;
    index = end;
  }
  return blocks;
}

function blockOf(where: string, text: string, marker: string | undefined): DocBlock {
  if (marker === undefined) return { kind: 'run', where, text };
  const skip = /^skip:\s*(.+)$/.exec(marker);
  if (skip) return { kind: 'skip', where, text, reason: skip[1]! };
  const provided = /^provided\s+(.+)$/.exec(marker);
  if (!provided) throw new Error(`${where}: unknown docs-test marker "${marker}" (skip: <why> | provided NAME …)`);
  const names = provided[1]!.split(/\s+/);
  const unset = names.filter((name) => !new RegExp(`^${name}=`, 'm').test(text));
  if (unset.length) throw new Error(`${where}: the block does not set ${unset.join(', ')}, which its marker names`);
  return { kind: 'provided', where, text, names };
}

/**
 * One bash script for a document's blocks: strict (`set -euo pipefail`, so a failing command or an unset variable
 * stops it) and with every `curl` failing on an HTTP error status (`--fail-with-body`, the answer still shown). Each
 * block first prints a line naming it, so a failure can be traced to its block.
 */
export function scriptOf(blocks: readonly DocBlock[], values: (name: string) => string): string {
  const parts = [
    'set -euo pipefail',
    'shopt -s inherit_errexit',
    'curl() { command curl --fail-with-body --show-error "$@"; }',
  ];
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'skip') continue;
    parts.push(`printf '\\n${BLOCK_LINE} %d\\n' ${index}`);
    if (block.kind === 'run') parts.push(block.text);
    else parts.push(...block.names.map((name) => `${name}=${shellQuoted(values(name))}`));
  }
  parts.push(`printf '\\n${DONE_LINE}\\n'`);
  return `${parts.join('\n')}\n`;
}

/** What a script printed, block by block; `finished` is false when it stopped before its end. */
export function outputByBlock(output: string): { printed: Map<number, string>; last?: number; finished: boolean } {
  const printed = new Map<number, string>();
  let last: number | undefined;
  let finished = false;
  for (const line of output.split('\n')) {
    const started = new RegExp(`^${BLOCK_LINE} (\\d+)$`).exec(line);
    if (started) {
      last = Number(started[1]);
      printed.set(last, '');
    } else if (line === DONE_LINE) finished = true;
    else if (last !== undefined) printed.set(last, `${printed.get(last)}${line}\n`);
  }
  return { printed, last, finished };
}

/**
 * A copy of an .http file with the values of its `@name = value` lines replaced: the lines it tells the reader to
 * edit. Throws when one of them is not there exactly once.
 */
export function httpFileWith(text: string, values: Record<string, string>): string {
  let result = text;
  for (const [name, value] of Object.entries(values)) {
    const line = new RegExp(`^@${name}\\s*=.*$`, 'gm');
    const found = result.match(line)?.length ?? 0;
    if (found !== 1) throw new Error(`the .http file sets @${name} ${found} times; the test expects it once`);
    result = result.replace(line, `@${name} = ${value}`);
  }
  return result;
}

const BLOCK_LINE = '::docs-test block';
const DONE_LINE = '::docs-test done';

function shellQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
