import { CONTRACT_NAMES, contractSummary, contractText, isContractName } from '../contracts.js';
import { problem } from '../errors.js';
import { loadContract } from '../http/openapi.js';
import type { Handler } from '../http/surface.js';
import { firstQueryValue, json } from '../http/types.js';

/** The OpenAPI documents the sandbox routes and validates by, served as shipped. */
export const contractHandlers: Record<string, Handler> = {
  listContracts: () => json(200, { contracts: CONTRACT_NAMES.map(contractSummary) }),

  getContract: ({ params, query, request }) => {
    const name = params.name ?? '';
    if (!isContractName(name))
      return problem('not-found', `no contract '${name}'; known: ${CONTRACT_NAMES.join(', ')}`);
    const format = firstQueryValue(query, 'format');
    const wantsJson =
      format === 'json' || (format === undefined && /application\/json/.test(request.headers.accept ?? ''));
    if (wantsJson) return json(200, loadContract(name));
    return {
      status: 200,
      headers: { 'content-type': 'application/yaml; charset=utf-8' },
      body: contractText(name),
    };
  },
};
