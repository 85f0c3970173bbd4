import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file whether it runs from `server/` (tsx) or `dist/server/`. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tink-sandbox: package.json not found above the server code');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const contractsDir = join(packageRoot, 'contracts');
/** JSON copies of the contracts, written by the build. */
export const compiledContractsDir = join(packageRoot, 'dist', 'contracts');
export const builtinScenariosDir = join(packageRoot, 'scenarios');
