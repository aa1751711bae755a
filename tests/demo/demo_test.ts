import assert from "node:assert/strict";

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
    /ticketeer posts in #help, for everyone:\n.*Support\n.*\n\s+\[ Create ticket \]/,
    /alice clicks \[ Create ticket \] in #help\n.*only visible to alice.*\n\s+Your ticket is open: #ticket-1/,
    /new: #ticket-1 in 📁 Tickets, seen by dana, alice, ticketeer, @Support; hidden from bob/,
    /@alice @Support\n\s+Thanks for reaching out/,
    /\[ Close \] \[ Claim \]/,
    /alice: Hi! My order #1042 arrived with a cracked screen\./,
    /@dana is handling this ticket\./,
    /only visible to dana.*\n\s+Close ticket #1\? .*\n\s+Reason: Replacement sent\n\s+\[ Close ticket \] \[ Cancel \]/,
    /Ticket #1 is closed\./,
    /In #ticket-logs \(staff only\), ticketeer posted:/,
    /│ Messages: 5/,
    /│ Closed by: @dana/,
    /the transcript: ticket-1-transcript\.html, \d+(\.\d)? KB, 5 messages/,
    /#ticket-1 is gone; channels now: #general, #help, 📁 Tickets, #ticket-logs/,
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
    /dana runs \/config language language:"de" in #general/,
    /Öffentliche Nachrichten in diesem Server sind jetzt auf Deutsch\./,
    /\[ Ticket erstellen \]/,
    /alice clicks \[ Ticket erstellen \] in #help/,
    /@dana kümmert sich um dieses Ticket\./,
    /Ticket #1 schließen\? .*\n\s+Grund: Replacement sent\n\s+\[ Ticket schließen \] \[ Abbrechen \]/,
    /Ticket #1 ist geschlossen\./,
    /no rule broken/,
  ];
  for (const line of expected) assert.match(stdout, line);
});
