// The process's HTTP endpoint, in polling and webhook mode alike: /health (liveness),
// /ready (readiness: database, Redis, job schedules) and, in webhook mode, Telegram's webhook.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ConfigError } from '../config.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServerOptions {
  host: string;
  port: number;
  routes: Record<string, RouteHandler>;
}

export class HttpPortError extends ConfigError {
  override name = 'HttpPortError';
}

export async function startHttpServer({ host, port, routes }: HttpServerOptions): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[path];
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    try {
      await route(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
          ? new HttpPortError(`HTTP_HOST/HTTP_PORT ${host}:${port} cannot be bound (${error.code}): set HTTP_PORT to a free port (0 picks one) or HTTP_HOST to an address of this machine.`)
          : error,
      ),
    );
    server.listen(port, host, resolve);
  });
  return server;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Liveness: the process answers. */
export function health(): RouteHandler {
  return (_req, res) => sendJson(res, 200, { status: 'ok' });
}

/** Readiness: every check returns what is wrong (empty when fine); 503 lists the problems. */
export function ready(checks: readonly (() => Promise<string[]>)[]): RouteHandler {
  return async (_req, res) => {
    const problems = (await Promise.all(checks.map((check) => check().catch((error: unknown) => [String(error)])))).flat();
    sendJson(res, problems.length === 0 ? 200 : 503, problems.length === 0 ? { status: 'ready' } : { status: 'not ready', problems });
  };
}

/** Reads a request body up to `limit` bytes; undefined when larger. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
