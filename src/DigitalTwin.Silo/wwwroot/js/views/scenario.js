// The scenario runner: fail a CRAC, a UPS or PDU, or a whole power path, or add a rack; the answer is each rack's
// inlet over time against its limit (Chart.js), with the time to limit, and what else the perturbation reaches.
import { getJson, send, twinUrl } from '../api.js';
import { esc, kw, celsius, duration } from '../format.js';

export async function mount(el, ctx) {
  const dc = ctx.dataCentre;
  const [cracs, feeds, tree] = await Promise.all([
    getJson(`${twinUrl(dc)}/descendants?kind=crac&pageSize=1000`),
    getJson(`${twinUrl(dc)}/descendants?kind=ups,pdu&pageSize=1000`),
    getJson('/api/views/tree/' + encodeURIComponent(dc)),
  ]);
  const rooms = tree.children.filter(c => c.kind === 'Room');
  const options = items => items.map(i => `<option value="${esc(i.id)}">${esc(i.id)}</option>`).join('');
  el.innerHTML = `<section><h2>What if…</h2><form class="scenario" id="scenario-form">
      <label>Perturbation<select name="what">
        <option value="crac">a CRAC fails</option><option value="feed">a UPS or PDU fails</option>
        <option value="path">a power path fails</option><option value="rack">a rack is added</option></select></label>
      <label data-for="crac">CRAC<select name="crac">${options(cracs.items)}</select></label>
      <label data-for="feed" hidden>UPS or PDU<select name="feed">${options(feeds.items)}</select></label>
      <label data-for="path" hidden>Path<select name="path"><option>A</option><option>B</option></select></label>
      <label data-for="rack" hidden>Room<select name="room">${options(rooms)}</select></label>
      <label data-for="rack" hidden>Row<input name="row" value="C" size="3"></label>
      <label data-for="rack" hidden>Slot<input name="slot" type="number" min="1" value="9" style="width:5em"></label>
      <label data-for="rack" hidden>IT load, kW<input name="load" type="number" min="0" step="0.5" value="10" style="width:6em"></label>
      <label>Horizon, min<input name="horizon" type="number" min="1" max="10080" value="30" style="width:6em"></label>
      <label>Step, s<input name="step" type="number" min="1" value="10" style="width:5em"></label>
      <button class="primary" id="run">Run scenario</button></form>
      <p id="scenario-status" class="muted"></p></section>
    <section id="scenario-answer" hidden><h2 id="answer-title"></h2><p id="answer-summary"></p>
      <div class="chart-box"><canvas id="inlet-chart" aria-label="inlet temperature over time per rack"></canvas></div>
      <h3>Racks, hottest first</h3><table id="answer-racks"><thead><tr><th>Rack</th><th>Room</th><th class="n">Limit</th><th class="n">Time to limit</th><th class="n">Peak inlet</th><th class="n">Peak without it</th><th class="n">IT power</th></tr></thead><tbody></tbody></table>
      <div id="answer-more"></div></section>`;
  const form = el.querySelector('#scenario-form');
  const showFields = () => form.querySelectorAll('label[data-for]').forEach(l => { l.hidden = l.dataset.for !== form.what.value; });
  form.what.onchange = showFields;
  let chart = null;
  form.onsubmit = async e => {
    e.preventDefault();
    const request = { rootId: dc, horizonS: +form.horizon.value * 60, stepS: +form.step.value };
    const what = form.what.value;
    if (what === 'crac') request.fail = [form.crac.value];
    if (what === 'feed') request.fail = [form.feed.value];
    if (what === 'path') request.failPaths = [form.path.value];
    if (what === 'rack') request.addRacks = [{ id: 'rack-new-' + Date.now().toString(36), roomId: form.room.value, row: form.row.value, slot: +form.slot.value, itLoadW: +form.load.value * 1000 }];
    const status = el.querySelector('#scenario-status');
    const button = form.querySelector('#run');
    button.disabled = true;
    const started = Date.now();
    const tick = setInterval(() => { status.textContent = `Forking the twin and running it forward… ${((Date.now() - started) / 1000).toFixed(0)} s`; }, 500);
    try {
      const answer = await send('POST', '/api/scenarios', request);
      status.textContent = `Answered in ${((Date.now() - started) / 1000).toFixed(1)} s (${answer.timings.twinsForked} twins forked, ${answer.timings.steps} steps).`;
      chart?.destroy();
      chart = show(el, answer, describe(request));
    } catch (err) {
      status.innerHTML = `<span class="error">Refused: ${esc(err.message)}</span>`;
    } finally {
      clearInterval(tick);
      button.disabled = false;
    }
  };
  return () => chart?.destroy();
}

