// Reading rendered HTML the way a person (or a screen reader) would, without a browser.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The text a reader sees in <body>: tags removed, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return decode(body.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Decodes the few entities the renderer emits. */
export function decode(text: string): string {
  return text.replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity);
}

/** Levels of h1..h6 in document order. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
}

/** Every opening tag of one element name, with its attributes parsed. */
export function elements(html: string, tag: string): Record<string, string>[] {
  // Attribute values may hold a raw '>' (valid HTML inside quotes), so quoted values are matched whole.
  const pattern = new RegExp(`<${tag}((?:\\s+[\\w:-]+(?:="[^"]*")?)*)\\s*/?>`, 'g');
  return [...html.matchAll(pattern)].map((match) => attributes(match[1] ?? ''));
}

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) {
    result[match[1]!.toLowerCase()] = decode(match[2] ?? '');
  }
  return result;
}

/** The visible text inside the element with this id (first match, non-nested). */
export function textOf(html: string, selector: { tag: string; id?: string; className?: string }): string {
  const attribute = selector.id ? `id="${selector.id}"` : selector.className ? `class="${selector.className}"` : '';
  const pattern = new RegExp(`<${selector.tag}[^>]*${attribute}[^>]*>([\\s\\S]*?)</${selector.tag}>`);
  const inner = pattern.exec(html)?.[1];
  return inner === undefined ? '' : visibleText(inner);
}
