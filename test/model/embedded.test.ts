import { describe, expect, it } from 'vitest';
import { EmbeddedText } from '../../src/parse/embedded.js';
import { SourceText } from '../../src/model/location.js';

describe('SourceText', () => {
  it('gives 1-based lines and columns, for LF and CRLF files', () => {
    const s = new SourceText('ab\r\ncd\nef');
    expect(s.position(0)).toEqual({ line: 1, column: 1 });
    expect(s.position(4)).toEqual({ line: 2, column: 1 });
    expect(s.position(8)).toEqual({ line: 3, column: 2 });
    expect(s.lineText(2)).toBe('cd');
    expect(s.offset(3, 2)).toBe(8);
  });
});

describe('EmbeddedText.align', () => {
  it('maps a token of a TOML multi-line literal string to its file line and column', () => {
    const file = "query = '''\nprocess where\n  process.name : \"cmd.exe\"\n'''\n";
    const source = new SourceText(file);
    const rawStart = file.indexOf("'''") + 3;
    const rawEnd = file.lastIndexOf("'''");
    const decoded = 'process where\n  process.name : "cmd.exe"\n';
    const text = EmbeddedText.align(source, rawStart, rawEnd, decoded, 'literal');
    const at = decoded.indexOf('cmd.exe');
    expect(text.locate({ start: at, end: at + 7 })).toEqual({ line: 3, column: 19, endLine: 3, endColumn: 26 });
  });

  it('skips escape sequences of a double-quoted string', () => {
    const file = 'query = "a \\"b\\" and c:\\\\d"\n';
    const source = new SourceText(file);
    const rawStart = file.indexOf('"') + 1;
    const decoded = 'a "b" and c:\\d';
    const text = EmbeddedText.align(source, rawStart, file.lastIndexOf('"'), decoded, 'escaped');
    const at = decoded.indexOf('c:');
    expect(source.position(text.fileOffset(at))).toEqual({ line: 1, column: file.indexOf('c:') + 1 });
    const d = decoded.lastIndexOf('d');
    expect(text.fileOffset(d)).toBe(file.lastIndexOf('d'));
  });

  it('maps folded YAML lines (newline → space) without drifting', () => {
    const file = 'search: >\n  index=main\n  sourcetype=x\n';
    const source = new SourceText(file);
    const decoded = 'index=main sourcetype=x\n';
    const text = EmbeddedText.align(source, file.indexOf('>'), file.length, decoded, 'literal');
    const at = decoded.indexOf('sourcetype');
    expect(source.position(text.fileOffset(at))).toEqual({ line: 3, column: 3 });
  });
});
