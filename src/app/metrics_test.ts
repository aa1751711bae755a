import assert from "node:assert/strict";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import {
  createMetrics,
  observationCount,
  PROMETHEUS_CONTENT_TYPE,
  seriesValue,
} from "./metrics.ts";

Deno.test("registry.metrics() writes HELP, TYPE and one line per counter series", async () => {
  const registry = new Registry();
  const counter = new Counter({
    name: "app_requests_total",
    help: "Requests served.",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  counter.inc({ route: "/a", status: "200" });
  counter.inc({ route: "/a", status: "200" }, 2);
  counter.inc({ route: "/b", status: "500" });
  assert.equal(
    await registry.metrics(),
    [
      "# HELP app_requests_total Requests served.",
      "# TYPE app_requests_total counter",
      'app_requests_total{route="/a",status="200"} 3',
      'app_requests_total{route="/b",status="500"} 1',
      "",
    ].join("\n"),
  );
});

Deno.test("registry.metrics() escapes label values and help text", async () => {
  const registry = new Registry();
  const counter = new Counter({
    name: "x_total",
    help: 'Line one\nback\\slash "q"',
    labelNames: ["v"] as const,
    registers: [registry],
  });
  counter.inc({ v: 'a"b\\c\nd' });
  assert.equal(
    await registry.metrics(),
    [
      '# HELP x_total Line one\\nback\\\\slash "q"',
      "# TYPE x_total counter",
      'x_total{v="a\\"b\\\\c\\nd"} 1',
      "",
    ].join("\n"),
  );
});

Deno.test("registry.metrics() writes cumulative histogram buckets, sum and count", async () => {
  const registry = new Registry();
  const histogram = new Histogram({
    name: "op_seconds",
    help: "Op time.",
    buckets: [0.1, 1, 5],
    registers: [registry],
  });
  histogram.observe(0.05);
  histogram.observe(0.1);
  histogram.observe(2);
  histogram.observe(7.5);
  assert.equal(
    await registry.metrics(),
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
  assert.equal(await observationCount(histogram), 4);
});

Deno.test("registry.metrics() shows labelless metrics at zero before any record", async () => {
  const registry = new Registry();
  const registers = [registry];
  new Counter({ name: "a_total", help: "A.", registers });
  new Gauge({ name: "b", help: "B.", registers });
  new Counter({ name: "c_total", help: "C.", labelNames: ["kind"] as const, registers });
  assert.equal(
    await registry.metrics(),
    [
      "# HELP a_total A.",
      "# TYPE a_total counter",
      "a_total 0",
      "",
      "# HELP b B.",
      "# TYPE b gauge",
      "b 0",
      "",
      "# HELP c_total C.",
      "# TYPE c_total counter",
      "",
    ].join("\n"),
  );
});

Deno.test("Counter refuses to go down, to record unknown labels and to take a bad name", () => {
  const counter = new Counter({ name: "n_total", help: "N.", labelNames: ["kind"] as const });
  assert.throws(() => counter.inc({ kind: "a" }, -1), /not possible to decrease a counter/);
  assert.throws(
    () => counter.inc({ kind: "a", extra: "b" } as { kind: string }),
    /"extra" is not included/,
  );
  assert.throws(() => new Counter({ name: "bad name", help: "x" }), /Invalid metric name/);
});

Deno.test("Registry refuses two metrics with one name", () => {
  const registry = new Registry();
  new Counter({ name: "same_total", help: "x", registers: [registry] });
  assert.throws(
    () => new Gauge({ name: "same_total", help: "y", registers: [registry] }),
    /already been registered/,
  );
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
  assert.equal(await seriesValue(metrics.interactions, { kind: "command", outcome: "message" }), 1);
  assert.equal(await seriesValue(metrics.interactions, { kind: "command", outcome: "error" }), 0);
  assert.equal(metrics.registry.contentType, PROMETHEUS_CONTENT_TYPE);

  open = 2;
  assert.match(await metrics.render(), /^ticketeer_open_tickets 2$/m);
  metrics.openTickets.collectFrom(() => Promise.reject(new Error("database down")));
  assert.match(await metrics.render(), /^ticketeer_open_tickets 2$/m);
});

Deno.test("createMetrics() keeps its metrics out of prom-client's global registry", async () => {
  const { register } = await import("prom-client");
  createMetrics();
  createMetrics();
  assert.doesNotMatch(await register.metrics(), /ticketeer_/);
});
