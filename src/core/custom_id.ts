/**
 * Component `custom_id`s: versioned, short, and self-contained, so a button posted
 * months ago still routes after a restart. `t1:` ids name an action and its target
 * (`t1:open:<typeId>` opens that type, forever; `t1:cfgok:<interaction>` applies
 * the `/config import` that interaction previewed); `t2:pick` is the select menu
 * of types on a panel, whose chosen value is the type id. Decoding never throws: an id
 * that does not parse is `null`, which the dispatcher answers as a stale component.
 */
import type { UserId } from "./ids.ts";
import type { TicketId, TicketTypeId } from "./model.ts";
import { QUEUE_FILTERS, type QueueFilter } from "./queue_filter.ts";

/** What a component or modal id names. */
export type ComponentId =
  /** The panel's "create ticket" button. */
  | { action: "open"; typeId: TicketTypeId }
  /** The modal the panel shows when the type asks a question first. */
  | { action: "openform"; typeId: TicketTypeId }
  /** Close button on the welcome message (asks for confirmation). */
  | { action: "close"; ticketId: TicketId }
  /** Claim button on the welcome message. */
  | { action: "claim"; ticketId: TicketId }
  /** Confirmation of a close. */
  | { action: "closeok"; ticketId: TicketId }
  /** Cancellation of a close. */
  | { action: "closeno"; ticketId: TicketId }
  /** Reopen button on a closed ticket's summary in the log channel. */
  | { action: "reopen"; ticketId: TicketId }
  /** A panel's select menu of types: the chosen option's value is the type id. */
  | { action: "pick" }
  /** Confirmation of `/privacy erase`: whose words, and the admin who asked (only they confirm). */
  | { action: "eraseok"; userId: UserId; askerId: UserId }
  /** Cancellation of `/privacy erase`. */
  | { action: "eraseno"; userId: UserId }
  /** One of the five rating buttons of the feedback DM after a close. */
  | { action: "rate"; ticketId: TicketId; stars: number }
  /** The optional comment form shown after a rating. */
  | { action: "ratenote"; ticketId: TicketId }
  /** Apply on a `/config import` preview: the id of the interaction that made it. */
  | { action: "cfgok"; importId: string }
  /** Cancel on a `/config import` preview. */
  | { action: "cfgno"; importId: string }
  /** The form of `/tag create`: the new tag's name is one of its fields. */
  | { action: "tag"; mode: "new" }
  /** The form of `/tag edit`: which tag it changes (its name, as written after the prefix). */
  | { action: "tag"; mode: "edit"; name: string }
  /** Previous/Next of `/ticket list`: the filter and the page (from 0) to show. */
  | { action: "queue"; filter: QueueFilter; page: number }
  /** The opener accepts close request `seq` of a ticket (`t1:creqok:<ticket>:<seq>`). */
  | { action: "creqok"; ticketId: TicketId; seq: number }
  /** The opener keeps the ticket open instead (`t1:creqno:<ticket>:<seq>`). */
  | { action: "creqno"; ticketId: TicketId; seq: number };

/** The version of ids without a target (the select menu of types). */
export const PICK_ID_PREFIX = "t2";

/** The version prefix every id this build writes starts with. */
export const CUSTOM_ID_PREFIX = "t1";

/** Discord's limit on `custom_id` length. */
export const MAX_CUSTOM_ID_LENGTH = 100;

const TYPE_ACTIONS: ReadonlySet<string> = new Set(["open", "openform"]);
const TICKET_ACTIONS: ReadonlySet<string> = new Set([
  "close",
  "claim",
  "closeok",
  "closeno",
  "ratenote",
  "reopen",
]);
const POSITIVE_INTEGER = /^[1-9][0-9]{0,15}$/;

