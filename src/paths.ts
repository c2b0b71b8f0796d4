// Files shipped beside the code (locales, migrations, the holiday schedule), found from the
// project's root: the same from src/ (tsx, tests, CLI) and from the bundle in dist/ (npm start).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

const projectRoot = findProjectRoot();

export const projectPath = (...parts: string[]): string => join(projectRoot, ...parts);
