// zod schemas as the document's JSON Schemas: a schema named with `.meta({ id })` is a component, referenced by $ref.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** Requests are documented as the client sends them (defaults optional), answers as the service sends them. */
export type Io = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';

const OPTIONS = {
  target: 'draft-2020-12',
  unrepresentable: 'any',
  // `format: date-time` says it all; the regex zod derives for it would repeat 400 characters on every time.
  override: ({ jsonSchema }) => {
    if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
  },
} satisfies z.core.ToJSONSchemaParams;

export interface ComponentSchemas {
  /** The JSON Schema of a body or query, with named schemas (itself or nested) as references to components. */
  of(schema: z.ZodType, io: Io): JsonSchema;
  /** Every component the schemas given to `of` reference, directly or through each other. */
  components(): Record<string, JsonSchema>;
}

export function componentSchemas(): ComponentSchemas {
  const named = { input: namedSchemas('input'), output: namedSchemas('output') };
  const used = { input: new Set<string>(), output: new Set<string>() };
  return {
    of(schema, io) {
      const id = z.globalRegistry.get(schema)?.id;
      const json = id ? { $ref: `${COMPONENTS}${id}` } : unnamed(schema, io, named[io]);
      for (const referenced of referencedIds(json, named[io])) used[io].add(referenced);
      return json;
    },
    components() {
      const components: Record<string, JsonSchema> = {};
      for (const io of ['output', 'input'] as const) {
        for (const id of [...used[io]].sort()) {
          const schema = named[io][id]!;
          if (components[id] && JSON.stringify(components[id]) !== JSON.stringify(schema)) {
            throw new Error(
              `${id} reads differently in a request and in an answer: give the two shapes their own ids.`,
            );
          }
          components[id] = schema;
        }
      }
      return components;
    },
  };
}

/** Every schema with an id, as zod writes a registry: references between them point into components. */
function namedSchemas(io: Io): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { ...OPTIONS, io, uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

/** An unnamed schema, inline: the named schemas in it, which zod writes as $defs, become references to components. */
function unnamed(schema: z.ZodType, io: Io, named: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs, ...json } = z.toJSONSchema(schema, { ...OPTIONS, io });
  for (const id of Object.keys($defs ?? {})) {
    if (!named[id]) throw new Error(`zod set ${id} apart (a recursive schema?): name it with .meta({ id }).`);
  }
  return withReferences(json, (ref) => ref.replace(/^#\/\$defs\//, COMPONENTS));
}

/** The ids a schema references, and those they reference in turn. */
function referencedIds(json: unknown, named: Record<string, JsonSchema>, found = new Set<string>()): Set<string> {
  withReferences(json, (ref) => {
    const id = ref.startsWith(COMPONENTS) ? ref.slice(COMPONENTS.length) : undefined;
    if (id && named[id] && !found.has(id)) {
      found.add(id);
      referencedIds(named[id], named, found);
    }
    return ref;
  });
  return found;
}

/** A copy of `json` with every `$ref` passed through `map`. */
function withReferences<T>(json: T, map: (ref: string) => string): T {
  if (Array.isArray(json)) return json.map((item: unknown) => withReferences(item, map)) as T;
  if (json === null || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? map(value) : withReferences(value, map),
    ]),
  ) as T;
}