function describe(r) {
  if (r.fail) return `${r.fail[0]} fails`;
  if (r.failPaths) return `power path ${r.failPaths[0]} fails`;
  const a = r.addRacks[0];
  return `a ${kw(a.itLoadW)} rack is added in ${a.roomId}, row ${a.row} slot ${a.slot}`;
}

// Draws the answer; returns the chart.
function show(el, answer, what) {
  el.querySelector('#scenario-answer').hidden = false;
  el.querySelector('#answer-title').textContent = `If ${what}`;
  const first = answer.firstLimitS;
  el.querySelector('#answer-summary').innerHTML = first == null
    ? `No rack reaches its inlet limit within ${duration(answer.horizonS)}.`
    : `<strong class="Critical">${esc(answer.firstRackId)} reaches its inlet limit after ${duration(first)}</strong>; ` +
      `${answer.racks.filter(r => r.timeToLimitS != null).length} rack(s) cross within ${duration(answer.horizonS)}, ${answer.affectedServers.length} server(s) affected.`;
  el.querySelector('#answer-racks tbody').innerHTML = answer.racks.map(r => `<tr data-rack="${esc(r.id)}"><td>${esc(r.id)}</td><td>${esc(r.roomId)}</td><td class="n">${celsius(r.limitC)}</td>` +
    `<td class="n ${r.timeToLimitS != null ? 'Critical' : ''}">${r.timeToLimitS == null ? 'not reached' : duration(r.timeToLimitS)}</td><td class="n">${celsius(r.peakInletC)}</td>` +
    `<td class="n">${celsius(r.baselinePeakInletC)}</td><td class="n">${kw(r.itPowerW)}</td></tr>`).join('');
  el.querySelector('#answer-more').innerHTML = more(answer);
  return drawChart(el.querySelector('#inlet-chart'), answer);
}

// Inlet over time for the hottest racks (the answer lists them hottest first), with each distinct limit as a dashed line.
function drawChart(canvas, answer) {
  const shown = answer.racks.slice(0, 10);
  const minutes = i => +(i * answer.stepS / 60).toFixed(2);
  const palette = ['#2557d6', '#e6194b', '#3cb44b', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];
  const end = minutes(Math.max(...shown.map(r => r.series.length - 1), 1));
  const limits = [...new Set(shown.map(r => r.limitC))];
  const datasets = [
    ...shown.map((r, k) => ({ label: r.id + (r.timeToLimitS != null ? ` (limit in ${duration(r.timeToLimitS)})` : ''), data: r.series.map((v, i) => ({ x: minutes(i), y: v })),
      borderColor: palette[k % palette.length], backgroundColor: palette[k % palette.length], borderWidth: 1.5, pointRadius: 0 })),
    ...limits.map(l => ({ label: `inlet limit ${l} °C`, data: [{ x: 0, y: l }, { x: end, y: l }], borderColor: '#c62828', borderDash: [6, 4], borderWidth: 2, pointRadius: 0 })),
  ];
  return new window.Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, maintainAspectRatio: false, parsing: true,
      scales: { x: { type: 'linear', title: { display: true, text: 'minutes from now' }, max: end }, y: { title: { display: true, text: 'rack inlet, °C' } } },
      plugins: { legend: { position: 'right', labels: { boxWidth: 12 } } },
    },
  });
}

