/**
 * Draws the chart models of chartData.ts with chart.js, in the colours of the
 * current VS Code theme (or the report's print colours). RAG and status are
 * shown by pattern as well as colour, every chart has a text description for
 * screen readers, and the bars can be walked with the arrow keys.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import type { SourceRef } from '../../server/src/core/summaryTypes';
import { barVisitOrder, type BarChartModel, type SeriesKey, type TargetChartModel } from './chartData';
import { ukDateOfDay, ukMonthOfDay, withUnit } from './format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export type RevealFn = (source: SourceRef, label: string) => void;

export interface Theme {
  fg: string;
  bg: string;
  muted: string;
  grid: string;
  font: string;
  dark: boolean;
  highContrast: boolean;
}

/** Reads the theme from the page's CSS variables (VS Code sets them on the webview's root). */
export function readTheme(): Theme {
  const root = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  const cls = document.body.classList;
  const dark = cls.contains('vscode-dark') || cls.contains('vscode-high-contrast') && !cls.contains('vscode-high-contrast-light');
  return {
    fg: v('--eq-fg', dark ? '#e0e0e0' : '#1b1b1b'),
    bg: v('--eq-bg', dark ? '#1e1e1e' : '#ffffff'),
    muted: v('--eq-muted', dark ? '#b0b0b0' : '#555555'),
    grid: dark ? 'rgba(255,255,255,0.14)' : 'rgba(0,0,0,0.12)',
    font: v('--eq-font', 'system-ui, sans-serif'),
    dark,
    highContrast: cls.contains('vscode-high-contrast') || cls.contains('vscode-high-contrast-light'),
  };
}

/** Base colours that stay readable on light and dark backgrounds. */
function baseColour(key: SeriesKey, t: Theme): string {
  const light: Record<SeriesKey, string> = {
    red: '#c4262e',
    amber: '#e8a317',
    green: '#2e8540',
    none: '#8c8c8c',
    overdue: '#c4262e',
    upcoming: '#3a78c2',
    open: '#3a78c2',
    closed: '#8c8c8c',
  };
  const dark: Record<SeriesKey, string> = {
    red: '#f0656d',
    amber: '#f5c04a',
    green: '#5fc77a',
    none: '#a6a6a6',
    overdue: '#f0656d',
    upcoming: '#6fa8ec',
    open: '#6fa8ec',
    closed: '#8f8f8f',
  };
  return (t.dark ? dark : light)[key];
}

type PatternKind = 'solid' | 'stripes' | 'dots' | 'cross' | 'lines';

/**
 * Red and overdue are striped, amber dotted, "none" cross-hatched, done or dropped lined across,
 * the rest solid: readable without colour, and on a black-and-white printout of a committee paper.
 */
function patternOf(key: SeriesKey): PatternKind {
  switch (key) {
    case 'red':
    case 'overdue':
      return 'stripes';
    case 'amber':
      return 'dots';
    case 'none':
      return 'cross';
    case 'closed':
      return 'lines';
    default:
      return 'solid';
  }
}

/** Patterns drawn once per colour and theme: an update of a chart re-uses them. */
const patterns = new Map<string, CanvasPattern>();

function fill(key: SeriesKey, t: Theme): string | CanvasPattern {
  const colour = baseColour(key, t);
  const kind = patternOf(key);
  if (kind === 'solid') return colour;
  const cacheKey = `${kind} ${colour} ${t.dark}`;
  const cached = patterns.get(cacheKey);
  if (cached) return cached;
  const size = 10;
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const g = c.getContext('2d');
  if (!g) return colour;
  g.fillStyle = colour;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = g.fillStyle = t.dark ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.75)';
  g.lineWidth = 2.5;
  if (kind === 'stripes') {
    g.beginPath();
    g.moveTo(-2, size + 2);
    g.lineTo(size + 2, -2);
    g.moveTo(-2, 2);
    g.lineTo(2, -2);
    g.moveTo(size - 2, size + 2);
    g.lineTo(size + 2, size - 2);
    g.stroke();
  } else if (kind === 'lines') {
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(0, size / 2);
    g.lineTo(size, size / 2);
    g.stroke();
  } else if (kind === 'dots') {
    g.beginPath();
    g.arc(size / 2, size / 2, 2, 0, Math.PI * 2);
    g.fill();
  } else {
    g.lineWidth = 1.5;
    g.beginPath();
    g.moveTo(0, 0);
    g.lineTo(size, size);
    g.moveTo(size, 0);
    g.lineTo(0, size);
    g.stroke();
  }
  const pattern = g.createPattern(c, 'repeat');
  if (!pattern) return colour;
  patterns.set(cacheKey, pattern);
  return pattern;
}

