import type { Span } from '../../model/location.js';

/** A Markdown heading of a note: its level, its text and where the heading line sits in the note. */
export interface NoteHeading {
  level: number;
  text: string;
  span: Span;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * The headings of a Markdown text, as a CommonMark reader sees them: ATX
 * (`## Setup`) and setext (a line underlined with `===` or `---`), not
 * inside fenced code blocks. Enough to find a guide's sections without a
 * Markdown parser.
 */
export function noteHeadings(text: string): NoteHeading[] {
  const out: NoteHeading[] = [];
  let fence: string | undefined;
  let start = 0;
  let prev: { text: string; span: Span; paragraph: boolean } | undefined;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    const span = { start, end: start + line.length };
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && (f[1] as string)[0] === fence[0] && (f[1] as string).length >= fence.length && line.trim() === f[1]) fence = undefined;
      prev = undefined;
    } else if (f) {
      fence = f[1] as string;
      prev = undefined;
    } else {
      const atx = ATX.exec(line);
      const setext = SETEXT.exec(line);
      if (atx) {
        out.push({ level: (atx[1] as string).length, text: (atx[2] ?? '').trim(), span });
        prev = undefined;
      } else if (setext && prev?.paragraph) {
        out.push({ level: (setext[1] as string)[0] === '=' ? 1 : 2, text: prev.text.trim(), span: prev.span });
        prev = undefined;
      } else {
        const paragraph = line.trim() !== '' && !/^ {0,3}([>*+-]|\d+[.)])\s/.test(line) && !/^ {4}/.test(line);
        prev = { text: line, span, paragraph };
      }
    }
    if (end === text.length) break;
    start = end + 1;
  }
  return out;
}
