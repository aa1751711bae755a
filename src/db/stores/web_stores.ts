/** Binds the web pages' stores to an open database. */
import type { WebStores } from "../../core/ports.ts";
import type { DatabaseHandle } from "../connect.ts";
import type { FieldCipher } from "../encryption/field_cipher.ts";
import { shareLinkStore } from "./share_links.ts";
import type { StoreScope } from "./scope.ts";
import { ticketBrowser } from "./ticket_browser.ts";

/** The web pages' stores over `handle`; `now` stamps nothing here, so the system clock is fine. */
export function createWebStores(
  handle: DatabaseHandle,
  options: { cipher?: FieldCipher } = {},
): WebStores {
  const scope: StoreScope = {
    db: handle.db,
    kind: handle.kind,
    now: () => Date.now(),
    ...(options.cipher ? { cipher: options.cipher } : {}),
  };
  return { browser: ticketBrowser(scope), shareLinks: shareLinkStore(scope) };
}
