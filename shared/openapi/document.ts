// The OpenAPI 3.1 document of every /api route, built from the routes' own zod schemas (JSON Schema 2020-12).
import { z } from 'zod';
import { MAX_KEY_LENGTH as MAX_IDEMPOTENCY_KEY_LENGTH } from '../http/idempotency';
import { PROBLEMS, type ProblemSlug } from '../http/problem';
import { MAX_BODY_BYTES } from '../http/request';
import { problemSchema } from '../schemas/responses';
import { componentSchemas, type JsonSchema } from './jsonSchemas';
import type { Answer, ApiTag, ResponseHeader, RouteDocs } from './routeDocs';

/** A route as the document needs it (the function registry's HTTP definitions are such routes). */
export interface DocumentedRoute {
  name: string;
  route: string;
  methods: readonly string[];
  docs?: RouteDocs;
}

const TAGS: Record<ApiTag, string> = {
  partner: 'Consent requests, the standing link and customers: what a CSP partner (or an OEM) does',
  OEM: "OEM verification: a customer's consent, for one tenant, many, or a device batch before registering it",
  operator: 'Running the service: partners, their keys, the operator keys, revoking a consent on a support request',
  service: 'Health and this document: no credentials needed',
};

const SECURITY: Record<RouteDocs['caller'], Record<string, string[]>[]> = {
  partner: [{ partnerKey: [] }, { partnerEntraToken: [] }],
  operator: [{ operatorKey: [] }],
  anyone: [],
};

const SECURITY_SCHEMES = {
  partnerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A partner key, minted by the operator' },
  partnerEntraToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "An app-only or user access token for the service's app registration (Microsoft Entra ID), with the app role " +
      'Consent.Manage (everything a partner may do) or Consent.Read (lists, reads, checks). Its tenant must be a ' +
      "registered partner's tenantId.",
  },
  operatorKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An operator key' },
};

/** Response headers, by component name: `name` is the header as sent. */
const HEADERS = {
  RequestId: {
    name: 'x-request-id',
    description: 'The invocation id, on every answer; it is in the logs too, so quote it when you contact support',
    schema: { type: 'string' },
  },
  RetryAfter: {
    name: 'Retry-After',
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 1 },
  },
  Location: { name: 'Location', description: 'Where the new resource is read', schema: { type: 'string' } },
  IdempotentReplayed: {
    name: 'Idempotent-Replayed',
    description:
      'Present (true) when this is the stored answer to an earlier request with the same Idempotency-Key and body: ' +
      'nothing new was made',
    schema: { type: 'string', enum: ['true'] },
  },
} satisfies Record<string, { name: string; description: string; schema: JsonSchema }>;

type HeaderComponent = keyof typeof HEADERS;

const PARAMETERS: Record<string, JsonSchema> = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Any unique string (a GUID is fine). The same key with the same body within 24 hours replays the first answer ' +
      'and makes nothing new; with a different body it is a 422. A request that failed can be retried with its key.',
    schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
  },
  PartnerId: {
    name: 'X-Partner-Id',
    in: 'header',
    required: false,
    description:
      'With a Microsoft Entra token whose tenant is registered as several partners: the partner that acts (without ' +
      'it such a call is a 400 naming the choices). Ignored with X-Api-Key.',
    schema: { type: 'string' },
  },
};

/**
 * Problem answers shared by many routes, as components.responses: `slug` gives the example its type and title,
 * `headers` what the answer carries besides x-request-id and the Retry-After of every 429 and 503.
 */
const SHARED_PROBLEMS: Record<
  number,
  { name: string; description: string; slug?: ProblemSlug; headers?: HeaderComponent[] }
