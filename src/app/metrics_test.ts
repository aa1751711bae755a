import assert from "node:assert/strict";
import { Counter, createMetrics, Gauge, Histogram, Registry, renderPrometheus } from "./metrics.ts";

Deno.test("renderPrometheus() writes HELP, TYPE and one line per counter series", () => {
  const registry = new Registry();
  const counter = registry.register(
    new Counter("app_requests_total", "Requests served.", ["route", "status"]),
  );
  counter.inc({ route: "/a", status: "200" });
  counter.inc({ route: "/a", status: "200" }, 2);
  counter.inc({ status: "500", route: "/b" });
  assert.equal(
    renderPrometheus(registry),
    [
      "# HELP app_requests_total Requests served.",
      "# TYPE app_requests_total counter",
      'app_requests_total{route="/a",status="200"} 3',
      'app_requests_total{route="/b",status="500"} 1',
      "",
    ].join("\n"),
  );
});

Deno.test("renderPrometheus() escapes label values and help text", () => {
  const registry = new Registry();
  const counter = registry.register(new Counter("x_total", 'Line one\nback\\slash "q"', ["v"]));
  counter.inc({ v: 'a"b\\c\nd' });
  assert.equal(
    renderPrometheus(registry),
    [
      '# HELP x_total Line one\\nback\\\\slash "q"',
      "# TYPE x_total counter",
      'x_total{v="a\\"b\\\\c\\nd"} 1',
      "",
    ].join("\n"),
  );
});

Deno.test("renderPrometheus() writes cumulative histogram buckets, sum and count", () => {
  const registry = new Registry();
  const histogram = registry.register(
    new Histogram("op_seconds", "Op time.", { buckets: [0.1, 1, 5] }),
  );
  histogram.observe(0.05);
  histogram.observe(0.1);
  histogram.observe(2);
  histogram.observe(7.5);
  assert.equal(
    renderPrometheus(registry),
    [
      "# HELP op_seconds Op time.",
      "# TYPE op_seconds histogram",
      'op_seconds_bucket{le="0.1"} 2',
      'op_seconds_bucket{le="1"} 2',
      'op_seconds_bucket{le="5"} 3',
      'op_seconds_bucket{le="+Inf"} 4',
      "op_seconds_sum 9.65",
      "op_seconds_count 4",
      "",
    ].join("\n"),
  );
});

Deno.test("renderPrometheus() shows labelless metrics at zero before any record", () => {
  const registry = new Registry();
  registry.register(new Counter("a_total", "A."));
  registry.register(new Gauge("b", "B."));
  registry.register(new Counter("c_total", "C.", ["kind"]));
  assert.equal(
    renderPrometheus(registry),
    [
      "# HELP a_total A.",
      "# TYPE a_total counter",
      "a_total 0",
      "# HELP b B.",
      "# TYPE b gauge",
      "b 0",
      "# HELP c_total C.",
      "# TYPE c_total counter",
      "",
    ].join("\n"),
  );
});

Deno.test("Counter refuses to go down and to record with wrong labels", () => {
  const counter = new Counter("n_total", "N.", ["kind"]);
  assert.throws(() => counter.inc({ kind: "a" }, -1), RangeError);
  assert.throws(() => counter.inc({} as { kind: string }), TypeError);
  assert.throws(() => counter.inc({ kind: "a", extra: "b" } as { kind: string }), TypeError);
  assert.throws(() => new Counter("bad name", "x"), TypeError);
  assert.throws(() => new Counter("ok_total", "x", ["le"]), TypeError);
});

Deno.test("Registry refuses two metrics with one name", () => {
  const registry = new Registry();
  registry.register(new Counter("same_total", "x"));
  assert.throws(() => registry.register(new Gauge("same_total", "y")), TypeError);
});

Deno.test("createMetrics() renders the project's metrics, open tickets read at scrape", async () => {
  const metrics = createMetrics();
  let open = 3;
  metrics.openTickets.collectFrom(() => Promise.resolve(open));
  metrics.gatewayUp.set(1);
  metrics.interactions.inc({ kind: "command", outcome: "message" });
  metrics.restRequests.inc({ route: "POST /channels/:id/messages", status: "200" });
  metrics.relayRetries.inc();
  metrics.handlerSeconds.observe(0.2);

  const text = await metrics.render();
  assert.match(text, /^ticketeer_open_tickets 3$/m);
  assert.match(text, /^ticketeer_gateway_up 1$/m);
  assert.match(text, /^ticketeer_interactions_total\{kind="command",outcome="message"\} 1$/m);
  assert.match(
    text,
    /^ticketeer_rest_requests_total\{route="POST \/channels\/:id\/messages",status="200"\} 1$/m,
  );
  assert.match(text, /^ticketeer_relay_retries_total 1$/m);
  assert.match(text, /^ticketeer_handler_seconds_bucket\{le="0.25"\} 1$/m);
  assert.match(text, /^ticketeer_handler_seconds_bucket\{le="0.1"\} 0$/m);
  for (
    const name of [
      "ticketeer_rest_failures_total",
      "ticketeer_relay_requests_total",
      "ticketeer_relay_seconds",
    ]
  ) {
    assert.match(text, new RegExp(`^# TYPE ${name} `, "m"));
  }

  open = 2;
  assert.match(await metrics.render(), /^ticketeer_open_tickets 2$/m);
  metrics.openTickets.collectFrom(() => Promise.reject(new Error("database down")));
  assert.match(await metrics.render(), /^ticketeer_open_tickets 2$/m);
});
