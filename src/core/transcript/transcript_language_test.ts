import assert from "node:assert/strict";
import type { UserId } from "../ids.ts";
import type { Ticket, TicketId } from "../model.ts";
import type { Locale } from "../../i18n/locale.ts";
import { renderHtml } from "./render_html.ts";
import { renderText } from "./render_text.ts";
import { formatDuration } from "./summary_embed.ts";
import { transcriptHeader } from "./transcript_header.ts";
import type { TranscriptMessage } from "./types.ts";
import { loadLanguages } from "../../i18n/catalogs.ts";
import { LOCALES } from "../../i18n/locale.ts";

// The bot loads a language where it comes in (the dispatcher, the settings store); these call the renderers directly.
await loadLanguages(LOCALES);

const alice = { id: "100", username: "alice", global_name: "Alice" };

const ticket = {
  id: 1 as TicketId,
  number: 7,
  openerId: "100" as UserId,
  claimedBy: null,
  topic: null,
  answers: [],
  createdAt: new Date(Date.UTC(2026, 0, 5, 9, 0)),
} as unknown as Ticket;

const messages: TranscriptMessage[] = [
  {
    raw: {
      id: "1",
      type: 0,
      author: alice,
      content: "hallo <b>welt</b>",
      timestamp: "2026-01-05T09:00:00Z",
      edited_timestamp: "2026-01-05T09:05:00Z",
      attachments: [{ id: "9", filename: "a.png", size: 5, url: "https://cdn.example/a.png" }],
    },
    deletedAt: new Date(Date.UTC(2026, 0, 5, 10, 0)),
  },
  {
    raw: { id: "2", type: 7, author: alice, content: "", timestamp: "2026-01-05T09:01:00Z" },
    deletedAt: null,
  },
];

/** The text a reader sees: no style sheet, script or markup. */
function words(html: string): string {
  return html.replace(/<(style|script)>[^<]*<\/\1>/g, "").replace(/<[^>]*>/g, " ");
}

function rendered(locale: Locale) {
  const options = {
    info: transcriptHeader(ticket, { typeName: "Billing", closerId: null, reason: null, locale }),
    locale,
  };
  return { html: renderHtml(messages, options), text: renderText(messages, options) };
}

Deno.test('a German transcript has German labels, lang="de" and German dates', () => {
  const { html, text } = rendered("de");
  assert.match(html, /^<!DOCTYPE html>\n<html lang="de">/);
  assert.match(html, /<dt>Eröffnet von<\/dt>/);
  assert.match(html, /<dt>Grund<\/dt><dd>Kein Grund angegeben<\/dd>/);
  assert.match(html, /data-style="D">5\. Januar 2026<\/time>/);
  assert.match(html, /<dd>05\.01\.2026, 09:00 UTC<\/dd>/);
  assert.match(html, /\(bearbeitet\)/);
  assert.match(html, /Gelöscht am <time [^>]*>05\.01\.2026, 10:00 UTC<\/time>/);
  assert.match(html, /ist dem Server beigetreten\./);
  assert.match(html, /\(5 Bytes\)/);
  assert.match(html, /<footer>2 Nachrichten · ticketeer-Protokoll<\/footer>/);
  assert.match(html, /hallo &lt;b&gt;welt&lt;\/b&gt;/, "content is still escaped");
  assert.doesNotMatch(words(html), /\b(Opened|Reason|edited|Deleted|joined|messages)\b/);

  assert.match(text, /^Ticket #7 · Billing\nEröffnet: 05\.01\.2026, 09:00 UTC\n/);
  assert.match(text, /\[05\.01\.2026, 09:00:00 UTC\] Alice \(100\): hallo <b>welt<\/b>/);
  assert.match(text, /\[Anhang\] a\.png \(5 Bytes\)/);
  assert.match(text, /\(bearbeitet am 05\.01\.2026, 09:05:00 UTC\)/);
  assert.match(text, /\(gelöscht am 05\.01\.2026, 10:00:00 UTC\)/);
  assert.match(text, /\n2 Nachrichten\n$/);
});

Deno.test('a Brazilian Portuguese transcript has Portuguese labels, lang="pt-BR" and Portuguese dates', () => {
  const { html, text } = rendered("pt-BR");
  assert.match(html, /^<!DOCTYPE html>\n<html lang="pt-BR">/);
  assert.match(html, /<dt>Aberto por<\/dt>/);
  assert.match(html, /<dt>Motivo<\/dt><dd>Nenhum motivo informado<\/dd>/);
  assert.match(html, /data-style="D">5 de janeiro de 2026<\/time>/);
  assert.match(html, /\(editada\)/);
  assert.match(html, /Excluída em <time [^>]*>5 de jan\. de 2026, 10:00 UTC<\/time>/);
  assert.match(html, /entrou no servidor\./);
  assert.match(html, /<footer>2 mensagens · transcrição do ticketeer<\/footer>/);
  assert.doesNotMatch(words(html), /\b(Opened|Reason|edited|Deleted|joined|messages)\b/);

  assert.match(text, /^Ticket #7 · Billing\nAberto em: 5 de jan\. de 2026, 09:00 UTC\n/);
  assert.match(text, /\[anexo\] a\.png \(5 bytes\)/);
  assert.match(text, /\(excluída em 5 de jan\. de 2026, 10:00:00 UTC\)/);
  assert.match(text, /\n2 mensagens\n$/);
});

Deno.test('an English transcript stays English, with lang="en"', () => {
  const { html, text } = rendered("en");
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<dt>Opened by<\/dt>/);
  assert.match(html, /data-style="D">January 5, 2026<\/time>/);
  assert.match(html, /<footer>2 messages · ticketeer transcript<\/footer>/);
  assert.match(text, /\(deleted Jan 5, 2026, 10:00:00 AM UTC\)/);
});

Deno.test("formatDuration() writes durations in the summary's language", () => {
  const ms = (26 * 60 + 5) * 60_000;
  assert.equal(formatDuration(ms), "1 day, 2 hr");
  assert.equal(formatDuration(ms, "de"), "1 Tg., 2 Std.");
  assert.equal(formatDuration(ms, "pt-BR"), "1 dia e 2 h");
  // French puts no-break spaces between numbers and units.
  assert.match(formatDuration(125 * 60_000, "fr"), /^2\sh et 5\smin$/);
  assert.equal(formatDuration(40_000, "es-ES"), "40 s");
  assert.equal(formatDuration(0), "0 sec");
});
