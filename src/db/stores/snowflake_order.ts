/** Ordering snowflake ids stored as text. */
import { sql } from "kysely";

/** Orders snowflake strings numerically when followed by the column itself: shorter ones are smaller. */
export function snowflakeOrder(column: "message_id" | "attachment_id" | "note_id") {
  return sql`length(${sql.ref(column)})`;
}
