import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";

const VERIFIER = "a-code-verifier-that-is-long-enough-for-pkce-0123456789";

async function challengeOf(verifier: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)),
  );
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Signs `userId` in on the authorize form; gives the code it redirects back with. */
async function authorize(
  fake: Awaited<ReturnType<typeof startFakeDiscord>>,
  userId: string,
): Promise<string> {
  const form = new URLSearchParams({
    response_type: "code",
    client_id: fake.applicationId,
    redirect_uri: "http://127.0.0.1:1/web/auth/callback",
    scope: "identify",
    state: "state-of-sixteen-characters",
    code_challenge: await challengeOf(VERIFIER),
    code_challenge_method: "S256",
    user_id: userId,
  });
  const response = await fetch(`${fake.url}/oauth2/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  await response.body?.cancel();
  assert.equal(response.status, 302);
  const back = new URL(response.headers.get("location")!);
  assert.equal(back.searchParams.get("state"), "state-of-sixteen-characters");
  return back.searchParams.get("code")!;
}

function exchange(
  fake: Awaited<ReturnType<typeof startFakeDiscord>>,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(`${fake.apiUrl}/v10/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${btoa(`${fake.applicationId}:${fake.clientSecret}`)}` },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      redirect_uri: "http://127.0.0.1:1/web/auth/callback",
      code_verifier: VERIFIER,
      ...fields,
    }),
  });
}

Deno.test("fake OAuth2: a code becomes a Bearer token for users/@me, once", async () => {
  const fake = await startFakeDiscord();
  try {
    const alice = fake.createUser({ username: "alice" });
    const code = await authorize(fake, alice.id);
    const tokens = await exchange(fake, { code });
    assert.equal(tokens.status, 200);
    const { access_token } = await tokens.json();
    const me = await fetch(`${fake.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    assert.equal((await me.json()).id, alice.id);
    const again = await exchange(fake, { code });
    assert.equal((await again.json()).error, "invalid_grant", "a code works once");
    const wrong = await fetch(`${fake.apiUrl}/v10/users/@me`, {
      headers: { authorization: "Bearer nope" },
    });
    await wrong.body?.cancel();
    assert.equal(wrong.status, 401);
    fake.assertNoViolations();
  } finally {
    await fake.close();
  }
});

Deno.test("fake OAuth2: the token endpoint checks the secret, redirect_uri and PKCE verifier", async () => {
  const fake = await startFakeDiscord();
  try {
    const alice = fake.createUser({ username: "alice" });
    const badVerifier = await exchange(fake, {
      code: await authorize(fake, alice.id),
      code_verifier: `${VERIFIER}-changed`,
    });
    assert.equal((await badVerifier.json()).error, "invalid_grant");
    const badRedirect = await exchange(fake, {
      code: await authorize(fake, alice.id),
      redirect_uri: "http://127.0.0.1:2/elsewhere",
    });
    assert.equal((await badRedirect.json()).error, "invalid_grant");
    const badSecret = await fetch(`${fake.apiUrl}/v10/oauth2/token`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${fake.applicationId}:wrong`)}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code: "x" }),
    });
    assert.equal(badSecret.status, 401);
    assert.equal((await badSecret.json()).error, "invalid_client");
  } finally {
    await fake.close();
  }
});

Deno.test("fake OAuth2: an authorize request without PKCE or state is refused and recorded", async () => {
  const fake = await startFakeDiscord();
  try {
    const query = new URLSearchParams({
      response_type: "code",
      client_id: fake.applicationId,
      redirect_uri: "http://127.0.0.1:1/cb",
      scope: "identify",
    });
    const response = await fetch(`${fake.url}/oauth2/authorize?${query}`);
    await response.body?.cancel();
    assert.equal(response.status, 400);
    assert.ok(fake.violations.some((v) => v.kind === "oauth2" && /PKCE/.test(v.detail)));
  } finally {
    await fake.close();
  }
});
