/** A message posted as the bot through the fake's REST API, for the fake's own tests. */

/** POSTs `body` to `/channels/{channel}/messages` with the bot's token. */
export function postAsBot(
  fake: { apiUrl: string; token: string },
  channel: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${fake.apiUrl}/v10/channels/${channel}/messages`, {
    method: "POST",
    headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
