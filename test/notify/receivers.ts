import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { verify } from '../../src/notify/sign.js';

/**
 * Real HTTP receivers on 127.0.0.1 for the notification tests: no mocks, the real clients talk to them. Each can
 * be told to fail in the ways a real receiver does: a 500, a 429 with Retry-After, or being down (every connection
 * is cut) for a while.
 */
export type Fault = { status: 500 } | { status: 429; retryAfterS: number };

class Faulty {
  /** Faults answered to the next requests, in order. */
  readonly faults: Fault[] = [];
  private downUntil = 0;
  private readonly sockets = new Set<Socket>();
  readonly server: Server;
  url = '';
  /** Requests answered with a fault or cut, for the test to see they happened. */
  refused = 0;

  constructor(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (Date.now() < this.downUntil) {
          this.refused++;
          req.socket.destroy();
          return;
        }
        const f = this.faults.shift();
        if (f) {
          this.refused++;
          const headers: Record<string, string> =
            f.status === 429 ? { 'retry-after': String(f.retryAfterS) } : {};
          res.writeHead(f.status, headers).end(f.status === 429 ? 'rate limited' : 'oops');
          return;
        }
        handle(req, body, res);
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** Every connection is cut, open ones too, for `ms`. */
  downFor(ms: number): void {
    this.downUntil = Date.now() + ms;
    for (const s of this.sockets) s.destroy();
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}

export interface WebhookDelivery {
  id: string;
  seq: number;
  type: string;
  data: { seq: number; code: string; [k: string]: unknown };
}

/** A consumer that accepts only correctly signed deliveries, verified with `secret` (the previous one, say). */
export class WebhookReceiver extends Faulty {
  readonly accepted: WebhookDelivery[] = [];
  badSignatures = 0;

  constructor(secret: string) {
    super((req, body, res) => {
      const h = (n: string) => String(req.headers[n] ?? '');
      const ok = verify(
        secret,
        { id: h('webhook-id'), timestamp: h('webhook-timestamp'), signature: h('webhook-signature') },
        body,
      );
      if (!ok) {
        this.badSignatures++;
        res.writeHead(401).end('bad signature');
        return;
      }
      const p = JSON.parse(body) as Omit<WebhookDelivery, 'id' | 'seq'>;
      this.accepted.push({ id: h('webhook-id'), seq: p.data.seq, type: p.type, data: p.data });
      res.writeHead(204).end();
    });
  }
}

export interface SlackMessage {
  ts: string;
  channel: string;
  text: string;
  threadTs?: string;
  broadcast: boolean;
  /** The text it was posted with. */
  posted: string;
  /** Texts it was edited to, in order. */
  edits: string[];
}

/**
 * A Slack Web API stand-in: chat.postMessage and chat.update, with Slack's own answers: `invalid_auth` for another
 * token, `channel_not_found` for a channel it does not have, `message_not_found` for an unknown ts.
 */
export class SlackStandIn extends Faulty {
  readonly messages: SlackMessage[] = [];
  /** Every call that reached the API, with its Slack error if it had one. */
  readonly calls: { method: string; channel: string; error?: string }[] = [];
  private n = 0;

  constructor(token: string, channels: Record<string, string>) {
    super((req, body, res) => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const args = parseArgs(req.headers['content-type'], body);
      const answer = (o: Record<string, unknown>) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
      const fail = (error: string) => {
        this.calls.push({ method, channel: args.channel ?? '', error });
        answer({ ok: false, error });
      };
      if (req.headers.authorization !== `Bearer ${token}`) return fail('invalid_auth');
      const channel =
        channels[args.channel ?? ''] ??
        (Object.values(channels).includes(args.channel!) ? args.channel : undefined);
      if (!channel) return fail('channel_not_found');
      if (!args.text) return fail('no_text');
      this.calls.push({ method, channel });
      if (method === 'chat.postMessage') {
        const ts = `1700000000.${String(++this.n).padStart(6, '0')}`;
        this.messages.push({
          ts,
          channel,
          text: args.text,
          ...(args.thread_ts ? { threadTs: args.thread_ts } : {}),
          broadcast: args.reply_broadcast === 'true',
          posted: args.text,
          edits: [],
        });
        return answer({ ok: true, channel, ts });
      }
      if (method === 'chat.update') {
        const m = this.messages.find((x) => x.ts === args.ts && x.channel === channel);
        if (!m) return fail('message_not_found');
        m.text = args.text;
        m.edits.push(args.text);
        return answer({ ok: true, channel, ts: m.ts, text: m.text });
      }
      fail('unknown_method');
    });
  }

  parents(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.threadTs);
  }

  replies(parent: SlackMessage): SlackMessage[] {
    return this.messages.filter((m) => m.threadTs === parent.ts);
  }
}

/** The client sends form fields; JSON is accepted too. Values as strings (booleans as "true"). */
function parseArgs(type: string | undefined, body: string): Record<string, string | undefined> {
  if (type?.includes('application/json'))
    return Object.fromEntries(
      Object.entries(JSON.parse(body) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
  return Object.fromEntries(new URLSearchParams(body));
}

/** A Slack incoming-webhook stand-in: `ok` for its one path, Slack's 404 `no_service` for any other. */
export class SlackHookStandIn extends Faulty {
  readonly texts: string[] = [];

  constructor(path: string) {
    super((req, body, res) => {
      if (req.url !== path) return void res.writeHead(404).end('no_service');
      this.texts.push((JSON.parse(body) as { text: string }).text);
      res.writeHead(200).end('ok');
    });
  }
}

/** A GitHub REST stand-in: deployments, their statuses, commit statuses, and the repository itself. */
export class GitHubStandIn extends Faulty {
  readonly deployments: { id: number; ref: string; environment: string }[] = [];
  readonly statuses: {
    deployment: number;
    state: string;
    auto_inactive?: boolean;
    environment_url?: string;
    log_url?: string;
    description?: string;
  }[] = [];
  readonly commitStatuses: { sha: string; state: string; context: string; target_url?: string }[] = [];

  constructor(token: string, repository: string) {
    super((req, body, res) => {
      const json = (status: number, o: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(o));
      if (
        !/^(token|bearer) /i.test(req.headers.authorization ?? '') ||
        !req.headers.authorization!.endsWith(token)
      )
        return json(401, { message: 'Bad credentials' });
      const args = (body ? JSON.parse(body) : {}) as Record<string, string>;
      const base = `/repos/${repository}`;
      const url = req.url ?? '';
      if (req.method === 'GET' && url === base) return json(200, { full_name: repository });
      if (req.method === 'POST' && url === `${base}/deployments`) {
        const d = { id: this.deployments.length + 1, ref: args.ref!, environment: args.environment! };
        this.deployments.push(d);
        return json(201, d);
      }
      const ds = new RegExp(`^${base}/deployments/(\\d+)/statuses$`).exec(url);
      if (req.method === 'POST' && ds) {
        this.statuses.push({
          deployment: Number(ds[1]),
          ...(args as object),
        } as GitHubStandIn['statuses'][0]);
        return json(201, { id: this.statuses.length });
      }
      const cs = new RegExp(`^${base}/statuses/(\\w+)$`).exec(url);
      if (req.method === 'POST' && cs) {
        this.commitStatuses.push({
          sha: cs[1]!,
          state: args.state!,
          context: args.context!,
          ...(args.target_url ? { target_url: args.target_url } : {}),
        });
        return json(201, { id: this.commitStatuses.length });
      }
      json(404, { message: 'Not Found' });
    });
  }
}
