/**
 * Bar charts drawn as inline SVG on the server (no script, no chart library):
 * groups of bars with a label under each group, one colour per series, a
 * legend, and each bar's value as its tooltip (`<title>`). Colours are
 * presentation attributes, so the strict CSP (no inline style) holds.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** One series: its name (in the legend) and colour. */
export interface ChartSeries {
  name: string;
  color: string;
}

/** One group of bars: its label and one value per series. */
export interface ChartGroup {
  label: string;
  values: readonly number[];
  /** Each value as shown in its tooltip (default: the number). */
  texts?: readonly string[];
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 40, left: 36 };

function roundUp(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/** A bar chart titled `title` (its accessible name) of `groups` in `series`. */
export function barChart(
  title: string,
  data: { series: readonly ChartSeries[]; groups: readonly ChartGroup[]; id: string },
): Html {
  const { series, groups } = data;
  const max = roundUp(Math.max(0, ...groups.flatMap((g) => g.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, groups.length);
  const barW = Math.min(40, Math.max(1, (groupW * 0.8) / Math.max(1, series.length)));
  const labelEvery = Math.max(1, Math.ceil(groups.length / 12));
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const bars = groups.map((group, g) => {
    const x0 = PAD.left + g * groupW + (groupW - barW * series.length) / 2;
    const rects = series.map((s, i) => {
      const value = group.values[i] ?? 0;
      const text = group.texts?.[i] ?? String(value);
      return html`
        <rect x="${(x0 + i * barW).toFixed(1)}" y="${y(value).toFixed(1)}" width="${barW.toFixed(
          1,
        )}" height="${(PAD.top + plotH - y(value)).toFixed(1)}" fill="${s.color}">
          <title>${group.label} · ${s.name}: ${text}</title>
        </rect>
      `;
    });
    const label = g % labelEvery === 0
      ? html`
        <text x="${(x0 + (barW * series.length) / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom +
          14}" text-anchor="middle" font-size="10"
          fill="currentColor">${group.label}</text>
      `
      : "";
    return html`${rects}${label}`;
  });
  const legend = series.map((s, i) =>
    html`
      <rect x="${PAD.left + i * 160}" y="${HEIGHT - 14}" width="10" height="10" fill="${s
        .color}"></rect>
      <text x="${PAD.left + i * 160 + 14}" y="${HEIGHT - 5}" font-size="11" fill="currentColor">${s
        .name}</text>
    `
  );
  return html`
    <figure class="chart" id="${data.id}">
      <figcaption>${title}</figcaption>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}"
        xmlns="http://www.w3.org/2000/svg"><line x1="${PAD.left}" y1="${PAD.top +
          plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top +
          plotH}" stroke="currentColor" stroke-opacity="0.4"></line><text x="${PAD.left -
          4}" y="${PAD.top +
          8}" text-anchor="end" font-size="10" fill="currentColor">${max}</text><text x="${PAD
          .left - 4}" y="${PAD.top +
          plotH}" text-anchor="end" font-size="10" fill="currentColor">0</text>${bars}${legend}</svg>
    </figure>
  `;
}
