/**
 * The project's metrics: prom-client counters, gauges and histograms in a
 * registry of their own (never prom-client's global one), gathered in one
 * `Metrics` object created by the app and passed where they are recorded.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The content type of `/metrics` (prom-client's Prometheus text format 0.0.4). */
export const PROMETHEUS_CONTENT_TYPE: string = Registry.PROMETHEUS_CONTENT_TYPE;

/** Buckets for durations in seconds, from 5 ms to 10 s. */
export const DEFAULT_SECONDS_BUCKETS: readonly number[] = [
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
];

/** A labelless gauge read from a callback at every scrape. */
export type CollectedGauge = Gauge & {
  /** Reads the gauge from `source` at every scrape; a failing source keeps the last value. */
  collectFrom(source: (() => number | Promise<number>) | null): void;
};

/** The project's metrics, created once by the app and passed where they are recorded. */
export interface Metrics {
  readonly registry: Registry;
  /** `ticketeer_interactions_total{kind,outcome}` */
  readonly interactions: Counter<"kind" | "outcome">;
  /** `ticketeer_handler_seconds` */
  readonly handlerSeconds: Histogram;
  /** `ticketeer_rest_requests_total{route,status}` */
  readonly restRequests: Counter<"route" | "status">;
  /** `ticketeer_rest_failures_total{route}` */
  readonly restFailures: Counter<"route">;
  /** `ticketeer_gateway_up` (1 connected, 0 not) */
  readonly gatewayUp: Gauge;
  /** `ticketeer_open_tickets`, read at scrape time through `openTickets.collectFrom()` */
  readonly openTickets: CollectedGauge;
  /** `ticketeer_relay_requests_total{outcome}` */
  readonly relayRequests: Counter<"outcome">;
  /** `ticketeer_relay_seconds` */
  readonly relaySeconds: Histogram;
  /** `ticketeer_relay_retries_total` */
  readonly relayRetries: Counter;
  /** Runs scrape-time callbacks, then renders everything in the Prometheus text format. */
  render(): Promise<string>;
}

function collectedGauge(name: string, help: string, registry: Registry): CollectedGauge {
  let source: (() => number | Promise<number>) | null = null;
  const gauge = new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      if (source === null) return;
      try {
        this.set(await source());
      } catch {
        // The last value stays: a scrape must not fail for one gauge.
      }
    },
  });
  return Object.assign(gauge, {
    collectFrom(next: (() => number | Promise<number>) | null) {
      source = next;
    },
  });
}

/** Creates a fresh set of the project's metrics in their own registry. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    interactions: new Counter({
      name: "ticketeer_interactions_total",
      help: "Interactions handled, by kind and outcome.",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    handlerSeconds: new Histogram({
      name: "ticketeer_handler_seconds",
      help: "Time handlers took to produce a reply.",
      buckets: [...DEFAULT_SECONDS_BUCKETS],
      registers,
    }),
    restRequests: new Counter({
      name: "ticketeer_rest_requests_total",
      help: "Discord REST requests, by route and status.",
      labelNames: ["route", "status"] as const,
      registers,
    }),
    restFailures: new Counter({
      name: "ticketeer_rest_failures_total",
      help: "Discord REST requests that failed, by route.",
      labelNames: ["route"] as const,
      registers,
    }),
    gatewayUp: new Gauge({
      name: "ticketeer_gateway_up",
      help: "1 when the gateway connection is up, else 0.",
      registers,
    }),
    openTickets: collectedGauge(
      "ticketeer_open_tickets",
      "Tickets currently open or closing, in all guilds.",
      registry,
    ),
    relayRequests: new Counter({
      name: "ticketeer_relay_requests_total",
      help: "Assistant relay requests, by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    relaySeconds: new Histogram({
      name: "ticketeer_relay_seconds",
      help: "Time assistant relay requests took.",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    relayRetries: new Counter({
      name: "ticketeer_relay_retries_total",
      help: "Assistant relay attempts that were retried.",
      registers,
    }),
    render: () => registry.metrics(),
  };
}

/** The current value of one counter or gauge series (0 when never recorded). */
export async function seriesValue<L extends string>(
  metric: Counter<L> | Gauge<L>,
  labels: Partial<Record<L, string>> = {},
): Promise<number> {
  const { values } = await metric.get();
  const wanted = Object.entries(labels);
  const series = values.find((entry) =>
    Object.keys(entry.labels).length === wanted.length &&
    wanted.every(([name, value]) => String(entry.labels[name as L]) === value)
  );
  return series?.value ?? 0;
}

/** How many observations a labelless histogram holds. */
export async function observationCount(histogram: Histogram): Promise<number> {
  const { values } = await histogram.get();
  return values.find((entry) => entry.metricName?.endsWith("_count"))?.value ?? 0;
}
