import assert from "node:assert/strict";
import { highestRoleColor } from "./role_color.ts";

const ROLES = new Map([
  ["1", { name: "Support", color: 0x3498db, position: 2 }],
  ["2", { name: "Admin", color: 0xe91e63, position: 3 }],
  ["3", { name: "Muted", color: 0, position: 9 }],
]);

Deno.test("highestRoleColor() picks the highest role that has a colour", () => {
  assert.equal(highestRoleColor(["1", "2", "3"], ROLES), 0xe91e63);
  assert.equal(highestRoleColor(["1", "3"], ROLES), 0x3498db);
});

Deno.test("highestRoleColor() is null for members without a coloured role", () => {
  assert.equal(highestRoleColor(["3", "404"], ROLES), null);
  assert.equal(highestRoleColor([], ROLES), null);
});
