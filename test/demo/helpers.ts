import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBotApiEmulator, type BotApiEmulator, type BotApiEmulatorOptions } from '../../src/demo/index.js';
import type { Persona } from '../../src/demo/index.js';

export const TOKEN = '123456:TEST-token';

export const testPersonas: Persona[] = [
  { id: 'resident', userId: 9001, firstName: '王芳', languageCode: 'zh-hans', role: '居民' },
  { id: 'officer', userId: 9002, firstName: 'Li', lastName: 'Lei', languageCode: 'en', role: 'liaison officer' },
];

export interface RunningEmulator {
  emulator: BotApiEmulator;
  apiRoot: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the emulator on an ephemeral 127.0.0.1 port. */
export async function startEmulator(overrides: Partial<BotApiEmulatorOptions> = {}): Promise<RunningEmulator> {
  const emulator = createBotApiEmulator({ token: TOKEN, personas: testPersonas, ...overrides });
  const server = createServer(emulator.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    emulator,
    apiRoot: `http://127.0.0.1:${port}`,
    server,
    async close() {
      emulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
