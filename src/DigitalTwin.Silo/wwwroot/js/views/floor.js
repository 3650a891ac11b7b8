// Room floor plan: racks where they stand, coloured by their hottest inlet (heat map), CRACs with their state.
// Reads one room (GET /api/views/floor/{room}) and follows that room's racks and CRACs on its change feed.
import { getJson } from '../api.js';
import { esc, celsius, forecast, kw, pct, health, time } from '../format.js';
import { heatColour, inkOn, legend } from '../heat.js';
import { showRack } from './elevation.js';

export async function mount(el, ctx, arg) {
  const [roomArg, rackArg] = (arg ?? '').split('/');
  const tree = await getJson('/api/views/tree/' + encodeURIComponent(ctx.dataCentre));
  const rooms = tree.children.filter(c => c.kind === 'Room');
  if (rooms.length === 0) { el.innerHTML = '<p>This data centre has no rooms.</p>'; return; }
  const roomId = rooms.some(r => r.id === roomArg) ? roomArg : rooms[0].id;
  el.innerHTML = `<div class="split"><section class="floor"><h2>Floor plan
      <select id="room">${rooms.map(r => `<option value="${esc(r.id)}" ${r.id === roomId ? 'selected' : ''}>${esc(r.name ?? r.id)}</option>`).join('')}</select>
      <span class="muted" id="floor-asof"></span></h2>
      <div id="incidents"></div><div id="plan"></div><div id="legend"></div><p id="unplaced" class="muted"></p>
      <h3>CRACs</h3><table id="cracs"><thead><tr><th>CRAC</th><th>State</th><th class="n">Supply</th><th class="n">Return</th><th class="n">Setpoint</th><th class="n">Fan</th><th class="n">Cooling load</th></tr></thead><tbody></tbody></table>
    </section><section id="rack-panel"><p class="muted">Click a rack to see its elevation.</p></section></div>`;
  el.querySelector('#room').onchange = e => ctx.go('#/floor/' + encodeURIComponent(e.target.value));

  let floor = null;
  let selected = null;
  let closeRack = null;
  const twins = () => [...floor.racks, ...floor.cracs];
  const load = async () => { floor = await getJson('/api/views/floor/' + encodeURIComponent(roomId)); draw(); };
  const draw = () => {
    el.querySelector('#plan').innerHTML = plan(floor, selected);
    el.querySelector('#legend').innerHTML = legend(common(floor.racks, r => r.inlet?.warnC, 27), common(floor.racks, r => r.inlet?.criticalC, 32));
    el.querySelector('#unplaced').textContent = floor.unplaced.length ? 'Without a position (not drawn): ' + floor.unplaced.join(', ') : '';
    el.querySelector('#cracs tbody').innerHTML = floor.cracs.map(cracRow).join('');
    for (const r of el.querySelectorAll('.rack')) r.onclick = () => openRack(r.dataset.id);
  };
  // The elevation opens beside the plan; the address names the rack so it can be linked to.
  const openRack = async id => {
    selected = id;
    draw();
    closeRack?.();
    history.replaceState(null, '', `#/floor/${encodeURIComponent(roomId)}/${encodeURIComponent(id)}`);
    closeRack = await showRack(el.querySelector('#rack-panel'), ctx, id);
  };
  const apply = changes => {
    if (!floor) return; // the snapshot read after subscribing covers what came before it
    for (const c of changes) {
      const twin = twins().find(t => t.id === c.twinId);
      if (!twin) continue;
      twin.health = c.health;
      if (c.healthReason !== undefined && c.change === 'Health') twin.healthReason = c.healthReason;
      if (c.rollup) twin.rollup = c.rollup;
      if (c.metrics) twin.metrics = { ...twin.metrics, ...c.metrics };
    }
    el.querySelector('#floor-asof').textContent = 'live, as of ' + time(Date.now());
    draw();
  };
  ctx.follow(`/api/subtrees/${encodeURIComponent(roomId)}/events?kind=rack,crac`, 'batch', b => apply(b.changes), load);
  await load();
  await followIncidents(el.querySelector('#incidents'), ctx);
  if (rackArg) await openRack(rackArg);
  return () => closeRack?.();
}

