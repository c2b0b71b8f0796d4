import { createBotApiEmulator, type BotApiEmulator, type BotApiEmulatorOptions } from './bot-api/emulator.js';
import { createConsoleServer, type ConsoleServer, type ConsoleServerOptions } from './console/server.js';

export interface DemoTransportOptions extends BotApiEmulatorOptions {
  /** Console port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Default 127.0.0.1: the console has no authentication. */
  host?: string;
  title?: string;
  places?: ConsoleServerOptions['places'];
  onAdvanceTime?: ConsoleServerOptions['onAdvanceTime'];
}

export interface DemoTransport {
  emulator: BotApiEmulator;
  console: ConsoleServer;
  /** Console URL; also the Bot API root to give grammY (`client.apiRoot` / TELEGRAM_API_ROOT). */
  apiRoot: string;
  close(): Promise<void>;
}

/** Emulator + console on one port: what `npm run demo` needs before it creates the bot. */
export async function startDemoTransport(options: DemoTransportOptions): Promise<DemoTransport> {
  const { port = 3000, host = '127.0.0.1', title, places, onAdvanceTime, ...emulatorOptions } = options;
  const emulator = createBotApiEmulator(emulatorOptions);
  const consoleServer = createConsoleServer({
    emulator,
    ...(title !== undefined ? { title } : {}),
    ...(places !== undefined ? { places } : {}),
    ...(emulatorOptions.now !== undefined ? { now: emulatorOptions.now } : {}),
    ...(onAdvanceTime !== undefined ? { onAdvanceTime } : {}),
  });
  const apiRoot = await consoleServer.listen(port, host);
  return { emulator, console: consoleServer, apiRoot, close: () => consoleServer.close() };
}
