import type { Location } from '../../model/location.js';
import { EmbeddedText } from '../../parse/embedded.js';
import type { SplunkDetectionDocument, YamlPath } from '../../parse/splunk/document.js';
import { valueAt } from './splunk-doc.js';

/**
 * A string value of the detection with its characters mapped to the file,
 * so that a problem inside it (a `$token$` of a message) gets its own line
 * and column. Undefined when the value at the path is not a string.
 */
export function textAt(doc: SplunkDetectionDocument, path: YamlPath): EmbeddedText | undefined {
  const value = valueAt(doc.data, path);
  const loc = doc.locate(path);
  if (typeof value !== 'string' || !loc) return undefined;
  const source = doc.source;
  const start = source.offset(loc.line, loc.column);
  const end = source.offset(loc.endLine, loc.endColumn);
  const first = source.text[start];
  if (first === '"') return EmbeddedText.align(source, start + 1, Math.max(start + 1, end - 1), value, 'escaped');
  if (first === "'") return EmbeddedText.align(source, start + 1, Math.max(start + 1, end - 1), value, 'literal');
  if (first === '|' || first === '>') {
    // A block scalar's content starts on the line after its header.
    const nl = source.text.indexOf('\n', start);
    return EmbeddedText.align(source, nl < 0 || nl >= end ? end : nl + 1, end, value, 'literal');
  }
  return EmbeddedText.align(source, start, end, value, 'literal');
}

/** A `$name$` token of a risk message or drilldown, and where it is written. */
export interface Token {
  name: string;
  loc: Location;
}

/**
 * The `$name$` tokens of a string. A token is the text between two `$` with
 * no white space in it; a `|s`-style filter after the name is dropped.
 */
export function tokensIn(text: EmbeddedText): Token[] {
  const out: Token[] = [];
  const s = text.text;
  let i = s.indexOf('$');
  while (i >= 0) {
    const close = s.indexOf('$', i + 1);
    if (close < 0) break;
    const inner = s.slice(i + 1, close);
    if (inner === '' || /\s/.test(inner)) {
      // Not a token: the second `$` may open the next one.
      i = close;
      continue;
    }
    const bar = inner.indexOf('|');
    out.push({ name: bar < 0 ? inner : inner.slice(0, bar), loc: text.locate({ start: i, end: close + 1 }) });
    i = s.indexOf('$', close + 1);
  }
  return out;
}
