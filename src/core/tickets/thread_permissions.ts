/** What the bot needs in a channel to hold private threads there: ticket threads, staff threads. */
import { hasPermission, Permission } from "../permissions_bits.ts";

/** Permissions the bot needs in a parent channel for private-thread tickets, by name. */
export const THREAD_PERMISSIONS: readonly { name: string; bit: bigint }[] = [
  { name: "View Channel", bit: Permission.ViewChannel },
  { name: "Create Private Threads", bit: Permission.CreatePrivateThreads },
  { name: "Send Messages in Threads", bit: Permission.SendMessagesInThreads },
  { name: "Manage Threads", bit: Permission.ManageThreads },
];

/** Names of the `THREAD_PERMISSIONS` that `permissions` lacks. */
export function missingForThreads(permissions: bigint): string[] {
  return THREAD_PERMISSIONS.filter((p) => !hasPermission(permissions, p.bit)).map((p) => p.name);
}
