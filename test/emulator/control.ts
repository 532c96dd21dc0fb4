import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseScenario } from './scenario.js';
import { send, type Emulator } from './server.js';

/**
 * The emulator's own endpoints, under `/_emulator/`:
 *   GET  /_emulator/health          → {"ok":true}
 *   GET  /_emulator/calls           → call counts per service.Operation (with throttled counts)
 *   POST /_emulator/calls/reset     → zero the counts
 *   POST /_emulator/scenario        → apply a scenario (JSON body) to the running world
 *   POST /_emulator/reset           → fresh world; optional scenario body
 *   POST /_emulator/advance         → {"seconds": N}: skip model time
 *   GET  /_emulator/time            → model and wall clock, time scale
 *   GET  /_emulator/state           → services, tasks (with health check output ECS never shows) and stacks
 *   GET  /_emulator/ecr-blobs/DIGEST → an image blob (config), where ECR's GetDownloadUrlForLayer points
 *   GET  /_emulator/load-balancers  → {name: {url, targetGroup, targets}}: the listeners standing for DNS names
 */
export async function handleControl(
  em: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const method = req.method ?? 'GET';
  const json = (status: number, value: unknown) =>
    send(res, status, 'application/json', JSON.stringify(value, null, 2));
  try {
    const input = body.trim() ? JSON.parse(body) : undefined;
    if (method === 'GET' && path === '/_emulator/health') return json(200, { ok: true });
    if (method === 'GET' && path === '/_emulator/calls') return json(200, em.calls.snapshot());
    if (method === 'POST' && path === '/_emulator/calls/reset') {
      em.calls.reset();
      return json(200, { ok: true });
    }
    if (method === 'POST' && path === '/_emulator/scenario') {
      em.applyScenario(parseScenario(input));
      return json(200, { ok: true });
    }
    if (method === 'POST' && path === '/_emulator/reset') {
      em.reset(input === undefined ? undefined : parseScenario(input));
      return json(200, { ok: true });
    }
    if (method === 'POST' && path === '/_emulator/advance') {
      const seconds = Number(input?.seconds);
      if (!(seconds >= 0)) return json(400, { error: 'body must be {"seconds": N} with N >= 0' });
      em.advance(seconds);
      return json(200, { ok: true, model: em.world.queue.now });
    }
    if (method === 'GET' && path === '/_emulator/time') {
      return json(200, { model: em.world.queue.now, wall: Date.now(), timeScale: em.clock.scale });
    }
    if (method === 'GET' && path === '/_emulator/state') return json(200, state(em));
    if (method === 'GET' && path === '/_emulator/load-balancers') return json(200, await loadBalancers(em));
    if (method === 'GET' && path?.startsWith('/_emulator/ecr-blobs/')) {
      // ECR's GetDownloadUrlForLayer points here, as real ECR points at a pre-signed S3 URL.
      const blob = em.world.ecr.blob(decodeURIComponent(path.slice('/_emulator/ecr-blobs/'.length)));
      if (!blob) return send(res, 404, 'application/xml', '<Error><Code>NoSuchKey</Code></Error>');
      return send(res, 200, blob.mediaType, blob.body);
    }
    return json(404, { error: `no control endpoint ${method} ${path}` });
  } catch (e) {
    return json(400, { error: (e as Error).message });
  }
}

function state(em: Emulator) {
  const { ecs, cfn } = em.world;
  return {
    services: ecs.allServices().map((s) => ({
      name: s.name,
      status: s.status,
      desiredCount: s.desiredCount,
      runningCount: s.runningCount,
      deployments: s.deployments.map((d) => ({
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDefinition.taskDefinitionArn,
        rolloutState: d.rolloutState,
        failedTasks: d.failedTasks,
      })),
    })),
    tasks: ecs.allTasks().map((t) => ({
      id: t.id,
      group: t.opts.group,
      taskDefinition: t.def.taskDefinitionArn,
      lastStatus: t.lastStatus,
      desiredStatus: t.desiredStatus,
      healthStatus: t.health,
      stoppedReason: t.stoppedReason,
      containers: t.containers.map((c) => ({
        name: c.name,
        image: c.image,
        lastStatus: c.lastStatus,
        healthStatus: c.health,
        exitCode: c.exitCode,
        lastHealthCheckOutput: c.lastProbe?.output,
      })),
    })),
    stacks: cfn.allStacks().map((s) => ({ name: s.name, status: s.status, reason: s.statusReason })),
  };
}

async function loadBalancers(em: Emulator) {
  const urls = await em.loadBalancerUrls();
  const lbs = em.world.loadBalancers;
  return Object.fromEntries(
    lbs.names().map((name) => {
      const tg = lbs.config(name)!.targetGroup;
      const targets = (em.world.elb.targetsOf(tg) ?? []).map((t) => ({
        id: `${t.id}:${t.port}`,
        state: t.state,
        taskDefinition: t.owner?.taskDefinitionArn,
        image: t.owner?.image,
      }));
      return [name, { url: urls[name], targetGroup: tg, targets }];
    }),
  );
}