/** Encodes a component id, e.g. `t1:close:42` or `t1:eraseok:<user>:<asker>`. */
export function encodeCustomId(id: ComponentId): string {
  if (id.action === "pick") return `${PICK_ID_PREFIX}:pick`;
  if (id.action === "eraseok" || id.action === "eraseno") return encodeErase(id);
  if (id.action === "rate") return encodeRate(id);
  if (id.action === "cfgok" || id.action === "cfgno") return encodeImport(id);
  if (id.action === "tag") return encodeTag(id);
  if (id.action === "queue") return encodeQueue(id);
  if (id.action === "creqok" || id.action === "creqno") return encodeCloseRequest(id);
  const target = "typeId" in id ? id.typeId : id.ticketId;
  if (!Number.isSafeInteger(target) || target < 1) {
    throw new RangeError(`Cannot encode custom id: ${target} is not a positive integer id`);
  }
  const encoded = `${CUSTOM_ID_PREFIX}:${id.action}:${target}`;
  if (encoded.length > MAX_CUSTOM_ID_LENGTH) {
    throw new RangeError(`Cannot encode custom id: ${encoded.length} characters exceed 100`);
  }
  return encoded;
}

/** Decodes a component id; `null` when it is not one this build understands. */
export function decodeCustomId(raw: string): ComponentId | null {
  if (raw.length === 0 || raw.length > MAX_CUSTOM_ID_LENGTH) return null;
  const parts = raw.split(":");
  if (raw === `${PICK_ID_PREFIX}:pick`) return { action: "pick" };
  if (parts[1] === "eraseok" || parts[1] === "eraseno") return decodeErase(parts);
  if (parts[1] === "rate") return decodeRate(parts);
  if (parts[1] === "cfgok" || parts[1] === "cfgno") return decodeImport(parts);
  if (parts[1] === "tag") return decodeTag(raw);
  if (parts[1] === "queue") return decodeQueue(parts);
  if (parts[1] === "creqok" || parts[1] === "creqno") return decodeCloseRequest(parts);
  if (parts.length !== 3) return null;
  const [prefix, action, target] = parts as [string, string, string];
  if (prefix !== CUSTOM_ID_PREFIX || !POSITIVE_INTEGER.test(target)) return null;
  const value = Number(target);
  if (!Number.isSafeInteger(value)) return null;
  if (TYPE_ACTIONS.has(action)) {
    return { action: action as "open" | "openform", typeId: value as TicketTypeId };
  }
  if (TICKET_ACTIONS.has(action)) {
    return {
      action: action as "close" | "claim" | "closeok" | "closeno" | "ratenote" | "reopen",
      ticketId: value as TicketId,
    };
  }
  return null;
}

const SNOWFLAKE = /^[1-9][0-9]{15,19}$/;

function encodeErase(id: Extract<ComponentId, { action: "eraseok" | "eraseno" }>): string {
  const users = id.action === "eraseok" ? [id.userId, id.askerId] : [id.userId];
  if (!users.every((u) => SNOWFLAKE.test(u))) {
    throw new RangeError(`Cannot encode custom id: ${users.join(", ")} is not a Discord user id`);
  }
  return [CUSTOM_ID_PREFIX, id.action, ...users].join(":");
}

function decodeErase(parts: readonly string[]): ComponentId | null {
  const [prefix, action, userId, askerId] = parts;
  if (prefix !== CUSTOM_ID_PREFIX || userId === undefined || !SNOWFLAKE.test(userId)) return null;
  if (action === "eraseno") return parts.length === 3 ? { action, userId: userId as UserId } : null;
  if (parts.length !== 4 || askerId === undefined || !SNOWFLAKE.test(askerId)) return null;
  return { action: "eraseok", userId: userId as UserId, askerId: askerId as UserId };
}

const STARS = /^[1-5]$/;

function encodeRate(id: Extract<ComponentId, { action: "rate" }>): string {
  if (!Number.isSafeInteger(id.ticketId) || id.ticketId < 1 || !STARS.test(String(id.stars))) {
    throw new RangeError(`Cannot encode custom id: rating ${id.stars} of ticket ${id.ticketId}`);
  }
  return `${CUSTOM_ID_PREFIX}:rate:${id.ticketId}:${id.stars}`;
}

