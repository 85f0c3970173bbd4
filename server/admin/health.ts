import type { Handler } from '../http/surface.js';
import { json } from '../http/types.js';
import { VERSION } from '../version.js';

const startedAt = process.uptime();

export const healthHandlers: Record<string, Handler> = {
  getHealth: () =>
    json(200, { status: 'ok', version: VERSION, uptimeSeconds: Math.round(process.uptime() - startedAt) }),
};