> = {
  400: {
    name: 'BadRequest',
    slug: 'validation',
    description: 'The request is not valid: `detail` says how to fix it, and `errors` names each bad field',
  },
  401: {
    name: 'Unauthenticated',
    slug: 'unauthenticated',
    description: 'No valid credentials: X-Api-Key missing, unknown or revoked, and no accepted Entra token',
  },
  403: {
    name: 'Forbidden',
    slug: 'forbidden',
    description:
      'Not allowed for this caller: the wrong kind of key, a partner kind or eligibility that does not allow it, ' +
      'a suspended partner, or a missing app role',
  },
  409: {
    name: 'IdempotencyInProgress',
    description:
      'An earlier request with this Idempotency-Key is still running (type `/problems/idempotency-in-progress`): ' +
      'retry after Retry-After to get its answer',
    headers: ['RetryAfter'],
  },
  413: {
    name: 'PayloadTooLarge',
    slug: 'payload-too-large',
    description: `The body is over ${MAX_BODY_BYTES / 1024} KiB: refused before it is parsed`,
  },
  415: {
    name: 'UnsupportedMediaType',
    slug: 'unsupported-media-type',
    description: 'The body is not sent as a media type this route reads (see Content-Type in the request body)',
  },
  422: {
    name: 'IdempotencyMismatch',
    slug: 'idempotency-mismatch',
    description: 'This Idempotency-Key was used with a different request in the last 24 hours: use a new key',
  },
  429: {
    name: 'RateLimited',
    slug: 'rate-limited',
    description: 'Too many requests: retry after Retry-After. Nothing was created or changed',
  },
  500: {
    name: 'InternalError',
    slug: 'internal',
    description: 'Something went wrong on our side, and nothing was left half-done: retry, and quote x-request-id',
  },
  503: {
    name: 'Unavailable',
    slug: 'unavailable',
    description:
      'Storage (or another dependency) is not answering: retry after Retry-After. Nothing was left half-done',
  },
};

/** The problem answers of every route of a caller (shared/auth, shared/http/conventions). */
const CALLER_PROBLEMS: Record<RouteDocs['caller'], number[]> = {
  partner: [400, 401, 403, 500, 503],
  operator: [400, 401, 403, 500, 503],
  anyone: [400, 500],
};

/** Answers that tell the caller when to come back. */
const RETRY_AFTER_STATUSES = [429, 503];

export function openApiDocument(functions: readonly DocumentedRoute[], version: string): JsonSchema {
  const document = new DocumentBuilder();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const definition of functions) {
    if (!definition.docs || !definition.route.startsWith('api/')) continue;
    const path = `/${definition.route.replace(/\{(\w+)(?::\w+)*\??\}/g, '{$1}')}`;
    for (const method of definition.methods) {
      (paths[path] ??= {})[method.toLowerCase()] = document.operation(definition, definition.docs);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Autopilot Consent API',
      version,
      description:
        'Partners issue consent links and verify consent before registering Windows Autopilot devices; operators ' +
        'register partners. Every error is application/problem+json (RFC 9457), and every answer carries ' +
        'x-request-id.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/', description: 'The deployment that serves this document' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: document.components(),
  };
}

/** Builds operations one by one, remembering which components they use so the document carries exactly those. */
class DocumentBuilder {
  private readonly schemas = componentSchemas();
  private readonly responses = new Set<number>();

  operation(definition: DocumentedRoute, docs: RouteDocs): JsonSchema {
    const parameters = [
      ...pathParameters(definition.route),
      ...this.queryParameters(docs.query),
      ...(docs.caller === 'partner' ? [parameterRef('PartnerId')] : []),
      ...(docs.idempotencyKey ? [parameterRef('IdempotencyKey')] : []),
    ];
    return {
      operationId: definition.name,
      tags: [docs.tag],
      summary: docs.summary,
      description: docs.description,
      security: SECURITY[docs.caller],
      ...(parameters.length > 0 && { parameters }),
      ...(docs.body && { requestBody: this.requestBody(docs) }),
      responses: this.answers(docs),
    };
  }

  components(): JsonSchema {
    return {
      schemas: this.schemas.components(),
      responses: Object.fromEntries(
        [...this.responses].sort((a, b) => a - b).map((status) => [SHARED_PROBLEMS[status]!.name, this.shared(status)]),
      ),
      parameters: PARAMETERS,
      headers: Object.fromEntries(
        Object.entries(HEADERS).map(([component, { name: _name, ...header }]) => [component, header]),
      ),
      securitySchemes: SECURITY_SCHEMES,
    };
  }

  private requestBody(docs: RouteDocs): JsonSchema {
    const content = Object.entries(docs.body ?? {}).map(([mediaType, body]) => [
      mediaType,
      { schema: this.schemas.of(body.schema, 'input'), example: body.example },
    ]);
    return { required: !docs.bodyOptional, content: Object.fromEntries(content) };
  }

