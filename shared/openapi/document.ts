// The OpenAPI 3.1 document of every /api route, built from the routes' own zod schemas (JSON Schema 2020-12).
import { z } from 'zod';
import { problemSchema } from '../schemas/responses';
import type { RouteDocs } from './routeDocs';

/** A route as the document needs it (the function registry's HTTP definitions are such routes). */
export interface DocumentedRoute {
  name: string;
  route: string;
  methods: readonly string[];
  docs?: RouteDocs;
}

type JsonSchema = Record<string, unknown>;

/** Errors every route of a kind can answer, from the conventions (shared/http). */
const COMMON_ERRORS: Record<RouteDocs['caller'], Record<number, string>> = {
  anyone: { 503: 'A dependency (storage) is not answering; retry after Retry-After' },
  partner: {
    400: 'The request is not valid; errors[] names each field',
    401: 'Missing, unknown or revoked X-Api-Key',
    403: 'Not allowed for this partner (kind, eligibility, suspension)',
    503: 'A dependency (storage) is not answering; retry after Retry-After',
  },
  operator: {
    400: 'The request is not valid; errors[] names each field',
    401: 'Missing, unknown or revoked X-Api-Key',
    403: 'Not an operator key',
    503: 'A dependency (storage) is not answering; retry after Retry-After',
  },
};

export function openApiDocument(functions: readonly DocumentedRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const definition of functions) {
    if (!definition.docs || !definition.route.startsWith('api/')) continue;
    const path = `/${definition.route.replace(/\{(\w+)(?::\w+)*\??\}/g, '{$1}')}`;
    for (const method of definition.methods) {
      (paths[path] ??= {})[method.toLowerCase()] = operation(definition, definition.docs);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Autopilot Consent API',
      version,
      description:
        'Partners issue consent links and verify consent before registering Windows Autopilot devices; operators ' +
        'register partners. Every error is application/problem+json (RFC 9457).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: schemaOf(problemSchema, 'output') },
      securitySchemes: {
        partnerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A partner key' },
        operatorKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An operator key' },
      },
    },
  };
}

function operation(definition: DocumentedRoute, docs: RouteDocs): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(docs.responses)) {
    responses[status] = {
      description: answer.description,
      ...(answer.headers && {
        headers: Object.fromEntries(answer.headers.map((h) => [h, { schema: { type: 'string' } }])),
      }),
      ...(answer.schema && {
        content: { [answer.mediaType ?? 'application/json']: { schema: schemaOf(answer.schema, 'output') } },
      }),
    };
  }
  for (const [status, description] of Object.entries({ ...COMMON_ERRORS[docs.caller], ...docs.errors })) {
    responses[status] ??= {
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    operationId: definition.name,
    summary: docs.summary,
    ...(docs.caller !== 'anyone' && { security: [{ [`${docs.caller}Key`]: [] }] }),
    parameters: [...pathParameters(definition.route), ...queryParameters(docs.query)],
    ...(docs.body && {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          Object.entries(docs.body).map(([mediaType, schema]) => [mediaType, { schema: schemaOf(schema, 'input') }]),
        ),
      },
    }),
    responses,
  };
}

function pathParameters(route: string): JsonSchema[] {
  return [...route.matchAll(/\{(\w+)((?::\w+)*)\??\}/g)].map(([, name, constraints]) => ({
    name,
    in: 'path',
    required: true,
    schema: constraints?.includes('guid') ? { type: 'string', format: 'uuid' } : { type: 'string' },
  }));
}

function queryParameters(query: z.ZodObject | undefined): JsonSchema[] {
  if (!query) return [];
  const schema = schemaOf(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

/** Request bodies are documented as the client sends them (defaults optional), answers as the service sends them. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return json;
}
