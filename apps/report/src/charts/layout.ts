/** Pixel layout of bar charts: upright while the bars fit across a phone, sideways beyond. */
import type { ChartView } from '../view.ts';

/** More bars than fit across a phone: lay the chart out sideways, tall enough for every category. */
const HORIZONTAL_ABOVE = 12;

export function layout(chart: ChartView): ChartView {
  const bars = chart.labels.length * chart.datasets.length;
  if (chart.kind !== 'bar' || bars <= HORIZONTAL_ABOVE) return chart;
  const rows = chart.labels.reduce<number>((sum, label) => {
    const lines = Array.isArray(label) ? label.length : 1;
    return sum + Math.max(lines * 15, chart.datasets.length * 12) + 12;
  }, 0);
  // Title, legend and value axis take about 150 px; a long legend wraps onto more lines on a phone.
  const legend = chart.datasets.length > 3 ? chart.datasets.length * 12 : 0;
  return { ...chart, horizontal: true, height: rows + 150 + legend };
}
