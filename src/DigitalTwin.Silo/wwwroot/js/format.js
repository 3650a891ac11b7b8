// Formatting shared by the views: numbers with units, times, escaping.
export const esc = s => String(s ?? '').replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
export const kw = w => w == null ? '–' : (w / 1000).toFixed(1) + ' kW';
export const celsius = t => t == null ? '–' : t.toFixed(1) + ' °C';
export const pct = p => p == null ? '–' : p.toFixed(0) + ' %';
export const time = t => t ? new Date(t).toLocaleTimeString() : '–';
export const dateTime = t => t ? new Date(t).toLocaleString() : '–';
export const health = h => `<span class="${esc(h)}"><span class="dot ${esc(h)}"></span>${esc(h)}</span>`;

// Seconds as "4 min 10 s", "2 h 5 min" or "3.2 d".
export function duration(s) {
  if (s == null) return '–';
  if (s < 60) return s.toFixed(0) + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
  if (s < 86400 * 2) return Math.floor(s / 3600) + ' h ' + Math.round((s % 3600) / 60) + ' min';
  return (s / 86400).toFixed(1) + ' d';
}

// .NET TimeSpan JSON ("1.02:03:04.5" or "02:03:04") to seconds.
export function spanSeconds(span) {
  if (span == null) return null;
  const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(span);
  if (!m) return null;
  const s = (+(m[2] || 0)) * 86400 + (+m[3]) * 3600 + (+m[4]) * 60 + (+m[5]);
  return m[1] ? -s : s;
}

// A bar of used against available, amber above 80 %, red above 100 %.
export function meter(used, limit) {
  if (used == null || !limit) return '';
  const f = used / limit;
  return `<div class="meter" title="${(f * 100).toFixed(0)} %"><div class="${f > 1 ? 'over' : f > 0.8 ? 'warn' : ''}" style="width:${Math.min(100, f * 100).toFixed(1)}%"></div></div>`;
}

// A cooling incident's forecast (the what-if of its room with the stopped CRACs kept stopped): its sentence, then the
// racks that reach their limit with the clock time they do, or '' when the incident has none.
export function forecast(f) {
  if (!f) return '';
  const at = s => new Date(new Date(f.asOf).getTime() + s * 1000).toLocaleTimeString();
  const racks = f.racks.slice(0, 6).map(r => `${esc(r.rackId)} ${r.limitC.toFixed(0)} °C ${r.timeToLimitS > 0 ? 'at ' + at(r.timeToLimitS) : 'now'}`).join(' · ');
  return `<span class="forecast">Forecast ${time(f.asOf)}: ${esc(f.summary)}${racks ? ` <span class="muted">${racks}${f.racksAtLimit > 6 ? ' …' : ''}</span>` : ''}` +
    `${f.mitigation ? ` <span class="muted">Mitigation: ${esc(f.mitigation)}</span>` : ''}</span>`;
}
