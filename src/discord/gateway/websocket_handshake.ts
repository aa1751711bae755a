/**
 * The client's opening handshake (RFC 6455, section 4.1): an HTTP/1.1 upgrade
 * request, and the checks of the server's `101 Switching Protocols` answer,
 * `Sec-WebSocket-Accept` included.
 */

/** The GUID RFC 6455 appends to the key before hashing it. */
const ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

const ENCODER = new TextEncoder();

/** What a server's answer may not exceed before its blank line. */
const MAX_HEAD_BYTES = 16 * 1024;

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** The `Sec-WebSocket-Accept` a server must answer `key` with. */
export async function acceptFor(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", ENCODER.encode(key + ACCEPT_GUID));
  return base64(new Uint8Array(digest));
}

/** The upgrade request for `url` with `key`. */
export function upgradeRequest(url: URL, key: string): string {
  const defaultPort = url.protocol === "wss:" ? "443" : "80";
  const host = url.port === "" || url.port === defaultPort ? url.hostname : url.host;
  return [
    `GET ${url.pathname || "/"}${url.search} HTTP/1.1`,
    `Host: ${host}`,
    "Upgrade: websocket",
    "Connection: Upgrade",
    `Sec-WebSocket-Key: ${key}`,
    "Sec-WebSocket-Version: 13",
    "",
    "",
  ].join("\r\n");
}

/** Where the head of an answer ends (after its blank line), or -1. */
function headEnd(bytes: Uint8Array, length: number): number {
  for (let i = 3; i < length; i++) {
    if (bytes[i] === 10 && bytes[i - 1] === 13 && bytes[i - 2] === 10 && bytes[i - 3] === 13) {
      return i + 1;
    }
  }
  return -1;
}

/** Checks a server's answer head; returns why it does not upgrade, or null. */
export async function refusal(head: string, key: string): Promise<string | null> {
  const [status = "", ...lines] = head.split("\r\n");
  if (!/^HTTP\/1\.1 101\b/.test(status)) return `The server answered "${status}"`;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  if (headers.get("upgrade")?.toLowerCase() !== "websocket") {
    return "The answer has no Upgrade: websocket";
  }
  if (!/\bupgrade\b/i.test(headers.get("connection") ?? "")) {
    return "The answer has no Connection: Upgrade";
  }
  if (headers.get("sec-websocket-accept") !== await acceptFor(key)) {
    return "The answer's Sec-WebSocket-Accept does not match the key";
  }
  if (headers.has("sec-websocket-extensions")) return "The server chose an extension not asked for";
  return null;
}

/**
 * Sends the upgrade request on `conn` and reads the answer into `buffer`.
 * Returns a copy of the bytes that came after the answer's head (the first frames).
 */
export async function openHandshake(
  conn: Deno.Conn,
  url: URL,
  buffer: Uint8Array,
): Promise<Uint8Array> {
  const key = base64(crypto.getRandomValues(new Uint8Array(16)));
  const request = ENCODER.encode(upgradeRequest(url, key));
  let written = 0;
  while (written < request.length) written += await conn.write(request.subarray(written));
  let length = 0;
  let end = -1;
  while (end === -1) {
    if (length >= Math.min(buffer.length, MAX_HEAD_BYTES)) {
      throw new Error("The server's answer to the upgrade is too long");
    }
    const read = await conn.read(buffer.subarray(length));
    if (read === null) throw new Error("The server closed the connection during the upgrade");
    length += read;
    end = headEnd(buffer, length);
  }
  const why = await refusal(new TextDecoder().decode(buffer.subarray(0, end)), key);
  if (why !== null) throw new Error(why);
  return buffer.slice(end, length);
}
