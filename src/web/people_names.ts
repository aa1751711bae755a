/**
 * People on the web pages by the names their guild shows for them (nickname,
 * display name, username), looked up at once rather than one by one; a person
 * the bot does not know, or a failed look-up, is shown by id.
 */
import { html } from "hono/html";
import type { GuildId, UserId } from "../core/ids.ts";
import type { Html } from "./layout.ts";
import type { MemberLookup } from "./member_lookup.ts";

/** The names found, by guild and person. */
export type PeopleNames = ReadonlyMap<string, string | null>;

/** A person of a guild, as a page names them. */
export interface GuildPerson {
  guildId: GuildId;
  userId: UserId | null;
}

const keyOf = (guildId: GuildId, userId: UserId) => `${guildId}/${userId}`;

/** The names of `people` (each looked up once). */
export async function namesOf(
  lookup: Pick<MemberLookup, "memberName">,
  people: Iterable<GuildPerson>,
): Promise<PeopleNames> {
  const wanted = new Map<string, { guildId: GuildId; userId: UserId }>();
  for (const { guildId, userId } of people) {
    if (userId !== null) wanted.set(keyOf(guildId, userId), { guildId, userId });
  }
  const entries = await Promise.all(
    [...wanted].map(async ([key, who]) =>
      [key, await lookup.memberName(who.guildId, who.userId).catch(() => null)] as const
    ),
  );
  return new Map(entries);
}

/** A person by the name their guild shows (their id on hover), or by id when it is not known. */
export function personCell(names: PeopleNames, person: GuildPerson): Html {
  const { guildId, userId } = person;
  if (userId === null) return html`\u2014`;
  const name = names.get(keyOf(guildId, userId)) ?? null;
  return name === null
    ? html`<code>${userId}</code>`
    : html`<span title="${userId}">${name}</span>`;
}
