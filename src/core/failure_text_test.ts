import assert from "node:assert/strict";
import type { DiscordFailure } from "./discord_failure.ts";
import { failureReason, failureRefusal } from "./failure_text.ts";
import { loadLanguages } from "../i18n/catalogs.ts";
import { LOCALES } from "../i18n/locale.ts";

// The bot loads a language where it comes in (the dispatcher, the settings store); these call the renderers directly.
await loadLanguages(LOCALES);

Deno.test("failureRefusal() tells a member what to do for each failure they can act on", () => {
  const missing = failureRefusal({ kind: "missing_permissions" });
  assert.equal(missing?.code, "bot_missing_permissions");
  assert.match(missing?.text ?? "", /I lack a permission I need here/);
  const creating = failureRefusal({ kind: "missing_access" }, {
    doing: "create_channel",
  });
  assert.match(creating?.text ?? "", /I need to create your ticket channel/);
  assert.match(
    failureRefusal({ kind: "rate_limited", retryAfterMs: 4200 })?.text ?? "",
    /try again in 5 seconds/,
  );
  assert.equal(failureRefusal({ kind: "unavailable", status: 502 })?.code, "discord_unavailable");
});

Deno.test("failureRefusal() leaves an unexplained failure to the apology", () => {
  const other: DiscordFailure = { kind: "other", status: 400, code: 50035, message: "Invalid" };
  assert.equal(failureRefusal(other), null);
});

Deno.test("failureReason() names the place that failed in a clause", () => {
  assert.equal(
    failureReason({ kind: "unknown_channel" }, "the log channel"),
    "the log channel no longer exists; choose another one with `/config set`",
  );
  assert.equal(
    failureReason({ kind: "missing_access" }, "the ticket channel"),
    "the bot cannot see the ticket channel; give it View Channel there",
  );
  assert.equal(
    failureReason({ kind: "unknown_role" }, "the ticket channel"),
    "Discord refused a request for the ticket channel (unknown_role)",
  );
});

Deno.test("failureRefusal() speaks the reader's language", () => {
  assert.match(
    failureRefusal({ kind: "rate_limited", retryAfterMs: 1000 }, { locale: "de" })?.text ?? "",
    /in 1 Sekunde noch einmal/,
  );
  assert.match(
    failureRefusal({ kind: "missing_access" }, { doing: "create_channel", locale: "fr" })?.text ??
      "",
    /pour créer votre salon de ticket/,
  );
  assert.equal(
    // `where` is named in the reader's language too.
    failureReason({ kind: "unknown_channel" }, "el canal de registro", { locale: "es-ES" }),
    "el canal de registro ya no existe; elige otro con `/config set`",
  );
});
