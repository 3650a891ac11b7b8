// A rack's elevation: its assets by rack unit, servers coloured by their inlet, live from the rack's change feed.
import { getJson } from '../api.js';
import { esc, celsius, pct, health } from '../format.js';
import { heatColour, inkOn } from '../heat.js';

// Draws the rack into panel and follows it; returns a function that stops following.
export async function showRack(panel, ctx, rackId) {
  panel.innerHTML = '<p class="muted">Loading the rack…</p>';
  let rack = null;
  const load = async () => { rack = await getJson('/api/views/rack/' + encodeURIComponent(rackId)); draw(); };
  const draw = () => {
    const r = rack.rollup;
    panel.innerHTML = `<h2>Rack ${esc(rack.name ?? rack.rackId)} ${health(rack.health)}</h2>
      <p>Max inlet <strong id="rack-max-inlet">${celsius(r?.maxInletC)}</strong> (mean ${celsius(r?.meanInletC)}), IT ${watts(r?.itPowerW)}${r?.powerBudgetW ? ' of ' + watts(r.powerBudgetW) : ''},
      ${r?.openAlerts ?? 0} open alert(s). Inlet limits ${rack.inlet.warnC} / ${rack.inlet.criticalC} °C${rack.inlet.fromTopology ? '' : ' (ASHRAE defaults)'}.</p>
      <div class="rack-body">${elevation(rack)}
      <table class="assets" style="width:auto"><thead><tr><th>Asset</th><th>U</th><th>Health</th><th class="n">Inlet</th><th class="n">Power</th><th class="n">Util.</th></tr></thead>
      <tbody>${rack.assets.map(a => `<tr><td>${esc(a.id)}</td><td>${a.positionU ?? '–'}</td><td>${health(a.health)}</td><td class="n">${celsius(a.metrics.inlet_temp_c)}</td>` +
        `<td class="n">${watts(a.metrics.power_w)}</td><td class="n">${pct(a.metrics.util_pct)}</td></tr>`).join('')}</tbody></table></div>`;
  };
  const apply = changes => {
    if (!rack) return; // the snapshot read after subscribing covers what came before it
    for (const c of changes) {
      if (c.twinId === rack.rackId) {
        rack.health = c.health;
        if (c.rollup) rack.rollup = c.rollup;
        continue;
      }
      const asset = rack.assets.find(a => a.id === c.twinId);
      if (!asset) continue;
      asset.health = c.health;
      if (c.metrics) asset.metrics = { ...asset.metrics, ...c.metrics };
    }
    draw();
  };
  const close = ctx.follow(`/api/subtrees/${encodeURIComponent(rackId)}/events?kind=rack,server,networkswitch,pdu`, 'batch', b => apply(b.changes), load);
  try {
    await load();
  } catch (e) {
    panel.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
  return close;
}

function elevation(rack) {
  const u = 13, w = 190, top = 4;
  const y = (position, size) => top + (rack.heightU - (position + size - 1)) * u;
  const units = Array.from({ length: rack.heightU }, (_, i) => `<rect x="22" y="${top + i * u}" width="${w}" height="${u}" fill="#f0f2f5" class="slot"></rect>` +
    ((rack.heightU - i) % 5 === 0 ? `<text x="2" y="${top + i * u + 10}" fill="#889">${rack.heightU - i}</text>` : '')).join('');
  const assets = rack.assets.filter(a => a.positionU != null).map(a => {
    const t = a.metrics.inlet_temp_c;
    const fill = t != null ? heatColour(t, rack.inlet.warnC, rack.inlet.criticalC)
      : a.health === 'Ok' ? '#b9c6d8' : a.health === 'Warning' ? '#f5b942' : a.health === 'Unknown' ? '#d0d4dc' : '#e05252';
    const yy = y(a.positionU, a.sizeU);
    return `<g><title>${esc(a.id)} (${esc(a.kind)}): ${esc(a.health)}${t != null ? ', inlet ' + celsius(t) : ''}</title>` +
      `<rect class="asset" data-id="${esc(a.id)}" x="22" y="${yy + 1}" width="${w}" height="${a.sizeU * u - 2}" rx="2" fill="${fill}" stroke="${a.health === 'Ok' ? '#667' : '#c62828'}"></rect>` +
      `<text x="28" y="${yy + 10}" fill="${inkOn(fill)}">${esc(a.id)}${t != null ? ' · ' + t.toFixed(1) + '°' : ''}</text></g>`;
  }).join('');
  return `<svg class="elevation" width="${w + 26}" height="${rack.heightU * u + 2 * top}" role="img" aria-label="rack elevation">${units}${assets}</svg>`;
}

const watts = w => w == null ? '–' : w >= 1000 ? (w / 1000).toFixed(2) + ' kW' : w.toFixed(0) + ' W';
