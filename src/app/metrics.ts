/**
 * A small Prometheus registry (counters and gauges with labels, histograms with
 * fixed buckets) rendered in the text exposition format 0.0.4, and the
 * project's own metrics gathered in one `Metrics` object created by the app.
 */

/** The content type of `renderPrometheus()` output. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

type Labels<L extends string> = { readonly [K in L]: string };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkNames(name: string, labelNames: readonly string[]): void {
  if (!NAME.test(name)) throw new TypeError(`Cannot create metric "${name}": invalid name`);
  for (const label of labelNames) {
    if (!LABEL_NAME.test(label) || label.startsWith("__") || label === "le") {
      throw new TypeError(`Cannot create metric "${name}": invalid label name "${label}"`);
    }
  }
}

function escapeHelp(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("\n", "\\n");
}

function escapeLabelValue(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function formatLabels(pairs: ReadonlyArray<readonly [string, string]>): string {
  if (pairs.length === 0) return "";
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
}

/** The `# HELP` and `# TYPE` lines every metric's exposition starts with. */
function header(name: string, help: string, type: "counter" | "gauge" | "histogram"): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`];
}

/** The arguments of a record call: labels first unless the metric has none. */
type RecordArgs<L extends string, V> = [L] extends [never] ? [value: V]
  : [labels: Labels<L>, value: V];

/** Keeps one series per distinct label set, in first-seen order. */
class SeriesMap<L extends string, V> {
  readonly #labelNames: readonly L[];
  readonly #series = new Map<string, { pairs: Array<readonly [string, string]>; value: V }>();
  readonly #metric: string;
  readonly #create: () => V;

  constructor(metric: string, labelNames: readonly L[], create: () => V) {
    checkNames(metric, labelNames);
    this.#metric = metric;
    this.#labelNames = labelNames;
    this.#create = create;
    // A labelless metric shows its one series from the start.
    if (labelNames.length === 0) this.get(undefined);
  }

  get(labels: Labels<L> | undefined): V {
    const given = (labels ?? {}) as Record<string, string>;
    const pairs = this.#labelNames.map((name) => {
      const value = given[name];
      if (value === undefined) {
        throw new TypeError(`Cannot record ${this.#metric}: label "${name}" is missing`);
      }
      return [name, value] as const;
    });
    if (Object.keys(given).length !== pairs.length) {
      throw new TypeError(`Cannot record ${this.#metric}: unexpected labels`);
    }
    const key = JSON.stringify(pairs.map(([, v]) => v));
    let entry = this.#series.get(key);
    if (entry === undefined) {
      entry = { pairs, value: this.#create() };
      this.#series.set(key, entry);
    }
    return entry.value;
  }

  /** The series a record call names, and the value it records. */
  split<A>(args: readonly unknown[]): [series: V, value: A] {
    const [labels, value] = (this.labelless ? [undefined, args[0]] : args) as [
      Labels<L> | undefined,
      A,
    ];
    return [this.get(labels), value];
  }

  entries(): Array<{ pairs: Array<readonly [string, string]>; value: V }> {
    return [...this.#series.values()];
  }

  get labelless(): boolean {
    return this.#labelNames.length === 0;
  }
}

/** What counters and gauges share: one number per label set. */
abstract class NumberMetric<L extends string> {
  readonly name: string;
  readonly help: string;
  protected readonly series: SeriesMap<L, { value: number }>;
  readonly #type: "counter" | "gauge";

  constructor(type: "counter" | "gauge", name: string, help: string, labelNames: readonly L[]) {
    this.series = new SeriesMap(name, labelNames, () => ({ value: 0 }));
    this.name = name;
    this.help = help;
    this.#type = type;
  }

  /** The current value of one series (0 when never recorded). */
  value(...args: [L] extends [never] ? [] : [labels: Labels<L>]): number {
    return this.series.get(args[0]).value;
  }

  /** The exposition text of this metric. */
  render(): string {
    const lines = header(this.name, this.help, this.#type);
    for (const { pairs, value } of this.series.entries()) {
      lines.push(`${this.name}${formatLabels(pairs)} ${formatValue(value.value)}`);
    }
    return lines.join("\n") + "\n";
  }
}

/** A monotonically increasing count, optionally split by labels. */
export class Counter<L extends string = never> extends NumberMetric<L> {
  constructor(name: string, help: string, labelNames: readonly L[] = []) {
    super("counter", name, help, labelNames);
  }

  /** Adds `amount` (default 1, never negative) to the series of `labels`. */
  inc(
    ...args: [L] extends [never] ? [amount?: number] : [labels: Labels<L>, amount?: number]
  ): void {
    const [series, amount] = this.series.split<number | undefined>(args);
    const by = amount ?? 1;
    if (!(by >= 0)) throw new RangeError(`Cannot increase ${this.name} by ${by}: it only grows`);
    series.value += by;
  }
}

/** A value that goes up and down; may be read from a callback at scrape time. */
export class Gauge<L extends string = never> extends NumberMetric<L> {
  #collect: (() => number | Promise<number>) | null = null;

  constructor(name: string, help: string, labelNames: readonly L[] = []) {
    super("gauge", name, help, labelNames);
  }

  /** Sets the series of `labels` to `value`. */
  set(...args: RecordArgs<L, number>): void {
    const [series, value] = this.series.split<number>(args);
    series.value = value;
  }

  /**
   * Reads a labelless gauge from `source` at every scrape (`collect()`); a
   * failing source keeps the last value.
   */
  collectFrom(source: (() => number | Promise<number>) | null): void {
    if (!this.series.labelless) {
      throw new TypeError(`Cannot collect ${this.name} from a callback: it has labels`);
    }
    this.#collect = source;
  }

