// The HTTP API and the change feeds as the pages use them. A page that is no longer signed in goes to the sign-in form.

export async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  return answer(r, url);
}

export async function send(method, url, body) {
  const r = await fetch(url, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(r, url);
}

async function answer(r, url) {
  if (r.status === 401) {
    location.href = '/login?returnUrl=' + encodeURIComponent(location.pathname + location.hash);
    throw new Error('signed out');
  }
  const text = await r.text();
  const body = text ? JSON.parse(text) : null;
  if (!r.ok) {
    const problems = body?.problems?.map(p => p.message ?? p.detail ?? p.code).join('; ');
    const e = new Error(problems || body?.detail || body?.title || `${url} answered ${r.status}`);
    e.status = r.status;
    e.body = body;
    throw e;
  }
  return body;
}

export const twinUrl = id => '/api/twins/' + encodeURIComponent(id);

// Follows a change feed (server-sent events). onEvent gets each parsed item; onResync is called when the feed
// reconnects after a break, since changes during the break are lost and the view must read its snapshot again.
// Returns a function that closes the feed.
export function follow(url, eventName, onEvent, onResync) {
  const source = new EventSource(url);
  let broken = false;
  source.addEventListener(eventName, e => onEvent(JSON.parse(e.data)));
  source.onopen = () => {
    liveState(+1);
    if (broken && onResync) onResync();
    broken = false;
  };
  source.onerror = () => {
    if (!broken) liveState(-1);
    broken = true;
  };
  return () => {
    if (!broken && source.readyState === EventSource.OPEN) liveState(-1);
    source.close();
  };
}

let open = 0;
function liveState(delta) {
  open = Math.max(0, open + delta);
  const dot = document.getElementById('live');
  if (!dot) return;
  dot.className = 'live ' + (open > 0 ? 'on' : 'off');
  dot.title = open > 0 ? `following ${open} change feed(s)` : 'change feed disconnected';
}