// Racks and CRACs to scale: x along the row, y across rows (TEAM contract 1), one row label per row.
function plan(floor, selected) {
  // Along a row to scale; across rows the aisles are drawn narrower than they are, so a room of many rows still fits.
  const pad = 20, left = 56;
  const sx = Math.max(100, Math.min(160, 700 / Math.max(floor.widthM + floor.slotWidthM, 0.1)));
  const sy = Math.max(25, Math.min(60, 520 / Math.max(floor.depthM + floor.rowPitchM, 0.1)));
  const w = floor.slotWidthM * 0.94 * sx, d = Math.min(70, floor.rowPitchM * 0.5 * sy);
  const px = x => left + x * sx, py = y => pad + d / 2 + y * sy;
  const width = px(floor.widthM) + 20, height = py(floor.depthM) + d / 2 + 16;
  const rows = floor.rows.map((row, i) => `<text x="6" y="${py(i * floor.rowPitchM) + 4}" fill="#556">Row ${esc(row)}</text>`).join('');
  const racks = floor.racks.map(r => {
    const t = r.rollup?.maxInletC;
    const fill = heatColour(t, r.inlet?.warnC, r.inlet?.criticalC);
    const x = px(r.x) - w / 2, y = py(r.y) - d / 2;
    return `<g><title>${esc(r.id)}: max inlet ${celsius(t)}, mean ${celsius(r.rollup?.meanInletC)}, ${kw(r.rollup?.itPowerW)}, ${esc(r.health)}</title>` +
      `<rect class="rack ${r.id === selected ? 'selected' : ''}" data-id="${esc(r.id)}" data-inlet="${t ?? ''}" x="${x}" y="${y}" width="${w}" height="${d}" rx="3" fill="${fill}"></rect>` +
      `<text x="${x + w / 2}" y="${y + d / 2 - 3}" text-anchor="middle" fill="${inkOn(fill)}">${esc(short(r.id))}</text>` +
      `<text class="inlet" data-id="${esc(r.id)}" x="${x + w / 2}" y="${y + d / 2 + 11}" text-anchor="middle" fill="${inkOn(fill)}">${t == null ? '–' : t.toFixed(1) + '°'}</text></g>`;
  }).join('');
  const cracs = floor.cracs.map(c => {
    const off = cracStopped(c);
    const fill = off ? '#3d4452' : '#cde7ff';
    const stroke = c.health === 'Warning' ? '#e69500' : (c.health === 'Critical' || c.health === 'Failed') ? '#c62828' : '#334';
    const x = px(c.x) - w / 2, y = py(c.y) - d / 2;
    return `<g><title>${esc(c.id)}: ${off ? 'stopped' : 'running'}, supply ${celsius(c.metrics.supply_temp_c)}, fan ${pct(c.metrics.fan_pct)}, ${esc(c.health)}</title>` +
      `<rect class="crac" data-id="${esc(c.id)}" data-state="${off ? 'stopped' : 'running'}" x="${x}" y="${y}" width="${w}" height="${d}" rx="10" fill="${fill}" stroke="${stroke}" stroke-width="${c.health === 'Ok' ? 1 : 3}"></rect>` +
      `<text x="${x + w / 2}" y="${y + d / 2 - 3}" text-anchor="middle" fill="${off ? '#fff' : '#123'}">${esc(short(c.id))}</text>` +
      `<text x="${x + w / 2}" y="${y + d / 2 + 11}" text-anchor="middle" fill="${off ? '#fff' : '#123'}">${off ? '✕ off' : celsius(c.metrics.supply_temp_c).replace(' °C', '°')}</text></g>`;
  }).join('');
  return `<svg width="${width}" height="${height}" role="img" aria-label="floor plan">${rows}${cracs}${racks}</svg>`;
}

// A CRAC is drawn stopped when it says so (no airflow, no fan) or its twin judges it failed.
const cracStopped = c => c.health === 'Failed' || c.metrics.airflow_m3_s === 0 || c.metrics.fan_pct === 0;

const cracRow = c => `<tr data-id="${esc(c.id)}"><td>${esc(c.name ?? c.id)}</td><td>${cracStopped(c) ? '<span class="Failed">stopped</span>' : 'running'} ${health(c.health)}` +
  `${c.healthReason ? `<br><span class="muted">${esc(c.healthReason)}</span>` : ''}</td><td class="n">${celsius(c.metrics.supply_temp_c)}</td>` +
  `<td class="n">${celsius(c.metrics.return_temp_c)}</td><td class="n">${celsius(c.metrics.setpoint_c)}</td><td class="n">${pct(c.metrics.fan_pct)}</td><td class="n">${kw(c.metrics.cooling_load_w)}</td></tr>`;

const short = id => id.replace(/^(rack|crac)-/, '');

function common(items, pick, fallback) {
  const counts = new Map();
  for (const i of items) { const v = pick(i); if (v != null) counts.set(v, (counts.get(v) ?? 0) + 1); }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

// Open incidents above the plan: what the coloured racks have in common, named by the twin that probably causes it.
async function followIncidents(box, ctx) {
  const open = new Map();
  const draw = () => {
    box.innerHTML = [...open.values()].map(i => `<p class="incident ${esc(i.severity)}">${health(i.severity)} <strong>${esc(i.causeTwinId)}</strong>: ${esc(i.summary)} ` +
      `<a href="#/alerts">${i.alertIds.length} alert(s)</a>${i.state === 'Acknowledged' ? ' · acknowledged' : ''}${i.forecast ? '<br>' + forecast(i.forecast) : ''}</p>`).join('');
  };
  const load = async () => {
    open.clear();
    (await getJson('/api/incidents')).forEach(i => open.set(i.incidentId, i));
    draw();
  };
  ctx.follow('/api/changes/events?change=incident', 'change', c => {
    if (!c.incident) return;
    if (c.incident.state === 'Resolved') open.delete(c.incident.incidentId); else open.set(c.incident.incidentId, c.incident);
    draw();
  }, load);
  await load();
}