  /** Refreshes the value from the callback, if one is set. */
  async collect(): Promise<void> {
    if (this.#collect === null) return;
    let value: number;
    try {
      value = await this.#collect();
    } catch {
      return; // the last value stays: a scrape must not fail for one gauge
    }
    this.series.get(undefined).value = value;
  }
}

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

interface HistogramSeries {
  counts: number[];
  sum: number;
  count: number;
}

/** Observations counted in fixed cumulative buckets, with their sum and count. */
export class Histogram<L extends string = never> {
  readonly name: string;
  readonly help: string;
  readonly buckets: readonly number[];
  readonly #series: SeriesMap<L, HistogramSeries>;

  constructor(
    name: string,
    help: string,
    options: { buckets?: readonly number[]; labelNames?: readonly L[] } = {},
  ) {
    const buckets = [...(options.buckets ?? DEFAULT_SECONDS_BUCKETS)];
    for (let i = 1; i < buckets.length; i++) {
      if (!(buckets[i]! > buckets[i - 1]!)) {
        throw new RangeError(`Cannot create histogram ${name}: buckets must increase`);
      }
    }
    this.name = name;
    this.help = help;
    this.buckets = buckets.filter((b) => b !== Infinity);
    this.#series = new SeriesMap(name, options.labelNames ?? [], () => ({
      counts: this.buckets.map(() => 0),
      sum: 0,
      count: 0,
    }));
  }

  /** Records one observation. */
  observe(...args: RecordArgs<L, number>): void {
    const [series, value] = this.#series.split<number>(args);
    this.buckets.forEach((bound, i) => {
      if (value <= bound) series.counts[i]! += 1;
    });
    series.sum += value;
    series.count += 1;
  }

  /** How many observations one series holds. */
  count(...args: [L] extends [never] ? [] : [labels: Labels<L>]): number {
    return this.#series.get(args[0]).count;
  }

  /** The exposition text of this histogram. */
  render(): string {
    const lines = header(this.name, this.help, "histogram");
    for (const { pairs, value } of this.#series.entries()) {
      this.buckets.forEach((bound, i) => {
        const labels = formatLabels([...pairs, ["le", formatValue(bound)]]);
        lines.push(`${this.name}_bucket${labels} ${formatValue(value.counts[i]!)}`);
      });
      lines.push(
        `${this.name}_bucket${formatLabels([...pairs, ["le", "+Inf"]])} ${value.count}`,
        `${this.name}_sum${formatLabels(pairs)} ${formatValue(value.sum)}`,
        `${this.name}_count${formatLabels(pairs)} ${value.count}`,
      );
    }
    return lines.join("\n") + "\n";
  }
}

/** Anything the registry can render. */
export type Metric = Counter<string> | Gauge<string> | Histogram<string>;

/** An ordered set of metrics rendered together. */
export class Registry {
  readonly #metrics: Metric[] = [];

  /** Adds `metric`; names must be unique. */
  register<M extends Metric>(metric: M): M {
    if (this.#metrics.some((m) => m.name === metric.name)) {
      throw new TypeError(`Cannot register metric ${metric.name}: the name is taken`);
    }
    this.#metrics.push(metric);
    return metric;
  }

  /** Every registered metric, in registration order. */
  metrics(): readonly Metric[] {
    return this.#metrics;
  }
}

/** Renders every metric of `registry` in the Prometheus text format 0.0.4. */
export function renderPrometheus(registry: Registry): string {
  return registry.metrics().map((m) => m.render()).join("");
}

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
  readonly openTickets: Gauge;
  /** `ticketeer_relay_requests_total{outcome}` */
  readonly relayRequests: Counter<"outcome">;
  /** `ticketeer_relay_seconds` */
  readonly relaySeconds: Histogram;
  /** `ticketeer_relay_retries_total` */
  readonly relayRetries: Counter;
  /** Runs scrape-time callbacks, then renders everything. */
  render(): Promise<string>;
}

/** Creates a fresh set of the project's metrics in their own registry. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const metrics: Metrics = {
    registry,
    interactions: registry.register(
      new Counter("ticketeer_interactions_total", "Interactions handled, by kind and outcome.", [
        "kind",
        "outcome",
      ]),
    ),
    handlerSeconds: registry.register(
      new Histogram("ticketeer_handler_seconds", "Time handlers took to produce a reply."),
    ),
    restRequests: registry.register(
      new Counter("ticketeer_rest_requests_total", "Discord REST requests, by route and status.", [
        "route",
        "status",
      ]),
    ),
    restFailures: registry.register(
      new Counter("ticketeer_rest_failures_total", "Discord REST requests that failed, by route.", [
        "route",
      ]),
    ),
    gatewayUp: registry.register(
      new Gauge("ticketeer_gateway_up", "1 when the gateway connection is up, else 0."),
    ),
    openTickets: registry.register(
      new Gauge("ticketeer_open_tickets", "Tickets currently open or closing, in all guilds."),
    ),
    relayRequests: registry.register(
      new Counter("ticketeer_relay_requests_total", "Assistant relay requests, by outcome.", [
        "outcome",
      ]),
    ),
    relaySeconds: registry.register(
      new Histogram("ticketeer_relay_seconds", "Time assistant relay requests took.", {
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      }),
    ),
    relayRetries: registry.register(
      new Counter("ticketeer_relay_retries_total", "Assistant relay attempts that were retried."),
    ),
    async render() {
      for (const metric of registry.metrics()) {
        if (metric instanceof Gauge) await metric.collect();
      }
      return renderPrometheus(registry);
    },
  };
  return metrics;
}
