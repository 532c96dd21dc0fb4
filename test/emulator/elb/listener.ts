import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from './routing.js';

/**
 * One local HTTP server per configured load balancer, standing for its DNS name: what a user (or a post-deploy
 * check) reaches. Each request is answered by `answer` after the answer's latency. Servers outlive world resets, so
 * a URL handed to a test stays valid.
 */
export class Listeners {
  private servers = new Map<string, Server>();

  constructor(
    private readonly host: string,
    private readonly answer: (name: string, req: { method: string; path: string; query?: string }) => Answer,
  ) {}

  /** Starts a listener for each name that has none yet. */
  async ensure(names: readonly string[]): Promise<void> {
    for (const name of names) {
      if (this.servers.has(name)) continue;
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          const url = new URL(req.url ?? '/', 'http://lb');
          const a = this.answer(name, { method: req.method ?? 'GET', path: url.pathname, query: url.search });
          const write = () => {
            if (res.destroyed) return;
            res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) });
            res.end(req.method === 'HEAD' ? undefined : a.body);
          };
          if (a.latencyMs > 0) setTimeout(write, a.latencyMs);
          else write();
        });
      });
      this.servers.set(name, server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, this.host, () => resolve());
      });
    }
  }

  /** `{name: url}` of every listener. */
  urls(): Record<string, string> {
    return Object.fromEntries(
      [...this.servers].map(([name, s]) => [
        name,
        `http://${this.host}:${(s.address() as AddressInfo).port}`,
      ]),
    );
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.servers.values()].map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    );
    this.servers.clear();
  }
}
