import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cfnApi } from './api/cfn.js';
import { cloudWatchApi } from './api/cloudwatch.js';
import { ecrApi } from './api/ecr.js';
import { ecsApi } from './api/ecs.js';
import { elbApi } from './api/elb.js';
import { iamApi } from './api/iam.js';
import { logsApi } from './api/logs.js';
import { rdsApi } from './api/rds.js';
import { secretsManagerApi } from './api/secretsmanager.js';
import { ssmApi } from './api/ssm.js';
import { stsApi } from './api/sts.js';
import type { ServiceApi } from './api/types.js';
import { ScaledClock } from './core/clock.js';
import { AwsError } from './core/errors.js';
import { Random } from './core/random.js';
import { handleControl } from './control.js';
import { Listeners } from './elb/listener.js';
import { JSON_10, JSON_11, jsonBody, jsonError } from './protocol/json.js';
import { parseQuery } from './protocol/query.js';
import { xmlError, xmlResponse } from './protocol/xml.js';
import type { Scenario } from './scenario.js';
import { CallCounter, Throttler } from './throttle.js';
import { World } from './world.js';

/**
 * One port for every emulated service, told apart the way AWS endpoints would be: `X-Amz-Target` for the JSON
 * protocols, the SigV4 signing name (or the API version) for the query protocol. Control endpoints live under
 * `/_emulator/`, a path no SDK request uses. Models advance to the scaled clock before each request, so no timers run.
 */

export const APIS: ServiceApi[] = [
  ecsApi,
  logsApi,
  cfnApi,
  elbApi,
  stsApi,
  iamApi,
  secretsManagerApi,
  ssmApi,
  ecrApi,
  rdsApi,
  cloudWatchApi,
];

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Model seconds per wall second is 1/timeScale: 0.01 makes 30 s take 300 ms. */
  timeScale?: number;
  scenario?: Scenario;
  /** Receives one line per AWS request. */
  log?: (line: string) => void;
}

interface Routed {
  api: ServiceApi;
  operation: string;
  input: unknown;
  /** From the SigV4 credential scope. */
  region?: string;
  baseUrl: string;
}

export class Emulator {
  world: World;
  readonly clock: ScaledClock;
  readonly calls = new CallCounter();
  readonly throttler: Throttler;
  /** The load balancers' listeners, one local port each (`loadBalancers` in the scenario). */
  private readonly listeners: Listeners;
  private listening: Promise<void> = Promise.resolve();

  private constructor(
    private readonly server: Server,
    private readonly opts: EmulatorOptions,
  ) {
    this.clock = new ScaledClock(opts.timeScale ?? 1);
    this.world = new World(opts.scenario ?? {}, this.clock.now());
    this.throttler = new Throttler(
      opts.scenario?.throttle ?? [],
      new Random((opts.scenario?.seed ?? 1) + 98),
    );
    this.listeners = new Listeners(opts.host ?? '127.0.0.1', (name, req) => {
      this.sync();
      return this.world.loadBalancers.answer(name, req);
    });
  }

