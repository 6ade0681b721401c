// How input that does not fit its schema reads to a person: the one mapping from zod issues to messages that name
// the field and say what to send instead. A schema's own message (`must be a GUID …`) wins; this covers the rest.
import { z } from 'zod';
import type { ErrorCode, FieldError } from '../errors';
import { fieldHints } from '../schemas/common';

/** Where the input came from: names its top level in `errors[].path` and says how a missing piece is added. */
export type InputPlace = 'body' | 'query' | 'path';

type Issue = z.core.$ZodRawIssue;

/** How each place is named when the problem is the input as a whole rather than one of its fields. */
const TOP_LEVEL: Record<InputPlace, string> = { body: 'body', query: 'query', path: 'path' };

/** What a value of each JSON type reads as in a message, for the types our schemas expect. */
const EXPECTED: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a JSON object { … }',
  array: 'a list [ … ]',
};

/** The string formats our schemas leave to zod, each with an example to copy (others bring their own message). */
const FORMATS: Record<string, string> = {
  email: 'an email address such as it-admin@contoso.com',
};

/**
 * The zod error map for input from `place`: called only for issues whose schema brings no message of its own. `root`
 * is the schema the input is validated against; the fieldHints of its fields say what a missing one should hold.
 */
export function issueMessages(place: InputPlace, root: z.ZodType): (issue: Issue) => string {
  return (issue) => {
    if (issue.input === undefined && issue.code !== 'unrecognized_keys') return missing(issue, place, root);
    switch (issue.code) {
      case 'invalid_type':
        return wrongType(issue.expected, issue.input, issue.inst);
      case 'too_small':
        return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.input);
      case 'too_big':
        return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.input);
      case 'invalid_format':
        return `must be ${FORMATS[issue.format] ?? 'in the documented form (see GET /api/openapi.json)'}`;
      case 'invalid_value':
        return `must be ${oneOf(issue.values)}, not ${described(issue.input)}`;
      case 'unrecognized_keys':
        return `is not part of this request: remove it${fieldsOf(issue.inst)}`;
      case 'not_multiple_of':
        return `must be a multiple of ${issue.divisor}`;
      default:
        return 'is not valid here: see GET /api/openapi.json for what this request takes';
    }
  };
}

/**
 * The field errors of failed input, at most `limit` of them: one per issue, and one per unknown field (a body with
 * 200 000 unknown keys costs `limit` errors, not 200 000). Paths and messages are as long as the input made them.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], place: InputPlace, limit: number): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const at = issue.path.map(String);
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key]) : [at];
    for (const path of paths) {
      if (errors.length === limit) return errors;
      errors.push({ path: path.join('.') || TOP_LEVEL[place], message: issue.message, ...codeOf(issue) });
    }
  }
  return errors;
}

/** The codes our schemas' own refinements give their issues (`params.code`), for pages that word them themselves. */
const REFINEMENT_CODES: readonly ErrorCode[] = ['control-characters', 'web-address'];

/** What an issue is, as a stable code and the bound it broke: what the portal words in the reader's language. */
function codeOf(issue: z.core.$ZodIssue): Pick<FieldError, 'code' | 'limit'> {
  if (issue.input === undefined && issue.code !== 'unrecognized_keys') return { code: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' && typeof issue.input === 'number') return { code: 'not-whole-number' };
      return { code: issue.expected === 'number' || issue.expected === 'int' ? 'not-a-number' : 'wrong-type' };
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return limit === 1 ? { code: 'empty' } : { code: 'too-short', limit };
      return { code: issue.origin === 'array' ? 'too-few' : 'too-small', limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      const byOrigin: Record<string, ErrorCode> = { string: 'too-long', array: 'too-many' };
      return { code: byOrigin[issue.origin] ?? 'too-big', limit };
    }
    case 'invalid_format':
      return { code: 'invalid-format' };
    case 'invalid_value':
      return { code: 'not-allowed' };
    case 'unrecognized_keys':
      return { code: 'unknown-field' };
    case 'custom': {
      const code = REFINEMENT_CODES.find((known) => known === issue.params?.code);
      return code ? { code } : {};
    }
    default:
      return {};
  }
}

/** How many field errors the issues make in all (fieldErrorsOf reports at most its limit of them). */
export function fieldErrorCount(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((count, issue) => count + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1), 0);
}

