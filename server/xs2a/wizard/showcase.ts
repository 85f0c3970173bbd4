import { type Form, field } from './elements.js';

/** The test bank's showcase (PIN `forms`): one entry per form type a real bank login may show. */
export const SHOWCASE: Record<string, string> = {
  login_multi_credentials: 'Login mit mehreren Zugangsdaten',
  login_captcha: 'Login mit Captcha',
  radio_select: 'Auswahl (Radio)',
  select: 'Auswahl (Select)',
  tan_select: 'TAN-Verfahren wählen',
  tan_iTAN: 'iTAN',
  tan_mTAN: 'mTAN',
  tan_flickerTAN: 'Flicker-TAN',
  'tan_QR-TAN': 'QR-TAN',
  login_redirect: 'Login per Weiterleitung',
};

export const showcaseForm = (): Form => ({
  name: 'showcase',
  elements: [
    field('select', 'showcase', 'Test-Szenario', {
      options: { ...SHOWCASE },
      selected: '',
      validation: 'required',
    }),
  ],
});

// A 1x1 transparent PNG: the captcha and QR images need a picture, not a real challenge.
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const ITEMS: Record<string, () => Form['elements']> = {
  login_multi_credentials: () => [
    field('text', 'USER_NAME', 'Anmeldename'),
    field('text', 'USER_ID', 'Kundennummer'),
    field('password', 'USER_PIN', 'PIN'),
  ],
  login_captcha: () => [
    field('image', 'captcha_image', 'Captcha', { data: PIXEL }),
    field('captcha', 'captcha', 'Zeichen im Bild'),
  ],
  radio_select: () => [
    field('radio', 'radio', 'Bitte wählen', {
      options: [
        { label: 'Option A', disabled: false },
        { label: 'Option B', disabled: false },
      ],
      checked: 0,
    }),
  ],
  select: () => [
    field('select', 'select', 'Bitte wählen', { options: { a: 'Option A', b: 'Option B' }, selected: 'a' }),
  ],
  tan_select: () => [
    field('select', 'tan_method', 'TAN-Verfahren', {
      options: { '901': 'pushTAN', '902': 'chipTAN', '903': 'smsTAN' },
      selected: '901',
    }),
  ],
  tan_iTAN: () => [
    field('help_text', 'itan_help', 'Bitte TAN Nr. 42 eingeben.'),
    field('text', 'TAN', 'TAN'),
  ],
  tan_mTAN: () => [
    field('help_text', 'mtan_help', 'Die TAN wurde an +49 170 ****123 gesendet.'),
    field('text', 'TAN', 'TAN'),
  ],
  tan_flickerTAN: () => [
    field('flicker', 'flicker', 'Flicker-Code', {
      code: [
        [0, 1, 1, 0, 1],
        [1, 0, 1, 1, 0],
      ],
    }),
    field('text', 'TAN', 'TAN'),
  ],
  'tan_QR-TAN': () => [field('image', 'qr_image', 'QR-Code', { data: PIXEL }), field('text', 'TAN', 'TAN')],
  login_redirect: () => [
    field('redirect', 'redirect', 'Weiter zur Bank', {
      url: 'https://testbank.invalid/oauth/authorize',
      back: 'Zurück',
    }),
  ],
};

export const showcaseItemForm = (item: string): Form => ({
  name: item,
  elements: (ITEMS[item] ?? (() => []))(),
});
