import type { SandboxResponse } from '../http/types.js';
import type { BankAccount, Turnover } from './state.js';
import { berlinDateTime } from './time.js';
import { accountView, balanceView, turnoverView } from './wire.js';

interface ReportInput {
  reportId: string;
  account: BankAccount;
  turnovers: Turnover[];
  locale: 'de' | 'en';
  format: string;
  now: number;
}

const LABELS = {
  de: {
    title: 'Kontoauszug',
    balance: 'Saldo',
    date: 'Datum',
    amount: 'Betrag',
    purpose: 'Verwendungszweck',
    holder: 'Inhaber',
  },
  en: {
    title: 'Account report',
    balance: 'Balance',
    date: 'Date',
    amount: 'Amount',
    purpose: 'Purpose',
    holder: 'Holder',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const amount = (value: number, locale: 'de' | 'en') =>
  value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

function lines(input: ReportInput): string[] {
  const l = LABELS[input.locale];
  const { account } = input;
  return [
    `${l.title} ${account.description} ${account.iban}`,
    `${l.holder}: ${account.holder} - ${account.bankName}`,
    `${l.balance}: ${amount(account.balance, input.locale)} ${account.currency} (${berlinDateTime(account.balanceDate)})`,
    ...input.turnovers.map(
      (t) => `${t.bookingDate}  ${amount(t.amount, input.locale).padStart(10)}  ${t.purpose.join(' / ')}`,
    ),
  ];
}

function html(input: ReportInput): string {
  const l = LABELS[input.locale];
  const rows = input.turnovers
    .map(
      (t) =>
        `<tr><td>${t.bookingDate}</td><td style="text-align:right">${amount(t.amount, input.locale)}</td><td>${escapeHtml(t.purpose.join(' / '))}</td></tr>`,
    )
    .join('\n');
  const [title, holder, balance] = lines(input).map(escapeHtml);
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>${holder}</p><p>${balance}</p>
<table><thead><tr><th>${l.date}</th><th>${l.amount}</th><th>${l.purpose}</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

/** A one-page PDF 1.4 of the report's lines in Helvetica: enough for a client that stores or shows it. */
function pdf(input: ReportInput): Buffer {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[()\\]/g, '\\$&');
  const text = lines(input)
    .slice(0, 60)
    .map((line, i) => `BT /F1 9 Tf 40 ${800 - i * 12} Td (${ascii(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The account report in the asked format: JSON (the default), HTML or PDF (fidelity.md). */
export function renderReport(input: ReportInput): SandboxResponse {
  if (input.format === 'html')
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html(input) };
  if (input.format === 'pdf')
    return { status: 200, headers: { 'content-type': 'application/pdf' }, body: pdf(input) };
  return {
    status: 200,
    body: {
      id: input.reportId,
      account: accountView(input.account),
      balance: balanceView(input.account),
      turnovers: input.turnovers.map(turnoverView),
      locale: input.locale,
      created_at: berlinDateTime(input.now),
      object: 'bank_account_report',
    },
  };
}