function decodeRate(parts: readonly string[]): ComponentId | null {
  const [prefix, , ticket, stars] = parts;
  if (parts.length !== 4 || prefix !== CUSTOM_ID_PREFIX) return null;
  if (ticket === undefined || !POSITIVE_INTEGER.test(ticket)) return null;
  if (stars === undefined || !STARS.test(stars)) return null;
  const ticketId = Number(ticket);
  return Number.isSafeInteger(ticketId)
    ? { action: "rate", ticketId: ticketId as TicketId, stars: Number(stars) }
    : null;
}

function encodeImport(id: Extract<ComponentId, { action: "cfgok" | "cfgno" }>): string {
  if (!SNOWFLAKE.test(id.importId)) {
    throw new RangeError(`Cannot encode custom id: ${id.importId} is not a Discord id`);
  }
  return [CUSTOM_ID_PREFIX, id.action, id.importId].join(":");
}

function decodeImport(parts: readonly string[]): ComponentId | null {
  const [prefix, action, importId] = parts;
  if (parts.length !== 3 || prefix !== CUSTOM_ID_PREFIX) return null;
  if (importId === undefined || !SNOWFLAKE.test(importId)) return null;
  return action === "cfgok" ? { action, importId } : { action: "cfgno", importId };
}

const TAG_NEW = `${CUSTOM_ID_PREFIX}:tag:new`;
const TAG_EDIT = `${CUSTOM_ID_PREFIX}:tag:edit:`;

function encodeTag(id: Extract<ComponentId, { action: "tag" }>): string {
  if (id.mode === "new") return TAG_NEW;
  const encoded = `${TAG_EDIT}${id.name}`;
  if (id.name.trim() === "" || encoded.length > MAX_CUSTOM_ID_LENGTH) {
    throw new RangeError(`Cannot encode custom id: the tag name does not fit in 100 characters`);
  }
  return encoded;
}

function decodeTag(raw: string): ComponentId | null {
  if (raw === TAG_NEW) return { action: "tag", mode: "new" };
  if (!raw.startsWith(TAG_EDIT) || raw.length === TAG_EDIT.length) return null;
  return { action: "tag", mode: "edit", name: raw.slice(TAG_EDIT.length) };
}

/** True when a tag of this name can be edited in a form (its name fits the form's id). */
export function tagNameFitsEditForm(name: string): boolean {
  return `${TAG_EDIT}${name}`.length <= MAX_CUSTOM_ID_LENGTH;
}

const PAGE = /^(0|[1-9][0-9]{0,5})$/;

function encodeQueue(id: Extract<ComponentId, { action: "queue" }>): string {
  if (!Number.isSafeInteger(id.page) || id.page < 0 || !PAGE.test(String(id.page))) {
    throw new RangeError(`Cannot encode custom id: page ${id.page} is not a page number`);
  }
  return [CUSTOM_ID_PREFIX, "queue", id.filter, id.page].join(":");
}

function decodeQueue(parts: readonly string[]): ComponentId | null {
  const [prefix, , filter, page] = parts;
  if (parts.length !== 4 || prefix !== CUSTOM_ID_PREFIX || page === undefined) return null;
  const known = QUEUE_FILTERS.find((f) => f === filter);
  if (known === undefined || !PAGE.test(page)) return null;
  return { action: "queue", filter: known, page: Number(page) };
}

function positive(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`Cannot encode custom id: ${what} ${value} is not a positive integer`);
  }
  return String(value);
}

function encodeCloseRequest(id: Extract<ComponentId, { action: "creqok" | "creqno" }>): string {
  return [CUSTOM_ID_PREFIX, id.action, positive(id.ticketId, "ticket"), positive(id.seq, "request")]
    .join(":");
}

function decodeCloseRequest(parts: readonly string[]): ComponentId | null {
  const [prefix, action, ticket, seq] = parts;
  if (prefix !== CUSTOM_ID_PREFIX || parts.length !== 4) return null;
  if (action !== "creqok" && action !== "creqno") return null;
  if (!POSITIVE_INTEGER.test(ticket ?? "") || !POSITIVE_INTEGER.test(seq ?? "")) return null;
  const ticketId = Number(ticket);
  const number = Number(seq);
  if (!Number.isSafeInteger(ticketId) || !Number.isSafeInteger(number)) return null;
  return { action, ticketId: ticketId as TicketId, seq: number };
}
