import assert from "node:assert/strict";
import * as spec from "discord-api-spec/zod";
import { startFakeDiscord } from "./fake_discord.ts";

async function currentApplication(fake: { apiUrl: string; token: string }) {
  const response = await fetch(`${fake.apiUrl}/v10/applications/@me`, {
    headers: { authorization: `Bot ${fake.token}` },
  });
  return { status: response.status, body: await response.json() };
}

Deno.test("GET /applications/@me answers Discord's PrivateApplicationResponse", async () => {
  const fake = await startFakeDiscord();
  try {
    const { status, body } = await currentApplication(fake);
    assert.equal(status, 200);
    const parsed = spec.PrivateApplicationResponseSchema.safeParse(body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(body.id, fake.applicationId);
  } finally {
    await fake.close();
  }
});

Deno.test("GET /applications/@me sets the Message Content flag only when the intent is on", async () => {
  const on = await startFakeDiscord();
  const off = await startFakeDiscord({ messageContentIntent: false });
  try {
    const messageContent = (1 << 18) | (1 << 19);
    assert.notEqual((await currentApplication(on)).body.flags & messageContent, 0);
    assert.equal((await currentApplication(off)).body.flags & messageContent, 0);
  } finally {
    await on.close();
    await off.close();
  }
});
