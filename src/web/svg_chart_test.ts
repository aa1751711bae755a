import assert from "node:assert/strict";
import { barChart } from "./svg_chart.ts";

Deno.test("barChart() draws one bar per value with its tooltip, and escapes every label", async () => {
  const svg = String(
    await barChart("Load <b>", {
      id: "chart-test",
      series: [{ name: "Opened", color: "#5865f2" }, { name: "Closed", color: "#23a55a" }],
      groups: [
        { label: "<script>alert(1)</script>", values: [3, 1] },
        { label: "Tue", values: [0, 2], texts: ["none", "two"] },
      ],
    }),
  );
  assert.equal((svg.match(/<rect x=/g) ?? []).length, 4 + 2, "four bars and two legend keys");
  assert.ok(!svg.includes("<script>"), "a member's name cannot add markup");
  assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt; · Opened: 3/);
  assert.match(svg, /Tue · Closed: two/);
  assert.match(svg, /aria-label="Load &lt;b&gt;"/);
  assert.match(svg, /id="chart-test"/);
});
