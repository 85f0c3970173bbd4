import { isContractName } from '../contracts.js';
import { problem } from '../errors.js';
import type { Page } from '../http/dispatch.js';
import type { SandboxResponse } from '../http/types.js';
import { renderContract, renderIndex } from './render.js';

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const page = (body: string): SandboxResponse => ({ status: 200, headers: HTML, body });

/**
 * The API reference for people, rendered on the server from the contracts: a page, not an admin
 * operation, since it is HTML for browsers and works without any script or network.
 */
export const docsPages: Page[] = [
  {
    method: 'GET',
    match: (path) => (path === '/__admin/docs' || path === '/__admin/docs/' ? {} : null),
    handle: () => page(renderIndex()),
  },
  {
    method: 'GET',
    match: (path) => {
      const name = /^\/__admin\/docs\/([^/]+)$/.exec(path)?.[1];
      return name ? { name } : null;
    },
    handle: ({ name = '' }) =>
      isContractName(name)
        ? page(renderContract(name))
        : problem('not-found', `no contract '${name}'; see /__admin/docs for the list`),
  },
];
