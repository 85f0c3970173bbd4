import { CONTRACT_NAMES, contractSummary, operationsOf } from '../contracts.js';
import { type ContractName, loadContract } from '../http/openapi.js';
import { html, layout, type Raw } from './html.js';
import { deref, schemaBlock, typeOf } from './schema.js';

type Node = Record<string, unknown>;
interface Info {
  title?: string;
  version?: string;
  description?: string;
}

/** `/__admin/docs`: every published contract with links to its page and its document. */
export function renderIndex(): string {
  const items = CONTRACT_NAMES.map(contractSummary).map(
    (c) =>
      html`<li><a href="${c.docs}">${c.title}</a> <span class="muted">v${c.version}, ${c.operations} operations,</span> <a href="${c.url}">YAML</a> / <a href="${c.url}?format=json">JSON</a></li>`,
  );
  return layout(
    'tink-sandbox API reference',
    html`<h1>tink-sandbox API reference</h1><p>Rendered from the OpenAPI documents this sandbox routes and validates every request by.</p><ul>${items}</ul>`,
  );
}

function parameters(list: Node[]): Raw {
  if (list.length === 0) return html``;
  const rows = list.map(
    (p) =>
      html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${typeOf(p.schema as Node | undefined)}</td><td>${p.required ? 'yes' : ''}</td><td>${p.description ?? ''}</td></tr>`,
  );
  return html`<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>${rows}</table>`;
}

function content(body: Node | undefined): Raw[] {
  const media = (body?.content ?? {}) as Record<string, Node>;
  return Object.entries(media).map(
    ([type, entry]) => html`<p><code>${type}</code></p>${schemaBlock(entry.schema as Node | undefined)}`,
  );
}

function operationBlock(document: unknown, method: string, path: string, op: Node): Raw {
  const item = deref(document, (document as { paths: Record<string, Node> }).paths[path]) as Node;
  const resolved = deref(document, op) as Node;
  const params = [...((item.parameters as Node[]) ?? []), ...((resolved.parameters as Node[]) ?? [])];
  const requestBody = resolved.requestBody as Node | undefined;
  const responses = Object.entries((resolved.responses ?? {}) as Record<string, Node>).map(
    ([status, response]) =>
      html`<h4>${status} <span class="muted">${response.description ?? ''}</span></h4>${content(response)}`,
  );
  const id = String(op.operationId ?? `${method}-${path}`);
  return html`<section class="op" id="${id}"><h3><span class="method ${method}">${method}</span> <code>${path}</code></h3>
<p><code>${id}</code> ${op.summary ?? ''}</p>${op.description ? html`<p>${op.description}</p>` : html``}
${parameters(params)}${requestBody ? html`<h4>Request body${requestBody.required ? ' (required)' : ''}</h4>${content(requestBody)}` : html``}
<h4>Responses</h4>${responses}</section>`;
}

/** `/__admin/docs/{name}`: the contract's operations grouped by tag, with parameters and schemas. */
export function renderContract(name: ContractName): string {
  const document = loadContract(name) as unknown as { info?: Info; paths?: Record<string, Node> };
  const info = document.info ?? {};
  const groups = new Map<string, Raw[]>();
  const toc: Raw[] = [];
  for (const op of operationsOf(document)) {
    const tag = op.tags[0] ?? 'other';
    const raw = document.paths?.[op.path]?.[op.method.toLowerCase()] as Node;
    if (!groups.has(tag)) groups.set(tag, []);
    groups.get(tag)!.push(operationBlock(document, op.method.toLowerCase(), op.path, raw));
    toc.push(html`<li><a href="#${op.operationId}">${op.method} ${op.path}</a></li>`);
  }
  const sections = [...groups].map(([tag, blocks]) => html`<h2 id="tag-${tag}">${tag}</h2>${blocks}`);
  const body = html`<p><a href="/__admin/docs">all contracts</a> · <a href="/__admin/contracts/${name}">YAML</a> · <a href="/__admin/contracts/${name}?format=json">JSON</a></p>
<h1>${info.title ?? name}</h1><p class="muted">version ${info.version ?? ''}</p>${info.description ? html`<pre>${info.description}</pre>` : html``}
${toc.length ? html`<nav><ul>${toc}</ul></nav>${sections}` : html`<p>This contract has no operations yet.</p>`}`;
  return layout(`${info.title ?? name} - tink-sandbox`, body);
}
