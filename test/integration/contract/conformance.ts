// Judges bodies and real answers against an OpenAPI document with ajv: schemas, formats, media types and headers.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a document read as JSON

export interface OpenApiDocument {
  openapi: string;
  paths: Json;
  components: Json;
  [member: string]: unknown;
}

/** Headers whose presence the document must predict: present in an answer only where declared, and the reverse. */
const PREDICTED_HEADERS = ['x-request-id', 'retry-after'];
/** Headers an answer may carry only where the document declares them. */
const DECLARED_HEADERS = [...PREDICTED_HEADERS, 'idempotent-replayed', 'location'];

export interface Conformance {
  /** Throws, naming what is wrong, unless `value` is valid against `schema` (a document schema, $refs and all). */
  expectValid(schema: object, value: unknown, what: string): void;
  /** The response object of an operation for a status, its $ref followed. */
  response(path: string, method: string, status: number): Json | undefined;
  /** Throws unless a real answer is one the document declares for this route: status, media type, body, headers. */
  expectConforms(path: string, method: string, answer: { status: number; headers: Headers; body: unknown }): void;
}

export function conformanceTo(document: OpenApiDocument): Conformance {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: { schemas: document.components.schemas } });
  const compiled = new Map<string, ValidateFunction>();

  const conformance: Conformance = {
    expectValid(schema, value, what) {
      const text = JSON.stringify(schema).replaceAll('"#/components', '"doc#/components');
      let validate = compiled.get(text);
      if (!validate) compiled.set(text, (validate = ajv.compile(JSON.parse(text) as object)));
      if (!validate(value)) throw new Error(`${what}: ${ajv.errorsText(validate.errors)}`);
    },
    response(path, method, status) {
      const response = document.paths[path]?.[method]?.responses?.[String(status)] as Json | undefined;
      const ref = response?.$ref as string | undefined;
      return ref ? document.components.responses[ref.replace('#/components/responses/', '')] : response;
    },
    expectConforms(path, method, answer) {
      const what = `${method.toUpperCase()} ${path} ${answer.status}`;
      const response = conformance.response(path, method, answer.status);
      if (!response) throw new Error(`${what} is not declared`);
      const declared = Object.keys(response.headers ?? {}).map((name) => name.toLowerCase());
      for (const header of DECLARED_HEADERS) {
        if (answer.headers.has(header) && !declared.includes(header)) throw new Error(`${what}: ${header} undeclared`);
      }
      for (const header of PREDICTED_HEADERS) {
        if (declared.includes(header) && !answer.headers.has(header)) throw new Error(`${what}: ${header} missing`);
      }
      const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]!;
      const schema = response.content?.[mediaType]?.schema as object | undefined;
      if (!schema) {
        if (answer.body !== undefined) throw new Error(`${what}: ${mediaType || 'a body'} is not declared`);
        return;
      }
      conformance.expectValid(schema, answer.body, what);
    },
  };
  return conformance;
}
