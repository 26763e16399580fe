/** The one stylesheet every page inlines (pages are self-contained: no network, no CDN). */
export const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;--link:#0969da;
--h0:#eef1f4;--h1:#fff3c4;--h2:#ffe08a;--h3:#ffc15e;--h4:#ff9a4a;--h5:#f4663a;--h6:#c9302c;
--missing:#ff6666;--p1:#ffb366;--p2:#ffe766;--covered:#8ec843;--repo-only:#66b1ff;--none:#eef1f4}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{padding:0 24px}
header{border-bottom:1px solid var(--line);background:var(--panel);padding-top:12px;padding-bottom:12px}
nav{font-size:13px;margin-bottom:4px}
h1{font-size:22px;margin:4px 0}
h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
a{color:var(--link);text-decoration:none}
a:hover{text-decoration:underline}
.meta,.intro,footer{color:var(--muted)}
.intro{margin:4px 0 10px;max-width:960px}
footer{border-top:1px solid var(--line);margin-top:32px;padding-top:10px;padding-bottom:16px;font-size:12px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
table{border-collapse:collapse;margin:6px 0 4px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.value{max-width:640px;word-break:break-all}
th button{all:unset;cursor:pointer}
th button::after{content:" \\2195";color:var(--muted);font-size:11px}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
.more{color:var(--muted);font-style:italic}
details>summary{cursor:pointer}
details.rule{border:1px solid var(--line);border-radius:6px;margin:4px 0;padding:4px 8px}
details.rule[open]{background:var(--panel)}
details.rule table{background:var(--bg)}
table.preds td:nth-child(n+2):not(:nth-child(4)){font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
table.preds td:last-child{max-width:640px;word-break:break-all}
.role-exclusion{color:#9a3412}
.role-scope{color:var(--muted)}
.badge{display:inline-block;border-radius:10px;padding:0 7px;font-size:12px;background:var(--panel);border:1px solid var(--line)}
.legend{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 12px;font-size:12px;align-items:center}
.legend span.swatch{display:inline-block;width:14px;height:14px;border:1px solid var(--line);vertical-align:middle;margin-right:4px}
.matrix{display:grid;grid-template-columns:repeat(var(--cols),minmax(118px,1fr));gap:4px;overflow-x:auto;padding-bottom:8px}
.tactic h3{font-size:13px;margin:0 0 4px;padding:6px;background:var(--panel);border:1px solid var(--line);min-height:52px}
.tactic h3 small{display:block;font-weight:normal;color:var(--muted)}
.cell{border:1px solid rgba(0,0,0,.12);border-radius:3px;margin:0 0 3px;padding:3px 5px;font-size:11.5px;line-height:1.3;color:#111}
.cell .tid{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:10.5px;color:#333}
.cell .n{float:right;font-weight:600}
.cell a{color:#0b3d91}
.cell details{margin-top:2px}
.cell details summary{font-size:10.5px;color:#333}
.cell.sub{margin:2px 0 2px 4px;font-size:11px}
.h0{background:var(--h0)}.h1{background:var(--h1)}.h2{background:var(--h2)}.h3{background:var(--h3)}
.h4{background:var(--h4)}.h5{background:var(--h5);color:#fff}.h6{background:var(--h6);color:#fff}
.h5 a,.h6 a,.h5 .tid,.h6 .tid,.h5 summary,.h6 summary{color:#fff}
.s-missing{background:var(--missing)}.s-p1{background:var(--p1)}.s-p2{background:var(--p2)}
.s-covered{background:var(--covered)}.s-repo-only{background:var(--repo-only)}.s-none{background:var(--none)}
.summary-list{margin:6px 0;padding-left:20px}
`;
