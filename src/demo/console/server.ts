import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBody, readRequestBody } from '../bot-api/body-parser.js';
import type { BotApiEmulator } from '../bot-api/emulator.js';
import type { EmulatorEvent, Persona } from '../bot-api/types.js';
import { defaultDemoPlaces, type DemoPlace } from '../personas.js';

export interface TimeAdvance {
  workingDays: number;
  hours: number;
}

export interface ConsoleServerOptions {
  emulator: BotApiEmulator;
  /** Defaults to the emulator's personas. */
  personas?: readonly Persona[];
  title?: string;
  /** Offered by the location picker next to free "lat,lon" input. */
  places?: readonly DemoPlace[];
  /** Current simulated time shown in the header. */
  now?: () => Date;
  /** Moves the application's clock; may return the new time. */
  onAdvanceTime?: (advance: TimeAdvance) => Date | void | Promise<Date | void>;
}

export interface ConsoleServer {
  /** Serves the console and the mounted emulator (`/bot…`, `/file/…`). */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  readonly server: Server;
  /** Starts listening (127.0.0.1 by default: the console has no authentication). Returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** Static assets live next to the sources; from a compiled dist/ fall back to src/. */
function staticDirectory(): string {
  const candidates = [
    fileURLToPath(new URL('./static/', import.meta.url)),
    fileURLToPath(new URL('../../../src/demo/console/static/', import.meta.url)),
  ];
  const found = candidates.find((candidate) => existsSync(`${candidate}index.html`));
  if (!found) throw new Error(`console static files not found in ${candidates.join(' or ')}`);
  return found;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createConsoleServer(options: ConsoleServerOptions): ConsoleServer {
  const { emulator } = options;
  const personas = options.personas ?? emulator.personas;
  const places = options.places ?? defaultDemoPlaces;
  const now = options.now ?? (() => new Date());
  const title = options.title ?? '民意直通车 · 演示控制台';
  const directory = staticDirectory();
  const sseClients = new Set<ServerResponse>();

  const broadcast = (event: EmulatorEvent | { type: 'time'; now: string }) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(frame);
  };
  const unsubscribe = emulator.subscribe((event) => {
    if (event.type !== 'call') broadcast(event);
  });
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n');
  }, 15000);
  heartbeat.unref();

  const personaById = (id: string): Persona => {
    const persona = personas.find((candidate) => candidate.id === id);
    if (!persona) throw new HttpError(404, `unknown persona ${id}`);
    return persona;
  };

  const state = () => ({
    title,
    now: now().toISOString(),
    bot: { username: emulator.botInfo.username, firstName: emulator.botInfo.first_name },
    places,
    canAdvanceTime: options.onAdvanceTime !== undefined,
    personas: personas.map((persona) => ({
      persona,
      messages: emulator.chat(persona.id),
      input: emulator.input(persona.id),
      commands: emulator.commandsFor(persona.id),
      menuButton: emulator.menuButtonFor(persona.id),
    })),
  });

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(json);
  };

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const parsed = parseBody(req.headers['content-type'] ?? 'application/json', await readRequestBody(req));
    return parsed.fields;
  }

  async function personaAction(req: IncomingMessage, personaId: string, action: string): Promise<unknown> {
    const persona = personaById(personaId);
    switch (action) {
      case 'text': {
        const { text } = await readJson(req);
        if (typeof text !== 'string' || text.trim() === '') throw new HttpError(400, 'text is required');
        return emulator.sendText(persona.id, text);
      }
      case 'callback': {
        const { messageId, data } = await readJson(req);
        if (typeof data !== 'string') throw new HttpError(400, 'data is required');
        return { callbackQueryId: emulator.pressButton(persona.id, Number(messageId), data) };
      }
      case 'contact':
        await readRequestBody(req);
        return emulator.shareContact(persona.id);
      case 'location': {
        const { latitude, longitude } = await readJson(req);
        return emulator.shareLocation(persona.id, Number(latitude), Number(longitude));
      }
      case 'photo': {
        // The page posts FormData: a `photo` file and an optional `caption`.
        const parsed = parseBody(req.headers['content-type'], await readRequestBody(req));
        const photo = parsed.files.get('photo');
        if (!photo) throw new HttpError(400, 'photo file is required');
        const caption = typeof parsed.fields.caption === 'string' && parsed.fields.caption !== '' ? parsed.fields.caption : undefined;
        return emulator.sendPhoto(persona.id, photo.data, caption, photo.filename || 'photo.jpg');
      }
      case 'sticker':
        await readRequestBody(req);
        return emulator.sendSticker(persona.id);
      default:
        throw new HttpError(404, `unknown action ${action}`);
    }
  }

  async function advanceTime(req: IncomingMessage): Promise<unknown> {
    if (!options.onAdvanceTime) throw new HttpError(501, 'time control is not wired (no onAdvanceTime)');
    const body = await readJson(req);
    const advance: TimeAdvance = { workingDays: Number(body.workingDays ?? 0), hours: Number(body.hours ?? 0) };
    if (!Number.isFinite(advance.workingDays) || !Number.isFinite(advance.hours) || advance.workingDays < 0 || advance.hours < 0) {
      throw new HttpError(400, 'workingDays and hours must be non-negative numbers');
    }
    const returned = await options.onAdvanceTime(advance);
    const current = (returned instanceof Date ? returned : now()).toISOString();
    broadcast({ type: 'time', now: current });
    return { now: current };
  }

  function serveFile(res: ServerResponse, fileId: string, download: boolean): void {
    const file = emulator.file(fileId);
    if (!file) throw new HttpError(404, 'file not found');
    if (file.remoteUrl) {
      res.writeHead(302, { location: file.remoteUrl });
      res.end();
      return;
    }
    const headers: Record<string, string | number> = { 'content-type': file.mimeType, 'content-length': file.bytes.length };
    // Only images are shown inline; anything else is forced to download so it cannot run as a page.
    if (download || !file.mimeType.startsWith('image/') || file.mimeType === 'image/svg+xml') {
      headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
    }
    res.writeHead(200, headers);
    res.end(file.bytes);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    if (emulator.handles(pathname)) {
      emulator.handler(req, res);
      return;
    }
    const asset = STATIC_FILES[pathname];
    if (req.method === 'GET' && asset) {
      const body = await readFile(`${directory}${asset.file}`);
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (req.method === 'GET' && pathname === '/api/state') return sendJson(res, 200, state());
    if (req.method === 'GET' && pathname === '/api/events') return openEventStream(req, res);
    const fileMatch = /^\/api\/files\/([^/]+)$/.exec(pathname);
    if (req.method === 'GET' && fileMatch) return serveFile(res, decodeURIComponent(fileMatch[1]!), url.searchParams.has('download'));
    const actionMatch = /^\/api\/personas\/([^/]+)\/([a-z]+)$/.exec(pathname);
    if (req.method === 'POST' && actionMatch) {
      let result: unknown;
      try {
        result = await personaAction(req, decodeURIComponent(actionMatch[1]!), actionMatch[2]!);
      } catch (error) {
        // The emulator throws plain Errors for impossible actions (e.g. a button that does not exist).
        if (error instanceof HttpError || !(error instanceof Error)) throw error;
        throw new HttpError(400, error.message);
      }
      return sendJson(res, 200, { ok: true, result });
    }
    if (req.method === 'POST' && pathname === '/api/time/advance') return sendJson(res, 200, { ok: true, result: await advanceTime(req) });
    throw new HttpError(404, `no route for ${req.method} ${pathname}`);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 400;
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof HttpError)) console.error('[demo console]', error);
      if (!res.headersSent) sendJson(res, status, { ok: false, error: message });
      else res.end();
    });
  };

  const server = createServer(handler);

  return {
    handler,
    server,
    listen(port = 3000, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      emulator.close();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
