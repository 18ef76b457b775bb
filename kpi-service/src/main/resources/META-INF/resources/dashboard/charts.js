// Chart.js (window.Chart, from the webjar) with accessible defaults: colour-blind-safe palette (Okabe–Ito), a
// different line dash / point style per series so colour is never the only cue, no animation.

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D1F'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const POINTS = ['circle', 'rectRot', 'triangle', 'rect'];

const charts = new Map();

function ready() {
  if (!window.Chart) {
    return false;
  }
  if (!ready.done) {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.size = 13;
    window.Chart.defaults.color = '#1f2933';
    window.Chart.defaults.animation = false;
    ready.done = true;
  }
  return true;
}

/** Draws (or redraws in place) the chart of a canvas. Returns false when Chart.js is not loaded. */
export function draw(canvas, config, description) {
  if (!ready()) {
    return false;
  }
  canvas.setAttribute('aria-label', description);
  const existing = charts.get(canvas.id);
  if (existing && existing.config.type === config.type) {
    existing.data = config.data;
    existing.options = config.options;
    existing.update('none');
    return true;
  }
  if (existing) {
    existing.destroy();
  }
  charts.set(canvas.id, new window.Chart(canvas, config));
  return true;
}

export function lineStyle(i) {
  return {
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: PALETTE[i % PALETTE.length],
    borderDash: DASHES[i % DASHES.length],
    pointStyle: POINTS[i % POINTS.length],
    pointRadius: 3,
    borderWidth: 2,
    tension: 0,
  };
}

export function barStyle(i) {
  return {backgroundColor: PALETTE[i % PALETTE.length], borderColor: '#ffffff', borderWidth: 1};
}

export function baseOptions(extra = {}) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: {mode: 'index', intersect: false},
    plugins: {legend: {position: 'bottom', labels: {usePointStyle: true}}},
    ...extra,
  };
}
