// Text that partners, operators and customers supply and that other people read: names as one line of visible text, a
// partner's message as plain lines, and what a schema refuses in them (control characters, web addresses).

/**
 * Characters that show nothing yet can reorder or hide text: format characters (bidirectional controls U+202A–U+202E,
 * U+2066–U+2069, U+200E/U+200F, U+061C; zero-width U+200B–U+200D, U+2060; U+FEFF; tag characters) and every other
 * default-ignorable code point (Hangul fillers, variation selectors, U+034F).
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Control characters that are not spacing (NUL, ESC, DEL, C1 controls) and lone surrogates: never part of honest text. */
const CONTROL = /(?![\t\n\v\f\r\u0085])[\p{Cc}\p{Cs}]/gu;

/** Every way of breaking a line: CR LF, CR, LF, vertical tab, form feed, NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;

/** Runs of blank: any white space (tabs, no-break and ideographic spaces, line breaks) and the blank Braille cell. */
const BLANK_RUN = /[\s\u0085\u2800]+/g;

/** Runs of blank within one line. */
const SPACE_RUN = /[^\S\n]+|\u2800+/g;

/**
 * A name as one line of visible text: invisible characters removed, control characters and every run of white space
 * (line breaks included) folded to one space, trimmed, in Unicode NFC. Empty when nothing visible was supplied.
 */
export function visibleLine(value: string): string {
  return value.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(BLANK_RUN, ' ').trim().normalize('NFC');
}

/**
 * A message as plain text: line breaks kept (as LF), invisible and control characters removed, white space within a
 * line folded to one space and trimmed, blank lines at the start and end dropped and runs of them kept to one, NFC.
 */
export function plainTextMessage(value: string): string {
  const lines = value
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(LINE_BREAK, '\n')
    .split('\n')
    .map((line) => line.replace(SPACE_RUN, ' ').trim());
  return lines
    .filter((line, index) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim()
    .normalize('NFC');
}

/** The control characters in a value, as `U+0000` code points (for a 400 that names them), none when there are none. */
export function controlCharactersIn(value: string): string[] {
  const found = new Set([...value.matchAll(CONTROL)].map(([character]) => codePoint(character)));
  return [...found];
}

/**
 * Web addresses in a text, as a mail client would make them into links: anything with a scheme (`https://…`),
 * `www.…`, and bare host names (`contoso.com`, `login.contoso.example/path`). Email addresses are not web addresses:
 * the domain after `@` is part of one. A bare host name must end in a top-level label all in lower case or all in
 * upper case, as typed host names do: so names and sentences such as `J.Smith` or `done.Thanks` are not taken for one.
 */
export function webAddressesIn(text: string): string[] {
  const found = [...text.matchAll(SCHEME_OR_WWW), ...text.matchAll(BARE_HOST)].sort((a, b) => a.index - b.index);
  return [...new Set(found.map(([address]) => address))];
}

const SCHEME_OR_WWW = new RegExp(String.raw`\b[a-z][a-z0-9+.-]*://\S*|\bwww\d{0,3}\.\S*`, 'giu');

const BARE_HOST = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._/:-])(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+(?:\p{Ll}{2,63}|\p{Lu}{2,63})(?![\p{L}\p{N}@_-])(?:/\S*)?`,
  'gu',
);

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
