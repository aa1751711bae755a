import assert from "node:assert/strict";
import { LOCAL_TIME_SCRIPT, LOCAL_TIME_SCRIPT_SHA256 } from "./local_time_script.ts";

Deno.test("LOCAL_TIME_SCRIPT_SHA256 is the SHA-256 of the script the page carries", async () => {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(LOCAL_TIME_SCRIPT),
  );
  const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  assert.equal(LOCAL_TIME_SCRIPT_SHA256, base64);
});

Deno.test("LOCAL_TIME_SCRIPT carries nothing a page could mistake for markup", () => {
  assert.ok(!/<\/|<!--/.test(LOCAL_TIME_SCRIPT), "nothing that could end the script early");
});
