/**
 * Where the command that starts at `start` ends: the next `|` outside
 * brackets, strings and comments (or, inside a FORK branch, the `)` that
 * closes the branch), else the end of the text. Works on characters so it
 * can step over text the expression lexer would reject.
 */
export function skipToCommandEnd(text: string, start: number, inFork: boolean): number {
  let depth = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i = skipString(text, i);
      continue;
    }
    if (c === 96 /* ` */) {
      const close = text.indexOf('`', i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0 && inFork && c === 41) return i;
      if (depth > 0) depth--;
    } else if (c === 124 /* | */ && depth === 0) return i;
    i++;
  }
  return n;
}

function skipString(text: string, i: number): number {
  if (text.startsWith('"""', i)) {
    const close = text.indexOf('"""', i + 3);
    return close < 0 ? text.length : close + 3;
  }
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) {
      j += 2;
      continue;
    }
    if (c === 34 || c === 10 || c === 13) return j + 1;
    j++;
  }
  return text.length;
}
