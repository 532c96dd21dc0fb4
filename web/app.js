// The dashboard: reads the API, follows the event stream (polling when it cannot be held), re-renders.
import * as r from './render.js';

const $ = (id) => document.getElementById(id);
// A token for a server bound beyond loopback (or for actions) comes in the URL fragment: #token=…
const token =
  new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('convoy-token');
if (token) sessionStorage.setItem('convoy-token', token);
const auth = token ? { Authorization: `Bearer ${token}` } : {};

async function api(path, init = {}) {
  const res = await fetch(`/api${path}`, { ...init, headers: { ...auth, ...init.headers } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? res.statusText);
  return body;
}

const params = () => new URLSearchParams(location.search);
const FILTERS = ['outcome', 'service', 'actor', 'since'];
let config;
let stack;
let lastSeq = 0;

// A redraw between a button's press and release replaces the button, and the browser then fires no click: while a
// pointer is down, redraws wait for its release.
let pressed = false;
let held = false;
document.addEventListener('pointerdown', () => (pressed = true), true);
const released = () => {
  pressed = false;
  if (!held) return;
  held = false;
  soon();
};
// A release outside the page, or one the browser takes over (a scroll), ends the hold too.
for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, released, true);
window.addEventListener('blur', released);
const holdRedraw = () => (pressed ? (held = true) : false);

async function refresh() {
  const p = params();
  const s = encodeURIComponent(stack);
  if (p.get('deployment')) {
    const dep = await api(`/deployments/${encodeURIComponent(p.get('deployment'))}`);
    for (const e of dep.events) lastSeq = Math.max(lastSeq, e.seq);
    if (holdRedraw()) return;
    $('banner').innerHTML = r.banner(dep);
    $('main').innerHTML =
      `<p><a href="/">← ${r.esc(stack)}</a></p><h1>Deployment <code>${r.esc(dep.correlationId)}</code></h1>
      ${r.deploymentHeader(dep, false)}${r.waves(dep)}${r.logs(dep)}<h2>Timeline</h2>${r.timeline(dep.events)}`;
    return;
  }
  const q = new URLSearchParams();
  for (const f of FILTERS) if (p.get(f)) q.set(f, p.get(f));
  const [running, waiting, hist, trend] = await Promise.all([
    api(`/stacks/${s}/running`),
    api(`/stacks/${s}/queue`),
    api(`/stacks/${s}/history?${q}`),
    api(`/stacks/${s}/history?limit=30&outcome=succeeded`),
  ]);
  const dep = running.deployment;
  for (const e of dep?.events ?? []) lastSeq = Math.max(lastSeq, e.seq);
  if (holdRedraw()) return;
  $('banner').innerHTML = dep ? r.banner(dep) : '';
  const filters = Object.fromEntries(FILTERS.map((f) => [f, p.get(f) ?? '']));
  $('main').innerHTML = `
    <section aria-labelledby="now"><h2 id="now">${running.running ? 'Deploying now' : 'Last deployment'}</h2>
      ${dep ? r.deploymentHeader(dep, running.running) + r.pauseNotice(dep, config.actions) + r.waves(dep) : '<p class="muted">Nothing deployed yet.</p>'}
      ${dep && config.actions ? '<button type="button" id="rollback">Roll back the stack</button>' : ''}</section>
    <section aria-labelledby="queue"><h2 id="queue">Queue</h2>${r.queue(waiting.entries, config.actions)}</section>
    <div class="two">
      <section aria-labelledby="hist"><h2 id="hist">History</h2>${r.historyFilters(filters)}${r.history(hist.deployments)}</section>
      <section aria-labelledby="trend"><h2 id="trend">Time to healthy</h2>${r.trends(trend.deployments)}</section>
    </div>
    ${dep ? `<section aria-labelledby="tl"><h2 id="tl">Timeline</h2>${r.timeline(dep.events.slice(-40).reverse())}</section>` : ''}`;
}

let pending;
const soon = () => {
  clearTimeout(pending);
  pending = setTimeout(() => refresh().catch(showError), 150);
};
const showError = (err) => ($('live').textContent = `error: ${err.message}`);

function setLive(text) {
  $('live').textContent = text;
  $('live').dataset.mode = text;
}

/** The event stream; after repeated failures, polling `/events?after=` every 2 s instead. */
function stream() {
  const t = token ? `&token=${encodeURIComponent(token)}` : '';
  const es = new EventSource(`/api/stacks/${encodeURIComponent(stack)}/stream?after=${lastSeq}${t}`);
  let failures = 0;
  es.onopen = () => ((failures = 0), setLive('live'));
  es.onmessage = (m) => {
    lastSeq = Math.max(lastSeq, Number(m.lastEventId));
    soon();
  };
  es.onerror = () => {
    if (++failures < 3 && es.readyState !== EventSource.CLOSED) return setLive('reconnecting…');
    es.close();
    poll();
  };
}

function poll() {
  setLive('polling');
  const tick = async () => {
    try {
      const { events, lastSeq: seq } = await api(
        `/stacks/${encodeURIComponent(stack)}/events?after=${lastSeq}`,
      );
      lastSeq = seq;
      if (events.length) await refresh();
    } catch (err) {
      showError(err);
    }
    setTimeout(tick, 2000);
  };
  tick();
}

document.addEventListener('submit', (ev) => {
  if (ev.target.id !== 'filters') return;
  ev.preventDefault();
  const q = new URLSearchParams();
  for (const [k, v] of new FormData(ev.target)) if (v) q.set(k, String(v));
  history.pushState(null, '', `?${q}`);
  refresh().catch(showError);
});
document.addEventListener('change', (ev) => {
  if (ev.target.name === 'outcome') ev.target.form.requestSubmit();
});
document.addEventListener('click', async (ev) => {
  const b = ev.target.closest('button');
  if (!b) return;
  const s = encodeURIComponent(stack);
  try {
    if (b.dataset.cancel)
      await api(`/stacks/${s}/queue/${encodeURIComponent(b.dataset.cancel)}/cancel`, { method: 'POST' });
    else if (b.id === 'rollback' && confirm(`Roll back ${stack}?`))
      await api(`/stacks/${s}/rollback`, { method: 'POST' });
    else if (b.id === 'approve' || b.id === 'reject') {
      // Recorded as "NAME (dashboard)": the token says who may answer, not who they are.
      const by = prompt(`${b.id === 'approve' ? 'Continue' : 'Roll back'} the paused wave: your name`);
      if (by) await api(`/stacks/${s}/${b.id}`, { method: 'POST', body: JSON.stringify({ by }) });
    }
    soon();
  } catch (err) {
    showError(err);
  }
});
window.addEventListener('popstate', () => refresh().catch(showError));

config = await api('/config');
stack = params().get('stack') ?? config.stack;
$('stack').textContent = stack;
document.title = `convoy · ${stack}`;
await refresh().catch(showError);
if (window.EventSource && !params().has('poll')) stream();
else poll();
