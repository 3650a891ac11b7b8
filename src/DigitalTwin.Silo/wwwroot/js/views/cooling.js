// The cooling recommendation: CRAC setpoints and fan speeds the optimiser proposes, the predicted saving and every
// rack's predicted inlet, the N+1 check; approve or reject (operators), and the recent history.
import { getJson, send } from '../api.js';
import { esc, kw, celsius, dateTime } from '../format.js';

export async function mount(el, ctx) {
  el.innerHTML = `<section id="recommendation"><h2>Cooling recommendation</h2><p class="muted">Asking the optimiser…</p></section>
    <section><h2>Recent recommendations</h2><table id="history"><thead><tr><th>When</th><th>State</th><th class="n">Predicted saving</th><th>By</th><th>Reason</th></tr></thead><tbody></tbody></table></section>`;
  const box = el.querySelector('#recommendation');
  const query = '?datacentre=' + encodeURIComponent(ctx.dataCentre);
  const history = async () => {
    const items = await getJson('/api/cooling/recommendations' + query + '&top=10');
    el.querySelector('#history tbody').innerHTML = items.map(r => `<tr><td>${dateTime(r.createdAt)}</td><td>${esc(r.state)}</td><td class="n">${r.predictedSavingPct.toFixed(1)} %</td>` +
      `<td>${esc(r.requestedBy)}${r.automatic ? ' (automatic)' : ''}</td><td>${esc(r.reason ?? '')}</td></tr>`).join('') || '<tr><td colspan="5" class="muted">none yet</td></tr>';
  };
  const showOne = r => {
    const pending = r.state === 'Pending';
    box.innerHTML = `<h2>Cooling recommendation <span class="muted">${esc(r.id)}</span> — <span data-state>${esc(r.state)}</span></h2>
      <p>Predicted cooling power <strong>${kw(r.predictedBeforeW)} → ${kw(r.predictedAfterW)}</strong>, saving <strong>${r.predictedSavingPct.toFixed(1)} %</strong>${r.measuredBeforeW != null ? ` (measured now ${kw(r.measuredBeforeW)})` : ''}.
      N+1 ${r.redundancy.kept ? 'kept' : '<span class="Critical">not kept</span>'}: ${esc(r.redundancy.detail)}</p>
      ${r.reason ? `<p class="muted">${esc(r.reason)}</p>` : ''}
      <table><thead><tr><th>CRAC</th><th>Room</th><th class="n">Setpoint</th><th class="n">Fan</th></tr></thead><tbody>
      ${r.cracs.map(c => `<tr><td>${esc(c.cracId)}</td><td>${esc(c.roomId)}</td><td class="n">${c.setpointBeforeC.toFixed(1)} → <strong>${c.setpointAfterC.toFixed(1)}</strong> °C</td><td class="n">${c.fanBeforePct.toFixed(0)} → <strong>${c.fanAfterPct.toFixed(0)}</strong> %</td></tr>`).join('')}
      </tbody></table>
      <h3>Hottest racks, predicted inlet</h3><table><thead><tr><th>Rack</th><th class="n">Measured</th><th class="n">Before</th><th class="n">After</th><th class="n">Limit</th></tr></thead><tbody>
      ${[...r.racks].sort((a, b) => b.predictedAfterC - a.predictedAfterC).slice(0, 8).map(k => `<tr><td>${esc(k.rackId)}</td><td class="n">${celsius(k.measuredC)}</td><td class="n">${celsius(k.predictedBeforeC)}</td><td class="n">${celsius(k.predictedAfterC)}</td><td class="n">${celsius(k.limitC)}</td></tr>`).join('')}
      </tbody></table>
      <p>${pending ? `<button class="primary" id="approve">Approve</button> <button id="reject">Reject</button>` : ''} <button id="fresh">Ask again</button> <span id="cooling-error" class="error"></span></p>
      ${r.trail?.length ? '<h3>Trail</h3>' + r.trail.map(t => `<p class="muted">${dateTime(t.at)} ${esc(t.step)} ${esc(t.actor)} ${esc(t.detail)}</p>`).join('') : ''}`;
    box.querySelector('#approve')?.addEventListener('click', () => act(`/api/cooling/recommendations/${encodeURIComponent(r.id)}/approve`));
    box.querySelector('#reject')?.addEventListener('click', () => {
      const reason = prompt('Why reject it?') ?? '';
      act(`/api/cooling/recommendations/${encodeURIComponent(r.id)}/reject?reason=${encodeURIComponent(reason)}`);
    });
    box.querySelector('#fresh').addEventListener('click', () => act('/api/cooling/recommendations' + query));
  };
  const act = async url => {
    box.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      showOne(await send('POST', url));
      await history();
    } catch (e) {
      if (e.body?.recommendation) showOne(e.body.recommendation);
      const error = box.querySelector('#cooling-error');
      if (error) error.textContent = e.status === 403 ? 'This needs the operator role.' : e.message;
      box.querySelectorAll('button').forEach(b => { b.disabled = false; });
    }
  };
  try {
    showOne(await getJson('/api/cooling/recommendation' + query));
  } catch (e) {
    box.innerHTML = `<h2>Cooling recommendation</h2><p class="error">${esc(e.message)}</p>`;
  }
  await history();
}
