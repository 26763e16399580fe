import { html, trusted, type Html, type HtmlValue } from './escape.js';
import { SORT_SCRIPT } from './sort-script.js';
import { STYLE } from './style.js';

export interface PageShell {
  title: string;
  /** Breadcrumb links above the heading. */
  nav?: HtmlValue;
  heading: HtmlValue;
  /** Lines under the heading (tactics, status, links). */
  meta?: HtmlValue;
  body: HtmlValue;
  footer: string;
}

/** A whole self-contained page: stylesheet and script inline, nothing loaded from elsewhere. */
export function page(p: PageShell): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lint-rule">
<title>${p.title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<header>
${p.nav ? html`<nav>${p.nav}</nav>` : ''}
<h1>${p.heading}</h1>
${p.meta ?? ''}
</header>
<main>
${p.body}
</main>
<footer>${p.footer}</footer>
<script>${trusted(SORT_SCRIPT)}</script>
</body>
</html>
`;
}
