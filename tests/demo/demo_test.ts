import assert from "node:assert/strict";
import { within } from "../../src/lib/deadline.ts";
import { CookieClient } from "../e2e/web_world.ts";

const DEMO = new URL("./demo.ts", import.meta.url);

/** Runs the demo with `args` as a person would; its output, once it exited 0 with no error. */
async function playDemo(args: string[]): Promise<string> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", DEMO.href, ...args],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
    signal: AbortSignal.timeout(30_000),
  }).output();
  const stdout = new TextDecoder().decode(output.stdout);
  const stderr = new TextDecoder().decode(output.stderr);
  assert.equal(output.code, 0, `the demo failed:\n${stdout}\n${stderr}`);
  assert.equal(stderr, "", "the bot logged no error");
  return stdout;
}

Deno.test("deno task demo plays the whole ticket story and exits 0", async () => {
  const stdout = await playDemo([]);
  const expected = [
    /dana runs \/setup in #general/,
    /Staff role: @Support \(created\)/,
    /new: #ticket-logs, seen by dana, ticketeer, @Support; hidden from alice, bob/,
    /dana runs \/type set setting:"questions" type:"Billing" value:"Plan \(choice: Free, Pro, Team\)"/,
    /dana runs \/type set setting:"staff_roles" type:"Billing" value:"@Support"/,
    /ticketeer posts in #help, for everyone:\n.*Support\n.*\n\s+\[ Support \] \[ 💳 Billing \]/,
    /alice clicks \[ 💳 Billing \] in #help\n.*shows alice a form.*“Open a ticket”\n\s+Plan: \( Free \| Pro \| Team \)/,
    /alice chooses “Pro” and sends the form\n.*only visible to alice.*\n\s+Your ticket is open: #ticket-1/,
    /new: #ticket-1 in 📁 Tickets, seen by dana, alice, ticketeer, @Support; hidden from bob/,
    /@alice @Support\n\s+Thanks for reaching out.*\n\s+│ Ticket #1\n\s+│ Plan: Pro\n\s+\[ Close \] \[ Claim \]/,
    /bob: Is the Pro plan billed monthly or yearly\?\n\n\d+\. bob right-clicks the message → Apps → “Open a ticket about this”\n.*only visible to bob.*\n\s+Your ticket is open: #ticket-2/,
    /new: #ticket-2 in 📁 Tickets, seen by dana, bob, ticketeer, @Support; hidden from alice/,
    /About this message from @bob:\n\s+> Is the Pro plan billed monthly or yearly\?\n\s+Go to the message: https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+/,
    /alice: Hi! My order #1042 arrived with a cracked screen\./,
    /@dana is handling this ticket\./,
    /only visible to dana.*\n\s+Close ticket #1\? .*\n\s+Reason: Replacement sent\n\s+\[ Close ticket \] \[ Cancel \]/,
    /Ticket #1 is closed\./,
    /In #ticket-logs \(staff only\), ticketeer posted:/,
    /│ Messages: 5/,
    /│ Closed by: @dana/,
    /the transcript: ticket-1-transcript\.html, \d+(\.\d)? KB, 5 messages/,
    /#ticket-1 is gone; channels now: #general, #help, #ticket-2, 📁 Tickets, #ticket-logs/,
    /no rule broken/,
  ];
  for (const line of expected) assert.match(stdout, line);
});

Deno.test("deno task demo --assistant shows the assistant quoting the docs, then calling staff", async () => {
  const stdout = await playDemo(["--assistant"]);
  const expected = [
    /ticketeer assistant answering from tests\/demo\/assistant_docs/,
    /alice: Hi! How do I reset my password\?\n.*\(the assistant\):\n\s+From \*\*Acme account help\*\* \(Reset your password\):\n\s+> Go to acme\.example\/reset/,
    /alice: The link expired\. Can I talk to a human, please\?\n.*\(the assistant\):\n\s+I'm only the automated assistant/,
    /notifying @Support only:\n\s+@Support the member asked for a person/,
    /the assistant is now paused in #ticket-1; staff take over/,
    /@dana is handling this ticket\./,
    /no rule broken/,
  ];
  for (const line of expected) assert.match(stdout, line);
});

Deno.test("deno task demo --lang=de plays the story with the bot speaking German", async () => {
  const stdout = await playDemo(["--lang=de"]);
  const expected = [
    /dana runs \/config set language language:"de" in #general/,
    /Öffentliche Nachrichten in diesem Server sind jetzt auf Deutsch\./,
    /alice clicks \[ 💳 Billing \] in #help\n.*“Ein Ticket eröffnen”/,
    /Dein Ticket ist eröffnet: #ticket-1/,
    /Danke, dass du dich meldest\.[^\n]*\n\s+│ Ticket #1\n\s+│ Plan: Pro\n\s+\[ Schließen \] \[ Übernehmen \]/,
    /Zu dieser Nachricht von @bob:/,
    /@dana kümmert sich um dieses Ticket\./,
    /Ticket #1 schließen\? .*\n\s+Grund: Replacement sent\n\s+\[ Ticket schließen \] \[ Abbrechen \]/,
    /Ticket #1 ist geschlossen\./,
    /no rule broken/,
  ];
  for (const line of expected) assert.match(stdout, line);
});

Deno.test("deno task demo --web prints a link that opens the transcript page after signing in as dana", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", DEMO.href, "--web"],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const stderr = new Response(child.stderr).text();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let stdout = "";
  try {
    const link = await within(
      (async () => {
        while (true) {
          const { value, done } = await lines.read();
          if (done) throw new Error(`The demo ended without a link:\n${stdout}`);
          stdout += value;
          const found = /^ {3}(http:\/\/127\.0\.0\.1:\d+\/web\/t\/\d+\/1)$/m.exec(stdout)?.[1];
          if (found !== undefined && stdout.includes("Serving it until Ctrl+C")) return found;
        }
      })(),
      30_000,
      "the demo's transcript link",
    );
    assert.match(stdout, /\[ Open transcript \]/);
    const client = new CookieClient();
    const origin = new URL(link).origin;
    const login = await client.fetch(link);
    await login.body?.cancel();
    assert.equal(login.status, 302, "signing in first");
    const people = await client.fetch(new URL(login.headers.get("location")!, origin).href);
    const authorize = new URL(people.headers.get("location")!);
    const consent = await (await client.fetch(authorize.href)).text();
    const dana = /<button name="user_id" value="(\d+)">Authorize as dana<\/button>/.exec(consent);
    assert.ok(dana, "the fake's authorize page offers dana");
    const form = new URLSearchParams(authorize.searchParams);
    form.set("user_id", dana[1]!);
    const back = await client.fetch(`${authorize.origin}${authorize.pathname}`, {
      method: "POST",
      body: form,
    });
    await back.body?.cancel();
    const callback = await client.fetch(back.headers.get("location")!);
    await callback.body?.cancel();
    assert.equal(new URL(callback.headers.get("location")!, origin).href, link);
    const page = await client.fetch(link);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes("Replacement sent"));
  } finally {
    child.kill("SIGINT");
    // Read to the end, so the demo can write its last lines and exit.
    for (let part = await lines.read(); !part.done; part = await lines.read()) stdout += part.value;
  }
  const status = await child.status;
  assert.equal(status.code, 0, `the demo failed:\n${stdout}\n${await stderr}`);
  assert.equal(await stderr, "", "the bot logged no error");
  assert.match(stdout, /no rule broken/);
});
