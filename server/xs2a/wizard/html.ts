import type { FormElement } from './elements.js';
import type { WizardResponse } from './respond.js';

const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function input(element: FormElement, type: string): string {
  const value = type === 'password' ? '' : esc(element.value);
  return `<label>${esc(element.label)}<br><input type="${type}" name="${esc(element.name)}" value="${value}"></label>`;
}

function choice(element: FormElement): string {
  if (element.type === 'select') {
    const options = Object.entries((element.options ?? {}) as Record<string, string>)
      .map(([value, label]) => {
        const selected = value === element.selected ? ' selected' : '';
        return `<option value="${esc(value)}"${selected}>${esc(label)}</option>`;
      })
      .join('');
    return `<label>${esc(element.label)}<br><select name="${esc(element.name)}">${options}</select></label>`;
  }
  const radios = ((element.options ?? []) as Array<{ label: string; disabled: boolean }>)
    .map((option, i) => {
      const checked = i === element.checked ? ' checked' : '';
      const disabled = option.disabled ? ' disabled' : '';
      return `<label><input type="radio" name="${esc(element.name)}" value="${i}"${checked}${disabled}> ${esc(option.label)}</label>`;
    })
    .join('<br>');
  return `<fieldset><legend>${esc(element.label)}</legend>${radios}</fieldset>`;
}

/** One form element as plain HTML; its validation error underneath. */
function element(e: FormElement): string {
  let html: string;
  switch (e.type) {
    case 'text':
    case 'captcha':
      html = input(e, 'text');
      break;
    case 'password':
      html = input(e, 'password');
      break;
    case 'checkbox':
      html = `<label><input type="checkbox" name="${esc(e.name)}" value="1"${e.checked ? ' checked' : ''}> ${esc(e.label)}</label>`;
      break;
    case 'select':
    case 'radio':
      html = choice(e);
      break;
    case 'image':
      html = `<img alt="${esc(e.label)}" src="${esc(e.data)}" width="120" height="120">`;
      break;
    case 'flicker':
      html = `<pre>${esc(JSON.stringify(e.code))}</pre>`;
      break;
    case 'redirect':
      html = `<p><a href="${esc(e.url)}">${esc(e.label)}</a></p>`;
      break;
    default:
      html = `<p>${esc(e.label)}</p>`;
  }
  const error = e.invalid ? `<div class="invalid">${esc(e.validation_error)}</div>` : '';
  return `<div class="field">${html}${error}</div>`;
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${esc(title)} – XS2A Wizard (tink-sandbox)</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
.field{margin:1rem 0}.invalid,.error{color:#b00020}input[type=text],input[type=password],select{width:100%;padding:.4rem}
button{margin-right:.5rem;padding:.4rem .9rem}.note{color:#555;font-size:.85rem}</style></head>
<body><h1>${esc(title)}</h1>
${body}
<p class="note">tink-sandbox test bank: PIN 123456 finishes; see docs/xs2a.md for the other magic PINs.</p>
</body></html>
`;

const TITLES: Record<string, string> = {
  bank: 'Bank wählen',
  login: 'Anmeldung bei Ihrer Bank',
  tan: 'TAN eingeben',
  decoupled: 'Freigabe in der App',
  account: 'Konto wählen',
  showcase: 'Formular-Showcase',
  finish: 'Fertig',
  abort: 'Abgebrochen',
};

/** The wizard response as an HTML page whose form posts back to itself. */
export function renderWizardPage(action: string, response: WizardResponse): string {
  const error = Array.isArray(response.error) ? '' : `<p class="error">${esc(response.error.message)}</p>`;
  const form = response.form;
  if (!form) return page('Fehler', `${error}<p>Bitte starten Sie eine neue Sitzung.</p>`);
  if (form.name === 'finish') {
    const shared = response.callbackParams?.[0];
    const credentials = shared
      ? `<p>Geteilte Zugangsdaten (shared credentials): <code>${esc(shared)}</code></p>`
      : '';
    return page(TITLES.finish!, `<p>Die Bankverbindung ist eingerichtet.</p>${credentials}`);
  }
  if (form.name === 'abort') return page(TITLES.abort!, '<p>Der Vorgang wurde abgebrochen.</p>');
  const pollButton = response.polling.interval
    ? '<button name="action" value="poll">Ich habe freigegeben</button>'
    : '';
  const buttons = `${pollButton}<button name="action" value="submit">Weiter</button><button name="action" value="back">Zurück</button><button name="action" value="abort">Abbrechen</button>`;
  const fields = form.elements.map(element).join('\n');
  return page(
    TITLES[form.name] ?? form.name,
    `${error}<form method="post" action="${esc(action)}">\n${fields}\n<p>${buttons}</p></form>`,
  );
}
