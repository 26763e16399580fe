import { html, type Html, type HtmlValue } from './escape.js';

/** A table cell: content, or content with the value it sorts by and a class. */
export type Cell = HtmlValue | { content: HtmlValue; sort?: string | number; className?: string };

function isRich(c: Cell): c is { content: HtmlValue; sort?: string | number; className?: string } {
  return typeof c === 'object' && c !== null && !Array.isArray(c) && 'content' in c;
}

/**
 * A table the inline script can sort (`sortable`). Numeric columns are
 * right-aligned; their cells sort as numbers.
 */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[], options: { numeric?: readonly number[]; sortable?: boolean; className?: string } = {}): Html {
  const numeric = new Set(options.numeric ?? []);
  const cls = [options.sortable === false ? '' : 'sortable', options.className ?? ''].filter(Boolean).join(' ');
  const head = header.map((h, i) => html`<th scope="col"${numeric.has(i) ? html` class="num"` : ''}>${h}</th>`);
  const body = rows.map(
    (r) =>
      html`<tr>${r.map((c, i) => {
        const rich = isRich(c) ? c : undefined;
        const classes = [numeric.has(i) ? 'num' : '', rich?.className ?? ''].filter(Boolean).join(' ');
        return html`<td${classes ? html` class="${classes}"` : ''}${rich?.sort !== undefined ? html` data-sort="${String(rich.sort)}"` : ''}>${rich ? rich.content : (c as HtmlValue)}</td>`;
      })}</tr>\n`,
  );
  return html`<table${cls ? html` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}</tbody></table>`;
}
