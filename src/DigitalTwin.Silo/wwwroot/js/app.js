// The operator pages: one shell, one view at a time (#/floor, #/tree, #/alerts, ...). A view gets a context whose
// feeds are closed when the operator moves on, so only what is on screen is followed.
import { getJson, follow, twinUrl } from './api.js';
import { esc, kw, celsius } from './format.js';

const views = ['floor', 'tree', 'alerts', 'maintenance', 'power', 'scenario', 'cooling'];
const main = document.getElementById('view');
let current = null;
let dataCentres = [];

async function start() {
  showUser();
  try {
    dataCentres = await getJson('/api/datacentres');
  } catch (e) {
    main.innerHTML = `<p class="error">The silo did not answer: ${esc(e.message)}</p>`;
    return;
  }
  if (dataCentres.length === 0) {
    main.innerHTML = '<p>No data centre is loaded yet. Import a topology (<code>dt import</code> or <code>POST /api/topology</code>), or start the silo with <code>--demo</code>.</p>';
    setTimeout(() => location.reload(), 5000);
    return;
  }
  followSummary(dataCentres[0].twinId);
  window.addEventListener('hashchange', route);
  route();
}

async function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const view = views.includes(name) ? name : 'floor';
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  if (current) current.close();
  const feeds = [];
  const context = {
    dataCentre: dataCentres[0].twinId,
    follow: (url, event, onEvent, onResync) => { const close = follow(url, event, onEvent, onResync); feeds.push(close); return close; },
    go: hash => { location.hash = hash; },
  };
  const mine = { close: () => { feeds.forEach(f => f()); mine.cleanup?.(); } };
  current = mine;
  for (const a of document.querySelectorAll('#nav a[data-view]')) a.classList.toggle('active', a.dataset.view === view);
  // Each view draws into a box of its own: what a view still finishes after the operator moved on lands in its
  // detached box, never in the next view.
  const box = document.createElement('div');
  box.innerHTML = '<p class="muted">Loading…</p>';
  main.replaceChildren(box);
  try {
    const module = await import(`./views/${view}.js`);
    const cleanup = await module.mount(box, context, arg);
    if (current === mine) mine.cleanup = cleanup; else cleanup?.();
  } catch (e) {
    if (current === mine) box.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

// The data centre's totals in the header, kept live from its own change feed.
async function followSummary(id) {
  const show = r => {
    document.getElementById('summary').textContent =
      `${id}: IT ${kw(r.itPowerW)} · cooling ${kw(r.coolingLoadW)} of ${kw(r.coolingCapacityW)} · max inlet ${celsius(r.maxInletC)} · ${r.worstHealth}`;
    document.getElementById('alert-count').textContent = r.openAlerts > 0 ? r.openAlerts : '';
  };
  const read = async () => show(await getJson(twinUrl(id) + '/rollup'));
  await read();
  follow(twinUrl(id) + '/events', 'change', c => { if (c.rollup) show(c.rollup); }, read);
}

async function showUser() {
  try {
    const me = await getJson('/api/views/me');
    document.getElementById('user').innerHTML = me.open
      ? 'open demo (no sign-in)'
      : `${esc(me.name)} (${esc(me.role)}) <form method="post" action="/logout" style="display:inline"><button>Sign out</button></form>`;
  } catch { /* the views work without it */ }
}

start();