function applyDefaults(t: Theme): void {
  Chart.defaults.color = t.fg;
  Chart.defaults.borderColor = t.grid;
  Chart.defaults.font.family = t.font;
  Chart.defaults.font.size = 12;
  Chart.defaults.animation = false;
}

/**
 * Keyboard walking over the bars: the arrow keys go to the next or previous bar, Home and End to
 * the first and last, Enter or Space reveals. Each move is announced in a live region, because a
 * canvas tooltip is invisible to screen readers.
 */
function makeKeyboardNavigable(chart: Chart, canvas: HTMLCanvasElement, describe: (datasetIndex: number, index: number) => string, onPick: (datasetIndex: number, index: number) => void): void {
  const live = document.createElement('p');
  live.className = 'eq-sr-only';
  live.setAttribute('aria-live', 'polite');
  canvas.insertAdjacentElement('afterend', live);
  let at = -1;
  const show = (el: { datasetIndex: number; index: number }[]) => {
    chart.setActiveElements(el);
    chart.tooltip?.setActiveElements(el, { x: 0, y: 0 });
    chart.update();
  };
  canvas.addEventListener('keydown', (e) => {
    const order = barVisitOrder(chart.data.datasets.map((d) => d.data), chart.data.labels?.length ?? 0);
    if (!order.length) return;
    const last = order.length - 1;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        at = at < 0 ? 0 : Math.min(at + 1, last);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        at = at < 0 ? last : Math.max(at - 1, 0);
        break;
      case 'Home':
        at = 0;
        break;
      case 'End':
        at = last;
        break;
      case 'Enter':
      case ' ':
        if (at >= 0 && order[at]) onPick(order[at].datasetIndex, order[at].index);
        else at = 0;
        break;
      default:
        return;
    }
    e.preventDefault();
    at = Math.min(at, last);
    const bar = order[at];
    show([bar]);
    live.textContent = `${describe(bar.datasetIndex, bar.index)} (${at + 1} of ${order.length})`;
  });
  canvas.addEventListener('blur', () => {
    at = -1;
    live.textContent = '';
    show([]);
  });
}

function makeCanvas(container: HTMLElement, height: number, description: string, interactive: boolean): HTMLCanvasElement {
  setHeight(container, height);
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  if (interactive) canvas.tabIndex = 0;
  container.appendChild(canvas);
  return canvas;
}

/**
 * A chart on the page and how to show a new model in it: `update` changes the data and options
 * of the same Chart (and canvas) in place, so a redraw after an edit does not re-create it.
 */
export interface DrawnChart<M> {
  chart: Chart;
  update(m: M): void;
}

/** Sets the height of a chart's box; true when it changed (the chart must then measure it again). */
function setHeight(container: HTMLElement, height: number): boolean {
  const value = `${height}px`;
  if (container.style.height === value) return false;
  container.style.height = value; // CSSOM, allowed by the CSP (unlike a style attribute)
  return true;
}

function barHeight(m: BarChartModel): number {
  return m.horizontal ? Math.max(160, 34 * m.labels.length + 90) : 300;
}

function barDescription(m: BarChartModel, interactive: boolean): string {
  return `${m.title}. ${m.description}${interactive ? ' Use the arrow keys (or Home and End) to move from bar to bar, and Enter to show the bar’s first action in the editor.' : ''}`;
}

