import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ServerContext } from './context.js';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Starts the server on `bind:port` (port 0: any free one) and resolves once it accepts connections. */
export function listen(ctx: ServerContext, bind: string, port: number): Promise<Listening> {
  const app = createApp(ctx);
  return new Promise((resolveListening, reject) => {
    const server = serve({ fetch: app.fetch, hostname: bind, port }, (info: AddressInfo) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolveListening({
        url: `http://${host}:${info.port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Open event streams never end by themselves.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
