import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Page } from '../http/dispatch.js';
import type { SandboxResponse } from '../http/types.js';
import { packageRoot } from '../paths.js';

/** The dashboard's files ship in the package's top-level `ui/` folder: no build step, no CDN. */
export const uiDir = join(packageRoot, 'ui');

export const UI_PATH = '/__admin/ui';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The page may talk to its own origin only: no CDN, no fonts, no beacons, and no inline script or
 * style that an injected journal body could smuggle in.
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

interface Asset {
  contentType: string;
  body: Buffer;
}

let assets: Map<string, Asset> | undefined;

/** Reads the folder once, on the first request: a fixed set of names, so no path ever reaches the disk. */
function loadAssets(): Map<string, Asset> {
  if (assets) return assets;
  const found = new Map<string, Asset>();
  for (const name of readdirSync(uiDir)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType) found.set(name, { contentType, body: readFileSync(join(uiDir, name)) });
  }
  assets = found;
  return found;
}

function serve(asset: Asset): SandboxResponse {
  return {
    status: 200,
    headers: {
      'content-type': asset.contentType,
      'content-security-policy': UI_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    },
    body: asset.body,
  };
}

/** `GET /__admin/ui` (the page) and `GET /__admin/ui/<file>` (its scripts, styles and icon). */
export const uiPages: Page[] = [
  {
    method: 'GET',
    match: (path) => (path === UI_PATH || path === `${UI_PATH}/` ? {} : null),
    handle: () => serve(loadAssets().get('index.html')!),
  },
  {
    method: 'GET',
    match(path) {
      if (!path.startsWith(`${UI_PATH}/`)) return null;
      const name = path.slice(UI_PATH.length + 1);
      return name !== 'index.html' && loadAssets().has(name) ? { name } : null;
    },
    handle: ({ name }) => serve(loadAssets().get(name!)!),
  },
];
