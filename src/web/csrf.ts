/**
 * CSRF protection: every state-changing form carries the session's token
 * (double submit: the signed cookie holds it, the form repeats it); a form
 * without it, or with another session's, is refused.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Session } from "./session.ts";

/** The form field that carries the token. */
export const CSRF_FIELD = "csrf";

/** The hidden input every state-changing form includes. */
export function csrfInput(session: Session): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">`;
}

/** True when the submitted form carries the session's token. */
export function csrfValid(session: Session, form: FormData): boolean {
  const sent = form.get(CSRF_FIELD);
  if (typeof sent !== "string" || sent.length !== session.csrf.length) return false;
  let difference = 0;
  for (let i = 0; i < sent.length; i++) {
    difference |= sent.charCodeAt(i) ^ session.csrf.charCodeAt(i);
  }
  return difference === 0;
}
