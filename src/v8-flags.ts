// V8 settings of the bot's process, set before anything compiles WebAssembly (imported
// first by main.ts). Prisma's query compiler is a WebAssembly module: compiled by
// background threads, it leaves 30–40 MiB in the C allocator that an idle process never
// returns; compiled on the main thread it costs no more start-up CPU (bench:startup).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--wasm-num-compilation-tasks=0');
