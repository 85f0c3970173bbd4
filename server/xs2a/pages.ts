import type { Page } from '../http/dispatch.js';

/** The wizard as an HTML page (`GET /wizard/{key}`), served outside the contract. */
export const xs2aPages: Page[] = [];
