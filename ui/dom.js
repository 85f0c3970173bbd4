// A tiny DOM builder: text always goes in as text nodes, never as HTML, so a journal body or a bank
// name can never become markup.

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'key') el.dataset.key = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces a container's content, keeping keyboard focus on the element with the same `data-key`. */
export function replace(container, ...nodes) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...nodes.flat(Number.POSITIVE_INFINITY));
  if (key) container.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

const signatures = new WeakMap();

/** Re-renders only when what is shown changed, so polling never steals focus or scroll position. */
export function renderIfChanged(container, signature, build) {
  if (signatures.get(container) === signature) return;
  signatures.set(container, signature);
  replace(container, build());
}

/** A message under a control: `kind` is `error`, `ok` or `info`. */
export function say(container, kind, text) {
  container.dataset.kind = kind;
  container.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  container.textContent = text;
}

export const clear = (container) => {
  container.textContent = '';
  delete container.dataset.kind;
};

export const dash = '—';

export const show = (value) => (value === undefined || value === null || value === '' ? dash : String(value));

/** The first of several spellings a field may have (camelCase today, snake_case in the APIs). */
export function pick(object, ...names) {
  for (const name of names) if (object?.[name] !== undefined) return object[name];
  return undefined;
}

/** Epoch ms or ISO text as `YYYY-MM-DD HH:MM:SS` UTC; a plain date stays a date. */
export function when(value) {
  if (value === undefined || value === null || value === '') return dash;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) return value;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return String(value);
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export const toMs = (value) => (typeof value === 'number' ? value : Date.parse(value ?? ''));

/** "in 3 d" / "2 h ago" between two instants. */
export function relative(value, now) {
  const diff = toMs(value) - toMs(now);
  if (Number.isNaN(diff)) return '';
  const abs = Math.abs(diff);
  const units = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ];
  const [unit, size] = units.find(([, ms]) => abs >= ms) ?? ['s', 1000];
  const amount = `${Math.floor(abs / size)} ${unit}`;
  return diff >= 0 ? `in ${amount}` : `${amount} ago`;
}

export function money(amount, currency) {
  if (typeof amount !== 'number') return show(amount);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

/** `tone`: ok, warn, bad, info or neutral. The label always says it: colour is never the only cue. */
export const badge = (label, tone = 'neutral') => h('span', { class: `badge badge-${tone}` }, label);

export const code = (value) => h('code', null, show(value));

/**
 * A table inside a scroll box. `columns`: `[{label, cell(row), numeric?}]`; `rowClass(row)` may
 * mark rows (expired, disabled, selected).
 */
export function table(
  caption,
  columns,
  rows,
  { empty = 'Nothing yet.', rowClass, rowProps, tall = false } = {},
) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  const head = h(
    'tr',
    null,
    columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label)),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      { class: rowClass?.(row) || null, ...rowProps?.(row) },
      columns.map((column) => h('td', { class: column.numeric ? 'num' : null }, column.cell(row))),
    ),
  );
  return h(
    'div',
    { class: tall ? 'table-scroll tall' : 'table-scroll' },
    h(
      'table',
      null,
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, head),
      h('tbody', null, body),
    ),
  );
}