  private answers(docs: RouteDocs): Record<string, JsonSchema> {
    const answers: Record<string, JsonSchema> = {};
    for (const [status, answer] of Object.entries(docs.responses)) {
      answers[status] = this.answer(Number(status), answer, docs);
    }
    for (const status of problemStatuses(docs)) {
      answers[status] ??= this.problem(status, docs.errors?.[status]);
    }
    return answers;
  }

  private answer(status: number, answer: Answer, docs: RouteDocs): JsonSchema {
    const replayable = docs.idempotencyKey && status < 300;
    return {
      description: answer.description,
      headers: headers(status, [...(answer.headers ?? []), ...(replayable ? (['IdempotentReplayed'] as const) : [])]),
      ...(answer.body && {
        content: {
          [answer.mediaType ?? 'application/json']: {
            schema: this.schemas.of(answer.body.schema, 'output'),
            example: answer.body.example,
          },
        },
      }),
    };
  }

  /** A route's own problem answer, when it describes one; otherwise a reference to the shared one. */
  private problem(status: number, description: string | undefined): JsonSchema {
    if (description === undefined) {
      this.responses.add(status);
      return { $ref: `#/components/responses/${SHARED_PROBLEMS[status]!.name}` };
    }
    const example = problemExample(slugOf(status), description);
    return problemAnswer(status, description, this.schemas.of(problemSchema, 'output'), example);
  }

  private shared(status: number): JsonSchema {
    const { description, slug, headers } = SHARED_PROBLEMS[status]!;
    const example = slug && problemExample(slug, description);
    return problemAnswer(status, description, this.schemas.of(problemSchema, 'output'), example, headers);
  }

  private queryParameters(query: z.ZodObject | undefined): JsonSchema[] {
    if (!query) return [];
    const schema = this.schemas.of(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(schema.properties ?? {}).map(([name, { description, ...property }]) => ({
      name,
      in: 'query',
      required: schema.required?.includes(name) ?? false,
      ...(description !== undefined && { description }),
      schema: property,
    }));
  }
}

/** Problem answers a route gives: its caller's, its body's, its idempotency's and its own. */
function problemStatuses(docs: RouteDocs): number[] {
  const statuses = new Set([
    ...CALLER_PROBLEMS[docs.caller],
    ...(docs.body ? [413, 415] : []),
    ...(docs.idempotencyKey ? [409, 422] : []),
    ...Object.keys(docs.errors ?? {}).map(Number),
  ]);
  return [...statuses].sort((a, b) => a - b);
}

function problemAnswer(
  status: number,
  description: string,
  schema: JsonSchema,
  example: JsonSchema | undefined,
  extra: HeaderComponent[] = [],
): JsonSchema {
  return {
    description,
    headers: headers(status, extra),
    content: { 'application/problem+json': { schema, ...(example && { example }) } },
  };
}

/** x-request-id on every answer, Retry-After where it is due, and the answer's own. */
function headers(status: number, own: readonly (HeaderComponent | ResponseHeader)[]): Record<string, JsonSchema> {
  const components = new Set<HeaderComponent>([
    'RequestId',
    ...(RETRY_AFTER_STATUSES.includes(status) ? (['RetryAfter'] as const) : []),
    ...own,
  ]);
  return Object.fromEntries(
    [...components].map((component) => [HEADERS[component].name, { $ref: `#/components/headers/${component}` }]),
  );
}

function problemExample(slug: ProblemSlug, detail: string): JsonSchema {
  const { title, status } = PROBLEMS[slug];
  return { type: `/problems/${slug}`, title, status, detail };
}

function slugOf(status: number): ProblemSlug {
  const found = Object.entries(PROBLEMS).find(([, problem]) => problem.status === status);
  if (!found) throw new Error(`No problem type answers ${status}: add it to shared/http/problem.ts first.`);
  return found[0] as ProblemSlug;
}

function parameterRef(name: keyof typeof PARAMETERS): JsonSchema {
  return { $ref: `#/components/parameters/${name}` };
}

function pathParameters(route: string): JsonSchema[] {
  return [...route.matchAll(/\{(\w+)((?::\w+)*)\??\}/g)].map(([, name, constraints]) => ({
    name,
    in: 'path',
    required: true,
    schema: constraints?.includes('guid') ? { type: 'string', format: 'uuid' } : { type: 'string' },
  }));
}
