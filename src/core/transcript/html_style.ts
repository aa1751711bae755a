/**
 * The HTML transcript's stylesheet and Content Security Policy. The policy
 * forbids every script but the pinned local-time one and every load from
 * anywhere: images come as `data:` URIs, styles are inline.
 */
import { LOCAL_TIME_SCRIPT_SHA256 } from "./local_time_script.ts";

/** The transcript's Content Security Policy: no remote loads, one pinned script. */
export const TRANSCRIPT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; " +
  `script-src 'sha256-${LOCAL_TIME_SCRIPT_SHA256}'; form-action 'none'; base-uri 'none'`;

/** The transcript's stylesheet: Discord's dark theme, a phone-width layout and print rules. */
export const TRANSCRIPT_STYLE = `
*{box-sizing:border-box}
body{margin:0;display:flex;flex-direction:column;min-height:100vh;background:#313338;color:#dbdee1;font:16px/1.375 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif}
a{color:#00a8fc;text-decoration:none}a:hover{text-decoration:underline}
header.info{order:-2;padding:16px 20px;background:#2b2d31;border-bottom:1px solid #1e1f22}
header.info h1{margin:0 0 8px;font-size:20px;color:#f2f3f5}
header.info dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:14px}
header.info dt{color:#949ba4}header.info dd{margin:0;unicode-bidi:isolate;overflow-wrap:anywhere}
main{padding:8px 0 16px;min-width:0}
nav.days{order:-1;padding:8px 20px;background:#2b2d31;border-bottom:1px solid #1e1f22;font-size:14px;display:flex;flex-wrap:wrap;gap:4px 12px}
.day{display:flex;align-items:center;margin:24px 20px 8px;color:#949ba4;font-size:12px;font-weight:600}
.day::before,.day::after{content:"";flex:1;border-top:1px solid #3f4147}.day span{padding:0 8px}
.group{display:grid;grid-template-columns:40px minmax(0,1fr);column-gap:16px;padding:2px 20px;margin-top:17px}
.group>.reply{grid-column:2;margin-bottom:2px}.group>.avatar{grid-column:1}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;overflow:hidden;background-size:cover;background-position:center}
.avatar.initial{display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600;font-size:18px}
.avatar img{width:40px;height:40px;display:block}
.body{min-width:0;flex:1}
.head{display:flex;align-items:baseline;gap:8px}
.name{font-weight:500;color:#f2f3f5;unicode-bidi:isolate;overflow-wrap:anywhere}
.tag{background:#5865f2;color:#fff;font-size:10px;font-weight:600;padding:0 4px;border-radius:3px}
time,.meta{color:#949ba4;font-size:12px}
.msg{position:relative;padding:1px 0}
.content{white-space:normal;overflow-wrap:anywhere;word-break:break-word;unicode-bidi:isolate}
.edited{color:#949ba4;font-size:10px;margin-left:4px}
.deleted .content{color:#f38688;text-decoration:line-through}
.deleted-note{color:#f23f43;font-size:12px}
.reply{font-size:14px;color:#b5bac1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}
.reply .name{font-size:14px;margin-right:4px}.reply a{color:inherit}.reply .cmd{color:#00a8fc}
.forward{border-left:4px solid #4e5058;padding:2px 0 2px 12px;margin:4px 0}.forward .f-label{color:#949ba4;font-size:12px;font-style:italic}
.system{padding:4px 20px 4px 76px;color:#949ba4;font-style:italic}
code{background:#2b2d31;border-radius:3px;padding:0 2px;font-family:Consolas,"Courier New",monospace;font-size:85%}
pre.code{background:#2b2d31;border:1px solid #1e1f22;border-radius:4px;padding:8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre.code code{background:none;padding:0}
blockquote{margin:2px 0;padding:0 8px 0 12px;border-left:4px solid #4e5058}
h1.md{font-size:24px;margin:8px 0 4px}h2.md{font-size:20px;margin:8px 0 4px}h3.md{font-size:16px;margin:8px 0 4px}
.subtext{color:#949ba4;font-size:12px}
ul,ol{margin:4px 0;padding-left:24px}
.mention{background:rgba(88,101,242,.3);color:#c9cdfb;border-radius:3px;padding:0 2px;font-weight:500}
.emoji{color:#f2f3f5}
.emoji.img{display:inline-block;width:1.375em;height:1.375em;vertical-align:bottom;background-size:contain;background-repeat:no-repeat;background-position:center;color:transparent;overflow:hidden;white-space:nowrap;font-size:inherit}
.spoiler{background:#1e1f22;color:transparent;border-radius:3px;cursor:pointer}
.spoiler:hover,.spoiler:focus{background:#404249;color:inherit}
.spoiler *{visibility:hidden}.spoiler:hover *,.spoiler:focus *{visibility:visible}
.attachment{margin:4px 0}
.attachment img,.embed img.e-image{max-width:min(400px,100%);max-height:300px;height:auto;border-radius:8px;display:block}
.file{display:inline-block;background:#2b2d31;border:1px solid #1e1f22;border-radius:8px;padding:8px 12px;overflow-wrap:anywhere}
.embed{background:#2b2d31;border-left:4px solid #1e1f22;border-radius:4px;padding:8px 12px;margin:4px 0;max-width:min(520px,100%);overflow-wrap:anywhere;display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:16px}
.embed>*{grid-column:1}.embed .e-thumb{grid-column:2;grid-row:1/span 8;width:80px;height:80px;background-size:contain;background-repeat:no-repeat;border-radius:4px}
.embed .e-author{font-size:14px;font-weight:600;display:flex;align-items:center;gap:8px}.embed .e-title{font-weight:600;color:#f2f3f5}
.icon{display:inline-block;flex:none;width:24px;height:24px;border-radius:50%;background-size:cover}.e-footer .icon{width:20px;height:20px}
.e-fields{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:8px;margin-top:8px}
.e-field{grid-column:span 12}.e-field.w4{grid-column:span 4}.e-field.w6{grid-column:span 6}.embed .e-name{font-weight:600;font-size:14px}
.embed img.e-image{margin-top:16px;max-height:300px}
.embed .e-footer{font-size:12px;color:#949ba4;margin-top:8px;display:flex;align-items:center;gap:8px}
.sticker,.reactions{font-size:14px;color:#b5bac1}
.reaction{display:inline-block;background:#2b2d31;border-radius:8px;padding:0 6px;margin:2px 4px 0 0}
.cv2{margin:4px 0}
footer{order:1;padding:12px 20px;color:#949ba4;font-size:12px;border-top:1px solid #1e1f22}

@media print{
body{background:#fff;color:#000;display:block;min-height:0}
header.info,nav.days{background:#fff;border-color:#ccc}header.info h1,.name,.embed .e-title{color:#000}
header.info dt,time,.meta,.subtext,.edited,.reply,.system,.day,footer,.embed .e-footer{color:#555}
a{color:#0645ad}.embed,pre.code,code,.file,.reaction{background:#f4f4f5;border-color:#ccc;color:#000}
.spoiler{background:#ddd;color:#000}.spoiler *{visibility:visible}
.mention{background:#e3e6fd;color:#2d3ab8}
*{position:static!important}nav.days{display:none}
.msg,.system,.embed,.attachment{break-inside:avoid}.group>.avatar{break-after:avoid}
}
`;
