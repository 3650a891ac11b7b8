// The heat map's colours: blue when cool, green to yellow in the recommended band, amber from the warning limit,
// red from the critical limit, so a rack's colour says what its alerts say.
const stops = (warn, crit) => [
  [warn - 9, [59, 130, 246]], [warn - 4, [34, 197, 94]], [warn - 0.01, [234, 214, 8]],
  [warn, [245, 158, 11]], [crit - 0.01, [234, 88, 12]], [crit, [220, 38, 38]], [crit + 5, [127, 29, 29]],
];

export function heatColour(t, warn = 27, crit = 32) {
  if (t == null || Number.isNaN(t)) return '#d0d4dc';
  const s = stops(warn, crit);
  if (t <= s[0][0]) return rgb(s[0][1]);
  for (let i = 1; i < s.length; i++) {
    if (t <= s[i][0]) {
      const [t0, c0] = s[i - 1], [t1, c1] = s[i];
      const f = (t - t0) / (t1 - t0);
      return rgb(c0.map((c, k) => c + (c1[k] - c) * f));
    }
  }
  return rgb(s[s.length - 1][1]);
}

// Black or white text, whichever reads on the colour.
export function inkOn(colour) {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
  if (!m) return '#000';
  return (0.299 * m[1] + 0.587 * m[2] + 0.114 * m[3]) > 150 ? '#111' : '#fff';
}

export function legend(warn, crit) {
  const from = warn - 10, to = crit + 4, n = 12;
  const grad = Array.from({ length: n + 1 }, (_, i) => heatColour(from + (to - from) * i / n, warn, crit)).join(', ');
  return `<div class="legend"><span>${from} °C</span><div class="bar" style="background: linear-gradient(to right, ${grad})"></div>` +
    `<span>${to} °C</span><span class="muted">amber from ${warn} °C, red from ${crit} °C (inlet limits)</span></div>`;
}

const rgb = c => `rgb(${c.map(v => Math.round(v)).join(', ')})`;
