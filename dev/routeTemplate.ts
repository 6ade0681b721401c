// Azure Functions (ASP.NET-style) route templates: literals, {name}, {name:constraint}, {name?}, {*catchAll}.

export interface CompiledRoute {
  template: string;
  /** Lower sorts first: literal segments outrank parameters, which outrank optional ones and catch-alls. */
  precedence: number[];
  match(path: string): Record<string, string> | undefined;
}

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'parameter'; name: string; constraints: Constraint[]; optional: boolean }
  | { kind: 'catchAll'; name: string };

type Constraint = (value: string) => boolean;

/** The inline constraints the Functions host accepts that an app here may use; unknown ones fail at registration. */
const CONSTRAINTS: Record<string, Constraint> = {
  guid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  int: (value) => /^-?\d+$/.test(value),
  long: (value) => /^-?\d+$/.test(value),
  alpha: (value) => /^[a-z]+$/i.test(value),
  bool: (value) => /^(true|false)$/i.test(value),
};

const PRECEDENCE = { literal: 0, constrained: 1, parameter: 2, optional: 3, catchAll: 4 } as const;

export function compileRoute(template: string): CompiledRoute {
  const segments = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter(Boolean)
    .map(parseSegment);
  segments.forEach((segment, index) => {
    if (segment.kind === 'catchAll' && index !== segments.length - 1) {
      throw new Error(`Route "${template}": a catch-all parameter must be the last segment.`);
    }
  });
  return {
    template,
    precedence: segments.map(precedenceOf),
    match: (path) => matchSegments(segments, splitPath(path)),
  };
}

/** Picks the best route for a path, the way the host's router orders candidates. */
export function orderByPrecedence<T extends { route: CompiledRoute }>(routes: T[]): T[] {
  return [...routes].sort((a, b) => comparePrecedence(a.route.precedence, b.route.precedence));
}

function parseSegment(text: string): Segment {
  const parameter = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)((?::[a-z]+)*)(\?)?\}$/.exec(text);
  if (!parameter) {
    if (/[{}]/.test(text)) throw new Error(`Route segment "${text}" is not supported by the local host.`);
    return { kind: 'literal', text: text.toLowerCase() };
  }
  const [, star, name, constraintText, optional] = parameter;
  if (star) return { kind: 'catchAll', name: name! };
  const constraints = (constraintText ?? '')
    .split(':')
    .filter(Boolean)
    .map((constraint) => {
      const check = CONSTRAINTS[constraint];
      if (!check) throw new Error(`Route constraint ":${constraint}" is not supported by the local host.`);
      return check;
    });
  return { kind: 'parameter', name: name!, constraints, optional: Boolean(optional) };
}

function precedenceOf(segment: Segment): number {
  if (segment.kind === 'literal') return PRECEDENCE.literal;
  if (segment.kind === 'catchAll') return PRECEDENCE.catchAll;
  if (segment.optional) return PRECEDENCE.optional;
  return segment.constraints.length ? PRECEDENCE.constrained : PRECEDENCE.parameter;
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (segment.kind === 'catchAll') {
      params[segment.name] = parts.slice(index).join('/');
      return params;
    }
    if (part === undefined) {
      return segment.kind === 'parameter' && segment.optional && index === parts.length ? params : undefined;
    }
    if (segment.kind === 'literal') {
      if (part.toLowerCase() !== segment.text) return undefined;
      continue;
    }
    if (!segment.constraints.every((check) => check(part))) return undefined;
    params[segment.name] = part;
  }
  return parts.length === segments.length ? params : undefined;
}

function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

function comparePrecedence(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
