/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Tagged template whose interpolations are escaped unless wrapped in `raw()`. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const piece = Array.isArray(value) ? value : [value];
    out += piece.map((v) => (v instanceof Raw ? v.html : escapeHtml(v))).join('');
    out += strings[i + 1] ?? '';
  });
  return raw(out);
}

// Everything inline: the page must work offline, so no CDN, fonts or scripts.
const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1d2330}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #d6dae3;margin-top:2.5rem}
a{color:#1f5fbf}code,pre{font:13px/1.4 ui-monospace,monospace}
pre{background:#f4f6fa;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse;margin:.4rem 0 .8rem;width:100%}
th,td{border:1px solid #d6dae3;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f6fa}.op{border:1px solid #d6dae3;border-radius:6px;margin:1rem 0;padding:.2rem 1rem 1rem}
.method{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}
.get{color:#1f7a3a}.post{color:#1f5fbf}.put{color:#a06200}.delete{color:#b3261e}.patch{color:#6a3fb5}
.muted{color:#5d6576}summary{cursor:pointer}nav ul{columns:2}
`;

export function layout(title: string, body: Raw): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body.html}</body></html>
`;
}
