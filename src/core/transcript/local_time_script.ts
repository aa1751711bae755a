/**
 * The transcript's only script: it rewrites every `<time datetime>` in the
 * reader's own time zone and language (relative for Discord's `R` style), and
 * keeps the UTC text as the element's title. The document's Content Security
 * Policy allows exactly this text by its SHA-256 hash; `local_time_script_test.ts`
 * checks that the hash below matches, so an edit to one without the other fails.
 */

/** The inline script, byte for byte as the page carries it. */
export const LOCAL_TIME_SCRIPT =
  '(()=>{const o={t:{timeStyle:"short"},T:{timeStyle:"medium"},d:{dateStyle:"short"},' +
  'D:{dateStyle:"long"},f:{dateStyle:"long",timeStyle:"short"},' +
  'F:{dateStyle:"full",timeStyle:"short"},s:{dateStyle:"medium",timeStyle:"short"}};' +
  'const u=[["year",31536e6],["month",2592e6],["day",864e5],["hour",36e5],["minute",6e4],' +
  '["second",1e3]];const r=new Intl.RelativeTimeFormat(undefined,{numeric:"auto"});' +
  'for(const e of document.querySelectorAll("time[datetime]")){' +
  'const d=new Date(e.getAttribute("datetime"));if(isNaN(d))continue;' +
  'const s=e.dataset.style||"s";if(!e.title)e.title=e.textContent;let x;' +
  'if(s==="R"){const ms=d-Date.now();const[n,m]=u.find(([,m])=>Math.abs(ms)>=m)||u[5];' +
  "x=r.format(Math.round(ms/m),n)}else x=new Intl.DateTimeFormat(undefined,o[s]||o.s).format(d);" +
  'e.textContent=x;e.dataset.local=""}})()';

/** SHA-256 of `LOCAL_TIME_SCRIPT`, base64, as the CSP's `script-src` names it. */
export const LOCAL_TIME_SCRIPT_SHA256 = "fdAjuFHs2lHfRvwdD47G8kWjMgTk26W8Meqm/me8CQk=";
