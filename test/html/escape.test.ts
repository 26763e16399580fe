import { describe, expect, it } from 'vitest';
import { anchorId, escapeHtml, html, trusted } from '../../src/report/html/escape.js';

describe('html templates', () => {
  it('escapes every interpolated string: markup, ampersands and both quotes', () => {
    const title = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps nested templates and trusted markup as they are, and escapes each array item', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<div>${inner}${['<i>', html`<i>ok</i>`]}${trusted('<hr>')}</div>`.value).toBe('<div><b>a&lt;b</b>&lt;i&gt;<i>ok</i><hr></div>');
  });

  it('writes numbers, and nothing for null, undefined and false', () => {
    expect(html`${0}|${12.5}|${null}|${undefined}|${false}|${true}`.value).toBe('0|12.5||||true');
  });

  it('escapeHtml leaves plain text as it is', () => {
    expect(escapeHtml('process.command_line')).toBe('process.command_line');
    expect(escapeHtml('a&&b')).toBe('a&amp;&amp;b');
  });

  it('anchor ids are safe in id= and #fragment', () => {
    expect(anchorId('ev', 'wineventlog:DNS Server:150')).toBe('ev-wineventlog_DNS_Server_150');
  });
});