  static async start(opts: EmulatorOptions = {}): Promise<Emulator> {
    const server = createServer();
    const emulator = new Emulator(server, opts);
    server.on('request', (req, res) => void emulator.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
    });
    emulator.listen();
    await emulator.listening;
    return emulator;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://${this.opts.host ?? '127.0.0.1'}:${this.port}`;
  }

  /** Brings every model up to the current (scaled) time. */
  sync(): void {
    this.world.queue.advance(this.clock.now());
  }

  /** Changes behaviour of the running world (images, timings, throttling) without losing its state. */
  applyScenario(s: Scenario): void {
    this.world.apply(s);
    if (s.throttle) this.throttler.set(s.throttle);
    this.listen();
  }

  /** A fresh world (and call counts) on the same clock. Load balancer URLs stay the same. */
  reset(s: Scenario = this.opts.scenario ?? {}): void {
    this.world = new World(s, this.clock.now());
    this.throttler.set(s.throttle ?? []);
    this.calls.reset();
    this.listen();
  }

  /** `{name: url}`: where each load balancer's listener answers, standing for its DNS name. */
  async loadBalancerUrls(): Promise<Record<string, string>> {
    await this.listening;
    return this.listeners.urls();
  }

  /** Starts a listener for every load balancer the world has; loadBalancerUrls() waits for them. */
  private listen(): void {
    const names = this.world.loadBalancers.names();
    this.listening = this.listening.then(() => this.listeners.ensure(names));
  }

  advance(seconds: number): void {
    this.clock.skip(seconds * 1000);
    this.sync();
  }

  async close(): Promise<void> {
    await this.listening.catch(() => undefined);
    await this.listeners.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    try {
      this.sync();
      if ((req.url ?? '/').startsWith('/_emulator/')) return handleControl(this, req, res, body);
      const routed = this.route(req, body);
      this.serve(routed, res);
    } catch (e) {
      const err = e instanceof AwsError ? e : new AwsError('InternalFailure', String(e), 500);
      send(res, err.status, 'application/json', jsonError(err));
    }
  }

  private route(req: IncomingMessage, body: string): Routed {
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(header(req, 'authorization') ?? '')?.[1];
    const baseUrl = `http://${header(req, 'host') ?? `127.0.0.1:${this.port}`}`;
    const target = header(req, 'x-amz-target');
    if (target) {
      const [prefix, operation = ''] = target.split('.');
      const api = APIS.find((a) => a.protocol === 'json' && a.target === prefix);
      if (!api) throw new AwsError('UnknownOperationException', `Unknown target ${target}`);
      let input: unknown = {};
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
      }
      return { api, operation, input, region, baseUrl };
    }
    const q = parseQuery(body);
    const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(header(req, 'authorization') ?? '')?.[1];
    const api =
      APIS.find((a) => a.protocol === 'query' && a.name === scope) ??
      APIS.find((a) => a.protocol === 'query' && a.target === q.version);
    if (!api)
      throw new AwsError(
        'InvalidAction',
        `Could not find a service for the request (${q.action || 'no Action'})`,
      );
    return { api, operation: q.action, input: q.params, region, baseUrl };
  }

  private serve({ api, operation, input, region, baseUrl }: Routed, res: ServerResponse): void {
    const requestId = this.world.rng.uuid();
    const time = this.clock;
    const jsonType = api.jsonVersion === '1.0' ? JSON_10 : JSON_11;
    const fail = (e: AwsError) =>
      api.protocol === 'json'
        ? send(res, e.status, jsonType, jsonError(e), requestId, {
            'x-amzn-errortype': e.code,
            ...(api.queryCompatible ? { 'x-amzn-query-error': `${e.code};${e.fault}` } : {}),
          })
        : send(res, e.status, 'text/xml', xmlError(e, api.xmlns!, requestId), requestId);
    const op = api.operations[operation];
    if (!op) {
      this.calls.record(api.name, operation, 'error');
      return fail(
        api.protocol === 'json'
          ? new AwsError(
              'UnknownOperationException',
              `Operation ${operation} is not supported by the emulator`,
            )
          : new AwsError('InvalidAction', `The action ${operation} is not valid for this web service.`),
      );
    }
    if (this.throttler.shouldThrottle(api.name, operation)) {
      this.calls.record(api.name, operation, 'throttled');
      this.opts.log?.(`${api.name}.${operation} -> throttled`);
      return fail(
        new AwsError(
          api.protocol === 'json' && !api.queryCompatible ? 'ThrottlingException' : 'Throttling',
          'Rate exceeded',
        ),
      );
    }
    try {
      const out = op(input, { world: this.world, time, region, baseUrl }) as Record<string, unknown>;
      this.calls.record(api.name, operation, 'ok');
      this.opts.log?.(`${api.name}.${operation} -> 200`);
      if (api.protocol === 'json') send(res, 200, jsonType, jsonBody(out ?? {}, time), requestId);
      else
        send(res, 200, 'text/xml', xmlResponse(operation, api.xmlns!, out ?? {}, requestId, time), requestId);
    } catch (e) {
      this.calls.record(api.name, operation, 'error');
      if (!(e instanceof AwsError)) {
        this.opts.log?.(`${api.name}.${operation} -> internal error: ${(e as Error).stack ?? e}`);
        return fail(new AwsError(api.name === 'ecs' ? 'ServerException' : 'InternalFailure', String(e), 500));
      }
      this.opts.log?.(`${api.name}.${operation} -> ${e.code}: ${e.message}`);
      fail(e);
    }
  }
}

export const startEmulator = (opts?: EmulatorOptions) => Emulator.start(opts);

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  requestId?: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    ...(requestId ? { 'x-amzn-requestid': requestId } : {}),
    ...headers,
  });
  res.end(body);
}
