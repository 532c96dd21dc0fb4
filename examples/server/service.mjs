#!/usr/bin/env node
// One tiny, dependency-free program that plays every service in the Convoy examples.
// Everything is configured through the environment:
//
//   PORT              port to listen on (required unless MODE=job)
//   BIND              address to bind (default 127.0.0.1)
//   HEALTH_PATH       health endpoint (default /health)
//   STARTUP_DELAY     ms to "boot" before listening (default 0)
//   REQUIRES          comma list of [name=]host:port that must accept TCP connections at start-up,
//                     e.g. "kafka=127.0.0.1:7102,127.0.0.1:7103"
//   REQUIRES_TIMEOUT  ms to keep retrying (every 200 ms) before giving up with exit 1 (default 15000)
//   HEALTHY           "false" makes the health endpoint answer 503
//   UNHEALTHY_REASON  why it is unhealthy (shown in the 503 body and the log)
//   VERSION           echoed in responses and logs
//   SERVICE_NAME      name for log lines (falls back to CONVOY_SERVICE)
//   MODE=job          run once: log progress, sleep JOB_DURATION ms (default 300), exit with JOB_EXIT (default 0)
//   RATE_LIMIT        adds X-RateLimit-Limit / X-RateLimit-Remaining headers with this limit to every answer
//   CORS_ALLOW_HEADERS  answers a CORS preflight (OPTIONS) with 204 and these Access-Control-Allow-Headers;
//                     unset: no CORS headers at all
//   CACHE_MISS_DELAY  /quote takes this many ms the first time a URL is asked for, then answers from a cache
//                     (default 150)
//   FAIL_AFTER        ms after start from which every path but the health endpoint answers 500 (0: never)
//   JOB_EVERY         logs "job done" every this many ms (a worker's jobs; 0: never)
import http from 'node:http';
import net from 'node:net';

const env = process.env;
const name = env.SERVICE_NAME || env.CONVOY_SERVICE || 'service';
const version = env.VERSION || 'dev';
const bind = env.BIND || '127.0.0.1';
const healthPath = env.HEALTH_PATH || '/health';
const healthy = (env.HEALTHY ?? 'true').toLowerCase() !== 'false';
const reason = env.UNHEALTHY_REASON || 'HEALTHY=false';
const ms = (value, fallback) => (value === undefined || value === '' ? fallback : Number(value));

const log = (msg) => console.log(`${new Date().toISOString()} ${name}@${version} ${msg}`);
const sleep = (t) => new Promise((r) => setTimeout(r, t));

let server;
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    log(`received ${sig}, shutting down`);
    server?.close();
    server?.closeAllConnections?.();
    process.exit(0);
  });
}

/** Resolves when host:port accepts a TCP connection; rejects with the connect error otherwise. */
function probe(host, port) {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port, timeout: 1000 });
    s.once('connect', () => (s.destroy(), resolve()));
    s.once('timeout', () => (s.destroy(), reject(new Error('connect ETIMEDOUT'))));
    s.once('error', (e) => (s.destroy(), reject(e)));
  });
}

async function waitForRequirements() {
  const timeout = ms(env.REQUIRES_TIMEOUT, 15_000);
  const deps = (env.REQUIRES || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const dep of deps) {
    const [label, addr] = dep.includes('=') ? dep.split('=', 2) : [undefined, dep];
    const i = addr.lastIndexOf(':');
    const host = addr.slice(0, i) || '127.0.0.1';
    const port = Number(addr.slice(i + 1));
    const what = label ? `${label} at ${host}:${port}` : `${host}:${port}`;
    const deadline = Date.now() + timeout;
    for (let attempt = 1; ; attempt++) {
      try {
        await probe(host, port);
        log(`reached ${what}`);
        break;
      } catch (e) {
        if (Date.now() >= deadline) {
          log(`cannot reach ${what}: ${e.message}`);
          process.exit(1);
        }
        if (attempt === 1) log(`waiting for ${what} (${e.message})`);
        await sleep(200);
      }
    }
  }
}

async function runJob() {
  const duration = ms(env.JOB_DURATION, 300);
  const code = ms(env.JOB_EXIT, 0);
  log(`job started (about ${duration} ms)`);
  const steps = 3;
  for (let i = 1; i <= steps; i++) {
    await sleep(duration / steps);
    log(`step ${i}/${steps} done`);
  }
  if (code === 0) log('job completed');
  else log(`job failed with exit code ${code}`);
  process.exit(code);
}

async function serve() {
  if (!env.PORT) {
    log('PORT is not set');
    process.exit(1);
  }
  const delay = ms(env.STARTUP_DELAY, 0);
  if (delay > 0) {
    log(`booting (${delay} ms)`);
    await sleep(delay);
  }
  if (!healthy) log(`unhealthy: ${reason}`);
  const jobEvery = ms(env.JOB_EVERY, 0);
  if (jobEvery > 0) setInterval(() => log('job done'), jobEvery);
  const started = Date.now();
  const failAfter = ms(env.FAIL_AFTER, 0);
  const cache = new Set();

  server = http.createServer(async (req, res) => {
    const path = (req.url || '/').split('?')[0];
    let status = 200;
    let body = { service: name, version };
    const headers = { 'content-type': 'application/json' };
    if (env.RATE_LIMIT) {
      headers['x-ratelimit-limit'] = env.RATE_LIMIT;
      headers['x-ratelimit-remaining'] = String(Number(env.RATE_LIMIT) - 1);
    }
    if (req.method === 'OPTIONS' && env.CORS_ALLOW_HEADERS) {
      res.writeHead(204, {
        ...headers,
        'access-control-allow-origin': req.headers.origin || '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': env.CORS_ALLOW_HEADERS,
      });
      return res.end();
    }
    if (path !== healthPath && failAfter > 0 && Date.now() - started > failAfter) {
      res.writeHead(500, headers);
      log(`ERROR ${req.method} ${path}: failing on purpose (FAIL_AFTER=${failAfter})`);
      return res.end(JSON.stringify({ error: 'failing on purpose', ...body }) + '\n');
    }
    if (path === '/quote') {
      if (!cache.has(req.url)) {
        await sleep(ms(env.CACHE_MISS_DELAY, 150));
        cache.add(req.url);
        headers['x-cache'] = 'MISS';
      } else headers['x-cache'] = 'HIT';
      body = { quote: 42, ...body };
    } else if (path === healthPath) {
      if (healthy) body = { status: 'ok', ...body };
      else {
        status = 503;
        body = { status: 'unhealthy', reason, ...body };
        log(`health check failed: ${reason}`);
      }
    } else if (path !== '/') {
      status = 404;
      body = { error: 'not found', ...body };
    }
    res.writeHead(status, headers);
    res.end(JSON.stringify(body) + '\n');
  });
  server.on('error', (e) => {
    log(`cannot listen on ${bind}:${env.PORT}: ${e.message}`);
    process.exit(1);
  });
  server.listen(Number(env.PORT), bind, () => {
    const { port } = server.address();
    log(`listening on http://${bind}:${port} (health ${healthPath})`);
  });
}

log(`starting (pid ${process.pid})`);
await waitForRequirements();
await (env.MODE === 'job' ? runJob() : serve());
