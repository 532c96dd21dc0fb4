// Pure rendering: data from the API in, HTML text out. Every value from the store goes through esc().

export const esc = (v) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

export const secs = (ms) =>
  ms == null ? '' : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const STATE_CLASS = {
  waiting: 'idle',
  unchanged: 'idle',
  skipped: 'idle',
  starting: 'busy',
  'checking health': 'busy',
  'rolling back': 'busy',
  healthy: 'good',
  'rolled back': 'warn',
  failed: 'bad',
  'rollback failed': 'bad',
};
const OUTCOME_CLASS = {
  succeeded: 'good',
  running: 'busy',
  'rolling-back': 'busy',
  failed: 'bad',
  'rollback-failed': 'bad',
  interrupted: 'warn',
};
const badge = (text, cls) => `<span class="badge ${cls ?? 'idle'}">${esc(text)}</span>`;

/** The failure banner: the reason word for word, then each finding's cause and fix. */
export function banner(dep) {
  if (!dep?.failure || !['failed', 'rollback-failed'].includes(dep.status)) return '';
  const f = dep.failure;
  const findings = f.findings
    .map(
      (
        x,
      ) => `<li><strong>${esc(x.cause)}</strong> <span class="muted">(${esc(x.category)}, ${Math.round(x.confidence * 100)}%)</span>
        <div class="fix">Fix: ${esc(x.fix)}</div></li>`,
    )
    .join('');
  return `<section class="banner" role="alert" aria-label="Failure">
    <h2>${esc(f.service)} failed (${esc(f.reason)}) — <a href="?deployment=${encodeURIComponent(dep.id)}">deployment ${esc(dep.correlationId)}</a></h2>
    <blockquote class="reason">${esc(f.message)}${f.check ? `<div class="small">check: ${esc(f.check)}</div>` : ''}${
      f.output ? `<div class="small">output: ${esc(f.output)}</div>` : ''
    }</blockquote>
    ${findings ? `<ol class="findings">${findings}</ol>` : '<p>No diagnosis matched; see the logs below.</p>'}
  </section>`;
}

/** The pause the running deployment waits at: its last `pause.waiting` that no `pause.decided` answered yet. */
export function openPause(dep) {
  if (dep?.status !== 'running') return undefined;
  const events = dep.events ?? [];
  const at = events.findLastIndex((e) => e.code === 'pause.waiting');
  if (at < 0) return undefined;
  const w = events[at];
  const answered = events
    .slice(at + 1)
    .some((e) => e.code === 'pause.decided' && e.wave === w.wave && e.stage === w.stage);
  return answered ? undefined : w;
}

/** A wave held at its pauseAt, and (with actions on) the two answers `convoy approve` / `reject` give. */
export function pauseNotice(dep, actions) {
  const w = openPause(dep);
  if (!w) return '';
  const buttons = actions
    ? `<button type="button" id="approve">Continue</button> <button type="button" id="reject">Roll back</button>`
    : '<span class="muted">answer with <code>convoy approve</code> or <code>convoy reject</code></span>';
  return `<div class="pause" role="status" aria-label="Paused">Wave ${esc(w.wave + 1)} is paused at
    <code>${esc(w.stage)}</code>: ${w.services.map(esc).join(', ')}. ${buttons}</div>`;
}

/** When a queued deployment will likely start: between the ends of its wait interval, from the event's time. */
function startWindow(q) {
  if (!q.wait) return time(q.estimatedStartAt);
  const mid = Date.parse(q.estimatedStartAt) - (q.wait.lowMs + q.wait.highMs) / 2;
  return `${time(new Date(mid + q.wait.lowMs).toISOString())} – ${time(new Date(mid + q.wait.highMs).toISOString())}`;
}

function left(s, now) {
  if (!['starting', 'checking health'].includes(s.state) || s.expectedMs == null || !s.startedAt) return '';
  const rest = s.expectedMs - (now - Date.parse(s.startedAt));
  return rest > 0 ? ` · about ${secs(rest)} left` : ' · taking longer than usual';
}

/** Waves as columns, services as rows: each row's cell in its wave holds its state and times. */
export function waves(dep, now = Date.now()) {
  const cols = Math.max(dep.waves.length, 1);
  const head = Array.from({ length: cols }, (_, i) => `<th scope="col">Wave ${i + 1}</th>`).join('');
  const rows = dep.services
    .map((s) => {
      const cells = Array.from({ length: cols }, (_, i) => {
        if (i !== (s.wave ?? 0)) return '<td></td>';
        const times = [
          s.startedAt && `started ${time(s.startedAt)}`,
          s.elapsedMs != null && `took ${secs(s.elapsedMs)}`,
        ]
          .filter(Boolean)
          .join(' · ');
        return `<td>${badge(s.state, STATE_CLASS[s.state])}<div class="muted small">${esc(times)}${esc(left(s, now))}</div>
          ${s.message && s.state !== 'healthy' ? `<div class="small msg">${esc(s.message)}</div>` : ''}</td>`;
      }).join('');
      return `<tr data-service="${esc(s.service)}" data-state="${esc(s.state)}"><th scope="row"><a href="?service=${encodeURIComponent(s.service)}">${esc(s.service)}</a><div class="muted small">${esc(s.revision ?? '')}</div></th>${cells}</tr>`;
    })
    .join('');
  return `<div class="scroll"><table class="waves"><thead><tr><th scope="col">Service</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function deploymentHeader(dep, running) {
  return `<p>${badge(dep.status, OUTCOME_CLASS[dep.status])} ${esc(dep.kind)} <code>${esc(dep.correlationId)}</code> by ${esc(dep.actor)},
    started ${esc(when(dep.startedAt))}${running ? `, ${secs(dep.elapsedMs)} so far` : dep.durationMs != null ? `, took ${secs(dep.durationMs)}` : ''}
    · <a href="?deployment=${encodeURIComponent(dep.id)}">details</a></p>${dep.summary ? `<p class="muted">${esc(dep.summary)}</p>` : ''}`;
}

export function timeline(events) {
  const items = events
    .map(
      (e) =>
        `<li data-seq="${e.seq}"><span class="muted small">#${e.seq} ${esc(time(e.at))}</span> <code>${esc(e.code)}</code> ${esc(describe(e))}</li>`,
    )
    .join('');
  return `<ol class="timeline" aria-label="Event timeline">${items}</ol>`;
}

