import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Whether the process is up and whether it should be sent work (knowledge loaded, Slack reachable, not draining). */
export interface Health {
  ready: boolean;
  draining: boolean;
}

export const createHealth = (): Health => ({ ready: false, draining: false });

/** Answers GET /healthz and /readyz; false for any other request. Constant time, tiny, unauthenticated. */
export function serveHealth(health: Health, req: IncomingMessage, res: ServerResponse): boolean {
  const path = req.url?.split('?')[0];
  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return true;
  }
  if (path === '/readyz') {
    const ready = health.ready && !health.draining;
    res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ready' : 'not ready');
    return true;
  }
  return false;
}

/**
 * Socket Mode has no HTTP server of its own: this one serves the health endpoints and, with many
 * workspaces, the install flow's routes.
 */
export function startHealthServer(
  health: Health,
  port: number,
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && serveHealth(health, req, res)) return;
    if (routes?.(req, res)) return;
    res.writeHead(404, { connection: 'close' }).end();
  });
  server.requestTimeout = 5_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  server.timeout = 5_000;
  server.on('timeout', (socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