function missing(issue: Issue, place: InputPlace, root: z.ZodType): string {
  const path = issue.path ?? [];
  const hint = hintOf(fieldAt(root, path));
  if (place === 'query') return `is required: add ?${String(path.at(-1))}=<${hint ?? 'value'}> to the address`;
  if (hint) return `is required: add it (${hint})`;
  if (issue.code === 'invalid_value') return `is required: add it, as ${oneOf(issue.values)}`;
  if (issue.code !== 'invalid_type') return 'is required: add it';
  return `is required: add it, as ${EXPECTED[issue.expected] ?? issue.expected}${fieldsOf(issue.inst)}`;
}

/** The schema of the field at `path` under `root`, through objects, lists and wrappers; undefined off the map. */
function fieldAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = root;
  for (const key of path) {
    while (at && !(at instanceof z.ZodObject) && !(at instanceof z.ZodArray)) at = wrapped(at);
    at =
      at instanceof z.ZodObject
        ? (at.shape as Record<PropertyKey, z.ZodType>)[key]
        : (at?.element as z.ZodType | undefined);
  }
  return at;
}

/** The hint registered on a field or on anything it wraps (optional, default, a pipe's input). */
function hintOf(field: z.ZodType | undefined): string | undefined {
  for (let at = field; at; at = wrapped(at)) {
    const hint = fieldHints.get(at)?.hint;
    if (hint) return hint;
  }
  return undefined;
}

function wrapped(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return schema.unwrap() as z.ZodType;
  }
  return schema instanceof z.ZodPipe ? (schema.in as z.ZodType) : undefined;
}

function wrongType(expected: string, input: unknown, inst: Issue['inst']): string {
  if ((expected === 'number' || expected === 'int') && Number.isNaN(input)) return `must be ${EXPECTED[expected]}`;
  if (expected === 'int' && typeof input === 'number') return `must be a whole number, not ${input}`;
  const wanted = `must be ${EXPECTED[expected] ?? expected}, not ${described(input)}`;
  if (typeof input === 'string' && input.trim() !== '' && (expected === 'number' || expected === 'int')) {
    if (!Number.isNaN(Number(input))) return `${wanted}: send ${input.trim()} without quotes`;
  }
  if (typeof input === 'string' && expected === 'boolean' && (input === 'true' || input === 'false')) {
    return `${wanted}: send ${input} without quotes`;
  }
  return `${wanted}${expected === 'object' ? fieldsOf(inst) : ''}`;
}

function tooSmall(origin: string, minimum: number, inclusive: boolean, input: unknown): string {
  if (origin === 'string' && minimum === 1) return 'must not be empty';
  if (origin === 'string') return `must be at least ${minimum} characters long (it has ${lengthOf(input)})`;
  if (origin === 'array') return `must hold at least ${minimum} ${minimum === 1 ? 'item' : 'items'}`;
  return `must be ${inclusive ? 'at least' : 'more than'} ${minimum}, not ${described(input)}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean, input: unknown): string {
  if (origin === 'string') return `must be at most ${maximum} characters long (it has ${lengthOf(input)})`;
  if (origin === 'array') return `must hold at most ${maximum} items (it has ${lengthOf(input)})`;
  return `must be ${inclusive ? 'at most' : 'less than'} ${maximum}, not ${described(input)}`;
}

/** "; the fields here are a, b, c" for an object schema, to end a message with; nothing for anything else. */
function fieldsOf(inst: Issue['inst']): string {
  if (!(inst instanceof z.ZodObject)) return '';
  const names = Object.keys(inst.shape);
  return names.length ? `; the fields here are ${names.join(', ')}` : '; no fields are taken here';
}

function oneOf(values: readonly unknown[]): string {
  const listed = values.map((value) => JSON.stringify(value));
  return listed.length === 1 ? listed[0]! : `one of ${listed.join(', ')}`;
}

/** A value as a message quotes it: its JSON type, and short values themselves. */
function described(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') {
    return input.length > 40 ? `a text of ${input.length} characters` : `the text ${JSON.stringify(input)}`;
  }
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return 'an object';
}

function lengthOf(input: unknown): number {
  return typeof input === 'string' || Array.isArray(input) ? input.length : 0;
}