function more(a) {
  const parts = [];
  if (a.cooling?.length) parts.push('<h3>Cooling per room</h3>' + a.cooling.map(c => coolingLine(c, a.racks)).join(''));
  const changed = (a.feeds ?? []).filter(f => f.failed || Math.abs(f.loadW - f.baselineLoadW) > 1);
  if (changed.length) parts.push('<h3>Power sources that change</h3><table><tr><th>Source</th><th class="n">Load</th><th class="n">Before</th><th class="n">Headroom</th></tr>' +
    changed.map(f => `<tr><td>${esc(f.id)}${f.failed ? ' <span class="Failed">lost</span>' : ''}</td><td class="n">${kw(f.loadW)}</td><td class="n">${kw(f.baselineLoadW)}</td><td class="n ${f.headroomW < 0 ? 'Critical' : ''}">${kw(f.headroomW)}</td></tr>`).join('') + '</table>');
  if (a.redundancy) parts.push('<h3>Power</h3>' + powerLine(a.redundancy));
  const down = (a.services ?? []).filter(s => s.serversHit.length);
  if (down.length) parts.push('<h3>Services</h3>' + down.map(s => `<p>${esc(s.name ?? s.id)}: ${s.serversHit.length} of ${s.serversTotal} servers hit${s.down ? ' — <span class="Critical">down</span>' : ''}</p>`).join(''));
  if (a.mitigation) parts.push(`<h3>Mitigation</h3><p>${esc(a.mitigation.action)} — ${a.mitigation.checked ? (a.mitigation.resolves ? 'checked: it keeps every rack within its limit' : `checked: it does not resolve it (peak ${celsius(a.mitigation.peakInletC)})`) : 'not checked'}.</p>`);
  return parts.join('');
}

// A room's cooling, worded so it never reads against the power line below it: "does not cope" says which of its two
// tests failed — too little working capacity for the heat, or enough capacity in total while racks still pass their
// inlet limit (the cold air does not reach them: a failed unit's racks are starved even when the others have room).
function coolingLine(c, racks) {
  const failed = c.failedCracs.length ? ` with ${c.failedCracs.map(esc).join(', ')} failed` : '';
  const capacity = `heat ${kw(c.heatLoadW)}, working CRACs rated ${kw(c.workingCapacityW)}`;
  if (c.adequate) return `<p>${esc(c.roomId)}: cooling copes${failed} — ${capacity}, no rack reaches its inlet limit.</p>`;
  const over = (racks ?? []).filter(r => r.roomId === c.roomId && r.timeToLimitS != null).length;
  const why = c.workingCapacityW < c.heatLoadW
    ? `its working CRACs cannot remove the heat (${capacity})${over ? '' : ': the room keeps warming, though no rack reaches its limit within the horizon'}`
    : `${over} rack(s) reach their inlet limit although the working CRACs could remove the heat in total (${capacity}): the cold air does not reach them`;
  return `<p>${esc(c.roomId)}: <span class="Critical">cooling does not cope</span>${failed} — ${why}.</p>`;
}

// Power redundancy is about feeds (A and B paths), not cooling: a CRAC failure leaves it whole.
function powerLine(r) {
  return r.holds
    ? '<p>Power redundancy holds: every powered server keeps two live feed paths and no UPS or PDU is overloaded.</p>'
    : `<p><span class="Critical">Power redundancy does not hold</span>: ${r.serversOnOnePath} server(s) on one feed path, ${r.serversWithoutPower} without power` +
      `${r.overloadedSources?.length ? `, overloaded: ${r.overloadedSources.map(esc).join(', ')}` : ''}.</p>`;
}