function describe(e) {
  if (e.service && e.message) return `${e.service}: ${e.message}`;
  if (e.service) return e.service + (e.elapsedMs != null ? ` in ${secs(e.elapsedMs)}` : '');
  if (e.code === 'lock.waiting')
    return `position ${e.position} of ${e.queueLength}, estimated start ${startWindow(e)}`;
  if (e.code === 'deploy.started')
    return `${e.kind} by ${e.actor}: ${e.waves.map((w) => w.join(', ')).join(' → ')}`;
  return e.message ?? '';
}

export function queue(entries, actions) {
  if (!entries.length) return '<p class="muted">Nobody is waiting.</p>';
  const rows = entries
    .map(
      (
        q,
      ) => `<tr data-queue="${esc(q.id)}"><td>${q.position}</td><td><code>${esc(q.correlationId)}</code></td><td>${esc(q.holder)}</td>
      <td>${esc(time(q.enqueuedAt))}</td><td>${esc(startWindow(q))}</td>
      ${actions ? `<td><button type="button" data-cancel="${esc(q.id)}">Cancel</button></td>` : ''}</tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th>#</th><th>Correlation id</th><th>Who</th><th>Waiting since</th><th>Estimated start</th>${actions ? '<th></th>' : ''}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

const OUTCOMES = ['succeeded', 'failed', 'rollback-failed', 'interrupted', 'running', 'rolling-back'];

export function historyFilters(f) {
  const opts = ['', ...OUTCOMES]
    .map((o) => `<option value="${o}" ${f.outcome === o ? 'selected' : ''}>${o || 'any outcome'}</option>`)
    .join('');
  return `<form id="filters" class="filters" role="search">
    <label>Outcome <select name="outcome">${opts}</select></label>
    <label>Service <input name="service" value="${esc(f.service)}" size="10" /></label>
    <label>Actor <input name="actor" value="${esc(f.actor)}" size="10" /></label>
    <label>Since <input name="since" value="${esc(f.since)}" placeholder="7d" size="6" /></label>
    <button type="submit">Filter</button></form>`;
}

export function history(deployments) {
  if (!deployments.length) return '<p class="muted">No deployments match.</p>';
  const rows = deployments
    .map(
      (
        d,
      ) => `<tr data-history="${esc(d.id)}"><td><a href="?deployment=${encodeURIComponent(d.id)}">${esc(when(d.startedAt))}</a></td>
      <td>${esc(d.kind)}</td><td>${badge(d.status, OUTCOME_CLASS[d.status])}</td><td>${esc(secs(d.durationMs))}</td>
      <td>${esc(d.actor)}</td><td class="small">${esc(d.summary ?? '')}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th>Started</th><th>Kind</th><th>Outcome</th><th>Took</th><th>Actor</th><th>Summary</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Per service, how long it took to reach its gate in each deployment (oldest left), as a small line chart. */
export function trends(deployments) {
  const by = new Map();
  for (const d of [...deployments].reverse())
    for (const s of d.steps)
      if (s.state === 'healthy' && s.durationMs != null)
        by.set(s.service, [...(by.get(s.service) ?? []), s.durationMs]);
  if (!by.size) return '<p class="muted">No durations yet.</p>';
  const items = [...by]
    .map(([name, xs]) => {
      const max = Math.max(...xs),
        w = 120,
        h = 28;
      const pts = xs
        .map(
          (x, i) =>
            `${xs.length === 1 ? w / 2 : 4 + (i * (w - 8)) / (xs.length - 1)},${h - 4 - (x / max) * (h - 8)}`,
        )
        .join(' ');
      return `<li><span class="name">${esc(name)}</span><svg width="${w}" height="${h}" role="img" aria-label="${esc(name)}: ${xs.map(secs).join(', ')}"><polyline points="${pts}" />${pts
        .split(' ')
        .map((p) => `<circle r="2.5" cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" />`)
        .join('')}</svg><span class="small">${esc(secs(xs.at(-1)))}</span></li>`;
    })
    .join('');
  return `<ul class="trends">${items}</ul>`;
}

export function logs(dep) {
  const lines = dep.failure?.logs ?? [];
  if (!lines.length) return '';
  return `<h3>Last log lines of ${esc(dep.failure.service)}</h3><pre class="logs">${esc(lines.join('\n'))}</pre>`;
}
