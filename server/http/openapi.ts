import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import addFormats from 'ajv-formats';
import { type Document, OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';
import { compiledContractsDir, contractsDir } from '../paths.js';

export type ContractName = 'tink' | 'xs2a' | 'admin';

const documents = new Map<ContractName, Document>();

/**
 * The parsed contract, read once per process. The build leaves a JSON copy of each YAML contract
 * (scripts/compile-contracts.mjs) because parsing YAML is most of the start-up time; the YAML is read
 * instead when the copy is missing or older, e.g. while editing a contract. Contracts are inputs:
 * never edited at run time.
 */
export function loadContract(name: ContractName): Document {
  let document = documents.get(name);
  if (!document) {
    const yamlFile = join(contractsDir, `${name}.yaml`);
    const jsonFile = join(compiledContractsDir, `${name}.json`);
    const fresh = existsSync(jsonFile) && statSync(jsonFile).mtimeMs >= statSync(yamlFile).mtimeMs;
    document = (
      fresh ? JSON.parse(readFileSync(jsonFile, 'utf8')) : parse(readFileSync(yamlFile, 'utf8'))
    ) as Document;
    documents.set(name, document);
  }
  return document;
}

/** An openapi-backend instance that routes and validates against a contract (with formats checked). */
export function createOpenApi(name: ContractName): Promise<OpenAPIBackend> {
  return openApiFor(structuredClone(loadContract(name)));
}

/** The same for any OpenAPI document (tests build small ones). */
export async function openApiFor(definition: Document): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition,
    strict: true,
    quick: true,
    validate: true,
    ajvOpts: { allErrors: true, strict: false },
    customizeAjv: (ajv) => {
      addFormats.default(ajv);
      return ajv;
    },
  });
  await api.init();
  return api;
}
