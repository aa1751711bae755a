/**
 * The web pages' stylesheet (served as `/web/style.css`, so the CSP needs no
 * inline style): the transcript's Discord palette, dark or light by
 * `prefers-color-scheme`, one column on a 390 px phone.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#ffffff;--panel:#f2f3f5;--line:#e3e5e8;--text:#313338;--muted:#5c5e66;--strong:#060607;--link:#006ce7;--accent:#5865f2;--danger:#da373c}
@media (prefers-color-scheme:dark){:root{--bg:#313338;--panel:#2b2d31;--line:#1e1f22;--text:#dbdee1;--muted:#949ba4;--strong:#f2f3f5;--link:#00a8fc;--accent:#5865f2;--danger:#f23f43}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.375 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
header.site{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:12px 20px;background:var(--panel);border-bottom:1px solid var(--line)}
header.site .brand{font-weight:700;color:var(--strong)}header.site nav{display:flex;flex-wrap:wrap;gap:4px 12px;flex:1}
header.site form{margin:0}
main{padding:16px 20px;max-width:1100px;margin:0 auto}
h1{font-size:22px;color:var(--strong);margin:0 0 12px}h2{font-size:17px;color:var(--strong);margin:20px 0 8px}
.muted{color:var(--muted);font-size:14px}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{color:var(--muted);font-weight:600}
.status{display:inline-block;padding:0 6px;border-radius:3px;background:var(--panel);border:1px solid var(--line);font-size:12px}
.status.open{border-color:#23a55a}.status.closing{border-color:#f0b232}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:0 0 12px}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
input,select,button{font:inherit;font-size:14px;color:var(--text);background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:5px 8px;max-width:100%}
button,.button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:6px 12px;cursor:pointer;display:inline-block;font-size:14px}
.button:hover{text-decoration:none}button.quiet{background:var(--panel);color:var(--text);border:1px solid var(--line)}
button.danger{background:var(--danger)}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 12px}.actions form{margin:0}
iframe.transcript{width:100%;height:70vh;min-height:360px;border:1px solid var(--line);border-radius:8px;background:#313338}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px;font-size:14px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
ul.links{padding-left:18px}ul.links li{margin:4px 0;overflow-wrap:anywhere}
code{background:var(--panel);border-radius:3px;padding:0 3px;font-size:85%;overflow-wrap:anywhere}
.pager{display:flex;gap:12px;margin-top:12px}
figure.chart{margin:16px 0}figure.chart figcaption{font-weight:600;color:var(--strong);margin:0 0 4px}figure.chart svg{width:100%;height:auto;color:var(--text);display:block}
@media (max-width:600px){main{padding:12px}th.wide,td.wide{display:none}}
`;