/** A bar chart (stacked or not, vertical or horizontal). */
export function drawBarChart(container: HTMLElement, m: BarChartModel, t: Theme, reveal?: RevealFn): DrawnChart<BarChartModel> {
  applyDefaults(t);
  const interactive = !!reveal;
  const canvas = makeCanvas(container, barHeight(m), barDescription(m, interactive), interactive);
  // The callbacks read the model shown now, not the one the chart was made with.
  const cur = { m };
  const datasetsOf = (model: BarChartModel): ChartDataset<'bar'>[] =>
    model.series.map((s) => ({
      label: s.label,
      data: s.values,
      backgroundColor: fill(s.key, t),
      borderColor: t.highContrast ? t.fg : baseColour(s.key, t),
      borderWidth: t.highContrast ? 2 : 1,
      borderSkipped: false,
      maxBarThickness: 48,
    }));
  const pick = (datasetIndex: number, index: number) => {
    const src = cur.m.series[datasetIndex]?.reveal[index];
    if (src && reveal) reveal(src, `${cur.m.series[datasetIndex].label}: ${cur.m.longLabels[index]}`);
  };
  const optionsOf = (model: BarChartModel): NonNullable<ChartConfiguration<'bar'>['options']> => {
    const valueAxis = { stacked: model.stacked, beginAtZero: true, title: { display: true, text: model.valueAxisTitle }, ticks: { precision: 0 } };
    const categoryAxis = {
      stacked: model.stacked,
      title: { display: true, text: model.categoryAxisTitle },
      grid: { display: false },
      ticks: model.horizontal ? { autoSkip: false } : { autoSkip: true, maxRotation: 50 },
    };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: model.horizontal ? 'y' : 'x',
      scales: model.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 14 } },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? cur.m.longLabels[items[0].dataIndex] ?? '' : ''),
            footer: () => (interactive ? 'Click to show it in the plan' : ''),
          },
        },
      },
      onClick: (_e, elements) => {
        if (elements[0]) pick(elements[0].datasetIndex, elements[0].index);
      },
      onHover: (_e, elements) => {
        canvas.style.cursor = interactive && elements.length ? 'pointer' : 'default';
      },
    };
  };
  const chart = new Chart(canvas, { type: 'bar', data: { labels: m.labels, datasets: datasetsOf(m) }, options: optionsOf(m) });
  const describe = (datasetIndex: number, index: number) => {
    const n = Number(cur.m.series[datasetIndex]?.values[index] ?? 0);
    return `${cur.m.longLabels[index]}: ${cur.m.series[datasetIndex]?.label}, ${n} ${n === 1 ? 'action' : 'actions'}`;
  };
  if (interactive) makeKeyboardNavigable(chart, canvas, describe, pick);
  return {
    chart,
    update(next) {
      cur.m = next;
      canvas.setAttribute('aria-label', barDescription(next, interactive));
      const resized = setHeight(container, barHeight(next));
      chart.data.labels = next.labels;
      chart.data.datasets = datasetsOf(next);
      chart.options = optionsOf(next);
      if (resized) chart.resize();
      chart.update('none');
    },
  };
}

/** Day numbers of month starts between two days, at most about six of them, on quarter or year boundaries when spaced out. */
export function monthTicks(fromDay: number, toDay: number): number[] {
  const from = new Date(fromDay * 86_400_000);
  const to = new Date(toDay * 86_400_000);
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months / s <= 6) ?? 120;
  const ticks: number[] = [];
  let y = from.getUTCFullYear();
  let mo = from.getUTCMonth() + 1;
  for (let i = 0; i < 400; i++, mo++) {
    if (mo > 11) {
      mo = 0;
      y++;
    }
    const day = Date.UTC(y, mo, 1) / 86_400_000;
    if (day > toDay) break;
    if ((y * 12 + mo) % step === 0) ticks.push(day);
  }
  return ticks;
}

/** Draws "today" as a dashed vertical line with a label. */
const todayLine: Plugin<'line'> = {
  id: 'eqplanToday',
  afterDatasetsDraw(chart, _args, opts: { day?: number; colour?: string }) {
    const day = opts.day;
    if (day === undefined || !Number.isFinite(day)) return;
    const x = chart.scales.x.getPixelForValue(day);
    const { top, bottom, left, right } = chart.chartArea;
    if (x < left || x > right) return;
    const g = chart.ctx;
    g.save();
    g.strokeStyle = opts.colour ?? '#888';
    g.setLineDash([4, 4]);
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(x, top);
    g.lineTo(x, bottom);
    g.stroke();
    g.setLineDash([]);
    g.fillStyle = opts.colour ?? '#888';
    g.font = `12px ${Chart.defaults.font.family}`;
    const label = `Today: ${ukDateOfDay(day)}`;
    const w = g.measureText(label).width;
    g.fillText(label, x + 4 + w > right ? x - w - 4 : x + 4, top + 12);
    g.restore();
  },
};

