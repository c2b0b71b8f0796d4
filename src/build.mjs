// `npm run build`, and the first step of `npm start`: bundles src/main.ts into dist/main.mjs
// (esbuild). `npm start` skips it when the bundle is newer than every file it was built from
// (the metafile esbuild writes beside it names them) and than package.json and its lock: a
// restart then starts the bot without a build. `--force` (`npm run build`) always builds.
import { readFileSync, statSync, writeFileSync } from 'node:fs';

const bundle = 'dist/main.mjs';
const metafile = 'dist/main.meta.json';

function bundleUpToDate() {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const inputs = Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs);
    return [...inputs, 'package.json', 'package-lock.json'].every((file) => statSync(file).mtimeMs <= builtAt);
  } catch {
    // No bundle yet, or an input is gone: build.
    return false;
  }
}

if (process.argv.includes('--force') || !bundleUpToDate()) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: ['src/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    // Node keeps the source map in memory (--enable-source-maps): file and line suffice.
    sourcesContent: false,
    outfile: bundle,
    logLevel: 'warning',
    metafile: true,
  });
  writeFileSync(metafile, JSON.stringify(result.metafile));
}
