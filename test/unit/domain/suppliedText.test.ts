// Supplied text that others read (issue 13, item 6): names as one line of visible text, a message as plain lines, and
// what a request may not carry (control characters, web addresses).
import {
  controlCharactersIn,
  plainTextMessage,
  visibleLine,
  webAddressesIn,
} from '../../../shared/domain/suppliedText';

/** The bidirectional controls and invisible characters the issue names, one of each. */
const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
/** Invisible characters that are letters or marks, not format characters: Hangul fillers, a variation selector, CGJ. */
const OTHER_INVISIBLE = ['\u115f', '\u1160', '\u3164', '\uffa0', '\ufe0f', '\u034f', '\u00ad', '\u{e0041}'];
const INVISIBLE = [...BIDI, ...ZERO_WIDTH, ...OTHER_INVISIBLE];

describe('visibleLine: a name as one line of visible text', () => {
  it('folds CR, LF, tabs and every other run of white space to one space, trimmed', () => {
    expect(visibleLine('Fabrikam\r\nBcc: victim@example.com')).toBe('Fabrikam Bcc: victim@example.com');
    expect(visibleLine('  Ada\t\tLovelace\u2028\u2029\u0085\u00a0\u3000 ')).toBe('Ada Lovelace');
  });

  it.each(INVISIBLE.map((character) => [codePoint(character), character]))(
    'removes the invisible character U+%s, so the name reads as it looks',
    (_code, character) => {
      expect(visibleLine(`Fab${character}rikam`)).toBe('Fabrikam');
    },
  );

  it('a right-to-left override cannot make "invoice<RLO>exe.txt" display as "invoicetxt.exe"', () => {
    expect(visibleLine('invoice\u202eexe.txt')).toBe('invoiceexe.txt');
  });

  it('turns other control characters into a space rather than gluing words together', () => {
    expect(visibleLine('Fabrikam\u0000Ltd\u001b[31m\u007f\u009b')).toBe('Fabrikam Ltd [31m');
  });

  it('is Unicode NFC, so the same name is stored the same way however it was typed', () => {
    expect(visibleLine('Mu\u0308ller')).toBe('M\u00fcller');
    expect(visibleLine('Mu\u200b\u0308ller')).toBe('M\u00fcller');
  });

  it('is empty when nothing visible was supplied', () => {
    expect(visibleLine(`\u200b \u202e\r\n\t${'\u3164'}\u2800`)).toBe('');
  });

  it('leaves ordinary names in any script alone', () => {
    for (const name of ['Contoso Ltd', 'Müller & Söhne GmbH', 'شركة فابريكام', '株式会社コントソ', 'O\u2019Brien']) {
      expect(visibleLine(name)).toBe(name);
    }
  });
});

describe('plainTextMessage: the partner message as plain lines', () => {
  it('keeps line breaks, written any way, as LF', () => {
    expect(plainTextMessage('Hello,\r\nplease accept.\rThanks\u2028Ada')).toBe('Hello,\nplease accept.\nThanks\nAda');
  });

  it('removes bidirectional and invisible characters and control characters', () => {
    expect(plainTextMessage(`Pay ${INVISIBLE.join('')}now\u0000\u001b\nplease`)).toBe('Pay now\nplease');
  });

  it('folds white space within a line, trims each line, and keeps at most one blank line in a row', () => {
    expect(plainTextMessage('\n\n  Hello,\t there  \n\n\n\n\nplease   accept.\n\n')).toBe(
      'Hello, there\n\nplease accept.',
    );
  });

  it('cannot push text out of sight with hundreds of empty lines', () => {
    expect(plainTextMessage(`Hi${'\n'.repeat(400)}hidden`)).toBe('Hi\n\nhidden');
  });

  it('is empty when nothing visible was written', () => {
    expect(plainTextMessage('\u200b\n \u202e\n\t')).toBe('');
  });
});

describe('controlCharactersIn', () => {
  it('names control characters and lone surrogates, once each, as U+ code points', () => {
    expect(controlCharactersIn('a\u0000b\u0000c\u001b\u007f\u0085\ud800')).toEqual([
      'U+0000',
      'U+001B',
      'U+007F',
      'U+D800',
    ]);
  });

  it('does not count line breaks and tabs, which are white space, nor invisible format characters', () => {
    expect(controlCharactersIn('a\r\n\tb\v\f\u0085\u2028\u202e\u200b')).toEqual([]);
  });
});

describe('webAddressesIn: what a mail client would make into a link', () => {
  it.each([
    ['a scheme', 'Sign in at https://login.contoso.example/reset first', 'https://login.contoso.example/reset'],
    ['plain http', 'see http://10.0.0.1:8080', 'http://10.0.0.1:8080'],
    ['any other scheme', 'open ftp://files.contoso.example', 'ftp://files.contoso.example'],
    ['www.', 'Visit www.contoso.example today', 'www.contoso.example'],
    ['a bare domain', 'Questions? contoso.com.', 'contoso.com'],
    [
      'a bare domain with a path',
      'Form: login.contoso-support.net/verify?id=1',
      'login.contoso-support.net/verify?id=1',
    ],
    ['upper case', 'CONTOSO.COM', 'CONTOSO.COM'],
    ['an internationalized domain', 'bei müller.de melden', 'müller.de'],
  ])('finds %s', (_what, text, address) => {
    expect(webAddressesIn(text)).toEqual([address]);
  });

  it('does not take a name or a sentence end with a capital after the dot for a web address', () => {
    expect(webAddressesIn('Ask J.Smith, please. Done.Thanks')).toEqual([]);
  });

  it('does not take email addresses, abbreviations, numbers or versions for web addresses', () => {
    const text =
      'Write to support@contoso.com or first.last@help.contoso.example, e.g. before 5.30 p.m., i.e. today; ' +
      'z.B. Windows 11 v2.0, 1.5 GB, Nr. 3, Mr. Smith.';
    expect(webAddressesIn(text)).toEqual([]);
  });

  it('finds every address, in order', () => {
    expect(webAddressesIn('a.example and https://b.example')).toEqual(['a.example', 'https://b.example']);
  });
});

function codePoint(character: string): string {
  return character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
