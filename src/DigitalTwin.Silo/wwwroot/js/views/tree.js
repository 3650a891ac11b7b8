// The topology tree: opened one level at a time (GET /api/views/tree/{id}), health kept live from the fleet's health
// changes; the selected twin's latest values follow its own change feed.
import { getJson, twinUrl } from '../api.js';
import { esc, health, time } from '../format.js';

export async function mount(el, ctx, arg) {
  el.innerHTML = `<div class="split"><section class="tree"><h2>Topology</h2><ul id="root"></ul></section>
    <section id="detail"><p class="muted">Select a twin.</p></section></div>`;
  const nodes = new Map();
  let closeDetail = null;

  const item = n => `<li data-id="${esc(n.id)}"><span class="toggle">${n.childCount > 0 ? '▸' : ''}</span><span class="label">` +
    `<span class="dot ${esc(n.health)}"></span>${esc(n.id)} <span class="muted">${esc(n.kind.toLowerCase())}${n.name ? ' · ' + esc(n.name) : ''}` +
    `${n.childCount ? ' · ' + n.childCount : ''}${n.openAlerts ? ` · <span class="Warning">${n.openAlerts} alert(s)</span>` : ''}</span></span><ul hidden></ul></li>`;

  const expand = async (li, id) => {
    const list = li.querySelector(':scope > ul');
    const open = !list.hidden;
    list.hidden = open;
    li.querySelector(':scope > .toggle').textContent = open ? '▸' : '▾';
    if (open || list.dataset.loaded) return;
    const view = await getJson('/api/views/tree/' + encodeURIComponent(id));
    view.children.forEach(c => nodes.set(c.id, c));
    list.innerHTML = view.children.map(item).join('');
    list.dataset.loaded = '1';
  };
  const select = async id => {
    el.querySelectorAll('.tree .selected').forEach(s => s.classList.remove('selected'));
    el.querySelector(`li[data-id="${CSS.escape(id)}"] > .label`)?.classList.add('selected');
    closeDetail?.();
    closeDetail = await detail(el.querySelector('#detail'), ctx, id);
  };
  el.querySelector('#root').onclick = e => {
    const li = e.target.closest('li');
    if (!li) return;
    if (e.target.closest('.toggle')) expand(li, li.dataset.id);
    else select(li.dataset.id);
  };

  const root = await getJson('/api/views/tree/' + encodeURIComponent(ctx.dataCentre));
  nodes.set(root.node.id, root.node);
  el.querySelector('#root').innerHTML = item(root.node);
  await expand(el.querySelector('#root > li'), root.node.id);
  ctx.follow('/api/changes/events?change=health', 'change', c => {
    const li = el.querySelector(`li[data-id="${CSS.escape(c.twinId)}"] > .label > .dot`);
    if (li) li.className = 'dot ' + c.health;
  });
  if (arg) await select(arg);
  return () => closeDetail?.();
}

// One twin's snapshot: health, latest values, open alerts; values kept live from its change feed.
async function detail(panel, ctx, id) {
  const s = await getJson(twinUrl(id));
  const values = Object.fromEntries(Object.entries(s.latest).map(([k, v]) => [k, v.value]));
  const draw = () => {
    panel.innerHTML = `<h2>${esc(id)} ${health(s.health)}</h2>
      <p class="muted">${esc(s.spec.kind)}${s.spec.name ? ' · ' + esc(s.spec.name) : ''}${s.spec.parentId ? ' · in ' + esc(s.spec.parentId) : ''}${s.healthReason ? ' · ' + esc(s.healthReason) : ''}</p>
      ${s.spec.kind === 'Rack' ? `<p><a href="#/floor/${encodeURIComponent(s.spec.parentId)}/${encodeURIComponent(id)}">Show on the floor plan</a></p>` : ''}
      ${s.spec.kind === 'Room' ? `<p><a href="#/floor/${encodeURIComponent(id)}">Show the floor plan</a></p>` : ''}
      <table><thead><tr><th>Metric</th><th class="n">Latest</th></tr></thead><tbody>
      ${Object.entries(values).map(([k, v]) => `<tr><td>${esc(k)}</td><td class="n">${v.toFixed(2)}</td></tr>`).join('') || '<tr><td colspan="2" class="muted">no readings of its own</td></tr>'}
      </tbody></table>
      ${s.rollup ? `<p>Subtree: ${(s.rollup.itPowerW / 1000).toFixed(1)} kW IT, max inlet ${s.rollup.maxInletC?.toFixed(1) ?? '–'} °C, ${s.rollup.openAlerts} open alert(s)</p>` : ''}
      <h3>Open alerts</h3>${s.openAlerts.length ? s.openAlerts.map(a => `<p>${health(a.severity)} ${esc(a.metric)}: ${esc(a.explanation)}</p>`).join('') : '<p class="muted">none</p>'}
      <p class="muted">as of ${time(s.asOf)}</p>`;
  };
  draw();
  return ctx.follow(twinUrl(id) + '/events', 'change', c => {
    s.health = c.health;
    if (c.metrics) Object.assign(values, c.metrics);
    if (c.rollup) s.rollup = c.rollup;
    s.asOf = c.at;
    draw();
  });
}