/** One target: trajectory (baseline and milestones), measured values, benchmark. */
export function drawTargetChart(container: HTMLElement, m: TargetChartModel, t: Theme, reveal?: RevealFn): DrawnChart<TargetChartModel> {
  applyDefaults(t);
  const interactive = !!reveal;
  const canvas = makeCanvas(container, 280, `${m.title}. ${m.description}`, interactive);
  const trajectoryColour = t.dark ? '#c8c8c8' : '#5a5a5a';
  const actualColour = t.dark ? '#6fa8ec' : '#1f5fa8';
  const benchmarkColour = t.dark ? '#d09cf0' : '#7a3b9c';
  // The callbacks read the model shown now, not the one the chart was made with.
  const cur = { m };
  const datasetsOf = (m: TargetChartModel): ChartDataset<'line', { x: number; y: number }[]>[] => {
    // The trajectory line starts at the baseline, but the baseline keeps its own marker (a triangle),
    // not a milestone diamond drawn on top of it.
    const isBaseline = (p: { x: number; y: number }) => !!m.baseline && p.x === m.baseline.x && p.y === m.baseline.y;
    const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = [
      {
        label: 'Milestones (to reach)',
        data: m.milestones,
        borderColor: trajectoryColour,
        backgroundColor: trajectoryColour,
        borderDash: [6, 4],
        borderWidth: 2,
        pointStyle: 'rectRot',
        pointRadius: m.milestones.map((p) => (isBaseline(p) ? 0 : 6)),
        pointHoverRadius: m.milestones.map((p) => (isBaseline(p) ? 0 : 8)),
        pointHitRadius: m.milestones.map((p) => (isBaseline(p) ? 0 : 6)),
      },
      {
        label: 'Actual (measured)',
        data: m.actuals,
        borderColor: actualColour,
        backgroundColor: actualColour,
        borderWidth: 3,
        pointStyle: 'circle',
        pointRadius: 5,
        pointHoverRadius: 7,
      },
    ];
    if (m.baseline) {
      datasets.push({
        label: 'Baseline',
        data: [m.baseline],
        borderColor: trajectoryColour,
        backgroundColor: t.bg,
        borderWidth: 2,
        pointStyle: 'triangle',
        pointRadius: 8,
        showLine: false,
      });
    }
    if (m.benchmark) {
      datasets.push({
        label: `Benchmark: ${m.benchmark.label}`,
        data: [
          { x: m.xMin, y: m.benchmark.value },
          { x: m.xMax, y: m.benchmark.value },
        ],
        borderColor: benchmarkColour,
        backgroundColor: benchmarkColour,
        borderDash: [2, 3],
        borderWidth: 2,
        pointStyle: 'line',
        pointRadius: 0,
        pointHoverRadius: 0,
      });
    }
    return datasets;
  };
  const optionsOf = (m: TargetChartModel): NonNullable<ChartConfiguration<'line', { x: number; y: number }[]>['options']> => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    scales: {
      x: {
        type: 'linear',
        min: m.xMin,
        max: m.xMax,
        title: { display: true, text: 'Date' },
        // Ticks on the first of a month ("Apr 2023"), not at arbitrary days.
        afterBuildTicks: (axis) => {
          axis.ticks = monthTicks(m.xMin, m.xMax).map((value) => ({ value }));
        },
        ticks: { callback: (v) => ukMonthOfDay(Number(v)), maxRotation: 0, autoSkip: false },
      },
      y: {
        title: { display: true, text: m.valueAxisTitle },
        ticks: { callback: (v) => withUnit(Number(v), m.unit) },
        grace: '10%',
      },
    },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true } },
      tooltip: {
        callbacks: {
          title: (items) => (items[0] ? ukDateOfDay(items[0].parsed.x ?? 0) : ''),
          label: (item) => `${item.dataset.label}: ${withUnit(item.parsed.y ?? 0, m.unit)}`,
        },
      },
      // @ts-expect-error -- options of our own plugin, keyed by its id
      eqplanToday: { day: m.today, colour: t.muted },
    },
    onClick: () => reveal?.(cur.m.source, `Target ${cur.m.title}`),
  });
  const chart = new Chart(canvas, { type: 'line', data: { datasets: datasetsOf(m) }, options: optionsOf(m), plugins: [todayLine] });
  if (interactive) {
    canvas.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal?.(cur.m.source, `Target ${cur.m.title}`);
      }
    });
  }
  return {
    chart,
    update(next) {
      cur.m = next;
      canvas.setAttribute('aria-label', `${next.title}. ${next.description}`);
      chart.data.datasets = datasetsOf(next);
      chart.options = optionsOf(next);
      chart.update('none');
    },
  };
}
