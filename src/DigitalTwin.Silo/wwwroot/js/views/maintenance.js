// Maintenance ranked by risk (GET /api/predictions). Predictions move with health and alerts, so the list is read
// again after such a change arrives (at most every ten seconds), never on a timer of its own.
import { getJson } from '../api.js';
import { esc, dateTime, duration, spanSeconds, time } from '../format.js';

export async function mount(el, ctx) {
  el.innerHTML = `<section><h2>Maintenance, ranked by risk <span class="muted" id="maint-asof"></span></h2>
    <table id="predictions"><thead><tr><th>#</th><th>Twin</th><th>Failure probability</th><th>Within</th><th>Time to failure</th><th>Basis</th><th>Action</th><th>Maintain by</th><th>Evidence</th></tr></thead><tbody></tbody></table></section>`;
  const load = async () => {
    const all = await getJson('/api/predictions?top=50');
    // Parts with nothing to go on or no risk stay off the list; the count says how many are watched.
    const ranked = all.filter(p => p.failureProbability >= 0.005 || (p.recommendedAction && !/^no action/i.test(p.recommendedAction)));
    el.querySelector('#predictions tbody').innerHTML = ranked.map((p, i) => `<tr data-twin="${esc(p.twinId)}"><td>${i + 1}</td><td>${esc(p.twinId)} <span class="muted">${esc(p.kind.toLowerCase())}</span></td>` +
      `<td><div class="meter"><div class="${p.failureProbability > 0.5 ? 'over' : p.failureProbability > 0.2 ? 'warn' : ''}" style="width:${(p.failureProbability * 100).toFixed(1)}%"></div></div>${(p.failureProbability * 100).toFixed(0)} %</td>` +
      `<td>${duration(spanSeconds(p.horizon))}</td><td>${ttf(p)}</td><td>${esc(p.basis)} <span class="muted">(${(p.confidence * 100).toFixed(0)} % sure)</span></td>` +
      `<td>${esc(p.recommendedAction)}</td><td>${dateTime(p.maintainBy)}</td><td class="muted">${p.evidence.map(esc).join('<br>')}</td></tr>`).join('')
      || `<tr><td colspan="9" class="muted">Nothing is predicted to fail: ${all.length} wearing part(s) watched, none with a significant trend yet.</td></tr>`;
    el.querySelector('#maint-asof').textContent = `as of ${time(Date.now())} · ${ranked.length} of the ${all.length} riskiest parts shown`;
  };
  let pending = null, last = 0;
  const soon = () => {
    if (pending) return;
    pending = setTimeout(async () => { pending = null; last = Date.now(); await load().catch(() => {}); }, Math.max(0, 10000 - (Date.now() - last)));
  };
  ctx.follow('/api/changes/events?change=health,alert', 'change', soon, soon);
  last = Date.now();
  await load();
  return () => clearTimeout(pending);
}

function ttf(p) {
  const t = spanSeconds(p.timeToFailure);
  if (t == null) return '–';
  const lo = spanSeconds(p.timeToFailureLow), hi = spanSeconds(p.timeToFailureHigh);
  return duration(t) + (lo != null || hi != null ? ` <span class="muted">(${duration(lo)} – ${hi == null ? '?' : duration(hi)})</span>` : '');
}
