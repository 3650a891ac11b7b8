// Power per feed with headroom: each path's totals at the sources nearest the utility, then every UPS and PDU.
// Reads GET /api/views/feeds/{dc} and follows the data centre's UPSs and PDUs on its change feed.
import { getJson } from '../api.js';
import { esc, kw, health, meter, time } from '../format.js';

export async function mount(el, ctx) {
  el.innerHTML = `<section><h2>Power paths <span class="muted" id="power-asof"></span></h2><div class="cards" id="paths"></div>
    <p class="muted">If one path is lost, the other must carry both loads: compare each path's headroom with the other's load.</p></section>
    <section><h2>Feeds</h2><table id="feeds"><thead><tr><th>Source</th><th>Kind</th><th>Path</th><th>In</th><th>Health</th><th class="n">Load</th><th class="n">Capacity</th><th class="n">Headroom</th><th></th><th class="n">Input</th></tr></thead><tbody></tbody></table></section>`;
  let view = null;
  const load = async () => { view = await getJson('/api/views/feeds/' + encodeURIComponent(ctx.dataCentre)); draw(); };
  const draw = () => {
    const ids = new Set(view.feeds.map(f => f.id));
    const paths = new Map();
    for (const f of view.feeds.filter(f => !f.sources.some(s => ids.has(s)))) {
      for (const p of f.paths) {
        const t = paths.get(p) ?? { path: p, loadW: 0, capacityW: 0, sources: 0 };
        t.loadW += f.loadW ?? 0; t.capacityW += f.capacityW ?? 0; t.sources++;
        paths.set(p, t);
      }
    }
    const total = [...paths.values()].reduce((sum, p) => sum + p.loadW, 0);
    el.querySelector('#paths').innerHTML = [...paths.values()].sort((a, b) => a.path.localeCompare(b.path)).map(p =>
      `<div class="card" data-path="${esc(p.path)}"><div>Path <strong>${esc(p.path)}</strong> · ${p.sources} source(s)</div><div class="big">${kw(p.loadW)}</div>` +
      `${meter(p.loadW, p.capacityW)}<div>of ${kw(p.capacityW)}, headroom <strong>${kw(p.capacityW - p.loadW)}</strong></div>` +
      (paths.size > 1 ? `<div class="${total > p.capacityW ? 'Critical' : 'muted'}">alone it would carry ${kw(total)} (${(total / p.capacityW * 100).toFixed(0)} %)</div>` : '') + '</div>').join('')
      || '<p class="muted">No UPS or PDU carries a path label.</p>';
    // Sources nearest the utility first (UPSs), then what they feed.
    const ordered = [...view.feeds].sort((a, b) => a.sources.some(x => ids.has(x)) - b.sources.some(x => ids.has(x)) || a.id.localeCompare(b.id));
    el.querySelector('#feeds tbody').innerHTML = ordered.map(f => {
      const headroom = f.capacityW != null && f.loadW != null ? f.capacityW - f.loadW : null;
      return `<tr data-id="${esc(f.id)}"><td>${esc(f.name ?? f.id)}</td><td>${esc(f.kind)}</td><td>${f.paths.map(esc).join(', ')}</td><td>${f.sources.map(esc).join(', ') || esc(f.parentId)}</td>` +
        `<td>${health(f.health)}</td><td class="n">${kw(f.loadW)}</td><td class="n">${kw(f.capacityW)}</td><td class="n ${headroom < 0 ? 'Critical' : ''}">${kw(headroom)}</td>` +
        `<td>${meter(f.loadW, f.capacityW)}</td><td class="n">${f.metrics.input_v != null ? f.metrics.input_v.toFixed(0) + ' V' : '–'}${f.metrics.on_battery ? ' <span class="Warning">on battery</span>' : ''}</td></tr>`;
    }).join('');
    el.querySelector('#power-asof').textContent = 'as of ' + time(Date.now());
  };
  ctx.follow(`/api/subtrees/${encodeURIComponent(ctx.dataCentre)}/events?kind=ups,pdu`, 'batch', b => {
    for (const c of b.changes) {
      const f = view?.feeds.find(x => x.id === c.twinId);
      if (!f) continue;
      f.health = c.health;
      if (c.metrics) {
        f.metrics = { ...f.metrics, ...c.metrics };
        if (c.metrics.power_w != null) f.loadW = c.metrics.power_w;
        else if (c.metrics.load_pct != null && f.capacityW) f.loadW = c.metrics.load_pct / 100 * f.capacityW;
      }
    }
    if (view) draw();
  }, load);
  await load();
}
