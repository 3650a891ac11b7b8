// Alerts and incidents with acknowledge, kept live from the fleet's alert and incident feeds.
import { getJson, send, twinUrl } from '../api.js';
import { esc, forecast, health, time } from '../format.js';

export async function mount(el, ctx) {
  el.innerHTML = `<section><h2>Incidents <span class="muted" id="incident-count"></span></h2><table id="incidents"><thead><tr><th>Severity</th><th>Cause</th><th>Summary</th><th>Twins</th><th>Since</th><th>State</th><th></th></tr></thead><tbody></tbody></table></section>
    <section><h2>Open alerts <span class="muted" id="alert-total"></span></h2><table id="alerts"><thead><tr><th>Severity</th><th>Twin</th><th>Metric</th><th class="n">Value</th><th class="n">Baseline</th><th>Since</th><th>State</th><th>Explanation</th><th></th></tr></thead><tbody></tbody></table></section>
    <p class="error" id="ack-error"></p>`;
  const alerts = new Map(), incidents = new Map();
  const order = (a, b) => rank(b.severity) - rank(a.severity) || new Date(a.firstSeen) - new Date(b.firstSeen);
  const draw = () => {
    el.querySelector('#alerts tbody').innerHTML = [...alerts.values()].sort(order).map(a =>
      `<tr data-alert="${esc(a.alertId)}"><td class="nowrap">${health(a.severity)}</td><td class="nowrap">${esc(a.twinId)}</td><td class="nowrap">${esc(a.metric)}</td><td class="n">${a.value.toFixed(2)}</td>` +
      `<td class="n">${a.baseline.toFixed(2)}</td><td>${time(a.firstSeen)}</td><td class="state">${esc(a.state)}${a.acknowledgedBy ? ' by ' + esc(a.acknowledgedBy) : ''}</td>` +
      `<td class="explain">${esc(a.explanation)}</td><td>${a.state === 'Raised' ? `<button data-ack-alert="${esc(a.alertId)}" data-twin="${esc(a.twinId)}">Acknowledge</button>` : ''}</td></tr>`).join('')
      || '<tr><td colspan="9" class="muted">No open alerts.</td></tr>';
    el.querySelector('#incidents tbody').innerHTML = [...incidents.values()].sort(order).map(i =>
      `<tr data-incident="${esc(i.incidentId)}"><td>${health(i.severity)}</td><td>${esc(i.cause)} <strong>${esc(i.causeTwinId)}</strong></td><td>${esc(i.summary)}${i.forecast ? '<br>' + forecast(i.forecast) : ''}</td>` +
      `<td>${i.twinIds.length}</td><td>${time(i.firstSeen)}</td><td class="state">${esc(i.state)}${i.acknowledgedBy ? ' by ' + esc(i.acknowledgedBy) : ''}</td>` +
      `<td>${i.state === 'Raised' ? `<button data-ack-incident="${esc(i.incidentId)}">Acknowledge</button>` : ''}</td></tr>`).join('')
      || '<tr><td colspan="7" class="muted">No open incidents.</td></tr>';
    el.querySelector('#alert-total').textContent = `(${alerts.size})`;
    el.querySelector('#incident-count').textContent = `(${incidents.size})`;
  };
  const keep = (map, key, item) => { if (item.state === 'Resolved') map.delete(key); else map.set(key, item); };
  const load = async () => {
    const [a, i] = await Promise.all([getJson('/api/alerts'), getJson('/api/incidents')]);
    alerts.clear(); incidents.clear();
    a.forEach(x => alerts.set(x.alertId, x));
    i.forEach(x => incidents.set(x.incidentId, x));
    draw();
  };
  ctx.follow('/api/changes/events?change=alert,incident', 'change', c => {
    if (c.alert) keep(alerts, c.alert.alertId, c.alert);
    if (c.incident) keep(incidents, c.incident.incidentId, c.incident);
    draw();
  }, load);
  el.onclick = async e => {
    const b = e.target.closest('button');
    if (!b) return;
    b.disabled = true;
    try {
      if (b.dataset.ackAlert) {
        if (await send('POST', `${twinUrl(b.dataset.twin)}/alerts/${encodeURIComponent(b.dataset.ackAlert)}/acknowledge`)) {
          const a = alerts.get(b.dataset.ackAlert);
          if (a && a.state === 'Raised') alerts.set(a.alertId, { ...a, state: 'Acknowledged' });
        }
      } else if (b.dataset.ackIncident) {
        await send('POST', `/api/incidents/${encodeURIComponent(b.dataset.ackIncident)}/acknowledge`);
        const i = incidents.get(b.dataset.ackIncident);
        if (i && i.state === 'Raised') incidents.set(i.incidentId, { ...i, state: 'Acknowledged' });
      }
      el.querySelector('#ack-error').textContent = '';
      draw();
    } catch (err) {
      el.querySelector('#ack-error').textContent = err.status === 403 ? 'Acknowledging needs the operator role.' : err.message;
      b.disabled = false;
    }
  };
  await load();
}

const rank = s => ({ Failed: 4, Critical: 3, Warning: 2, Ok: 1 }[s] ?? 0);
