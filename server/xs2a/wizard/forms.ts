import { ACCOUNT_OFFER } from '../data.js';
import type { WizardSession } from '../state.js';
import { type FieldErrors, type Form, field } from './elements.js';
import { showcaseForm, showcaseItemForm } from './showcase.js';

/** Marks the elements named in `errors` as invalid, the way the Wizard-API reports validation. */
export function withErrors(form: Form, errors: FieldErrors): Form {
  return {
    ...form,
    elements: form.elements.map((element) => {
      const error = errors[element.name];
      return error
        ? {
            ...element,
            invalid: true,
            failed_validation_rules: [error.rule],
            validation_error: error.message,
          }
        : element;
    }),
  };
}

const bankForm = (): Form => ({
  name: 'bank',
  elements: [
    field('select', 'country_id', 'Land', {
      options: { DE: 'Deutschland' },
      selected: 'DE',
      validation: 'required',
    }),
    field('text', 'bank_code', 'Bankleitzahl, BIC oder Bankname', { value: '', validation: 'required' }),
  ],
});

export const loginForm = (values: Record<string, unknown> = {}): Form => ({
  name: 'login',
  elements: [
    field('text', 'USER_NAME', 'Anmeldename', { value: values.USER_NAME ?? '', validation: 'required' }),
    field('password', 'USER_PIN', 'PIN', { value: '', validation: 'required' }),
    field('checkbox', 'privacy_policy', 'Ich akzeptiere die Datenschutzbestimmungen.', {
      checked: values.privacy_policy === true,
      validation: 'required|accepted',
    }),
  ],
});

const tanForm = (): Form => ({
  name: 'tan',
  elements: [
    field(
      'help_text',
      'tan_help',
      'Bitte geben Sie die TAN ein, die an Ihr Gerät gesendet wurde (Testbank: 123456).',
    ),
    field('text', 'TAN', 'TAN', { value: '', validation: 'required' }),
  ],
});

const decoupledForm = (): Form => ({
  name: 'decoupled',
  elements: [
    field('help_text', 'decoupled_help', 'Bitte bestätigen Sie die Anmeldung in Ihrer Banking-App.'),
  ],
});

const accountsForm = (): Form => ({
  name: 'account',
  elements: [
    field('radio', 'account', 'Bitte wählen Sie ein Konto', {
      options: ACCOUNT_OFFER.map((offer) => ({ label: offer.description, disabled: false })),
      checked: 0,
      validation: 'required',
    }),
  ],
});

export const finishForm = (): Form => ({ name: 'finish', elements: [] });
export const abortForm = (): Form => ({ name: 'abort', elements: [] });

/** The form of the step the session stands at. */
export function formOf(session: WizardSession): Form {
  switch (session.step) {
    case 'bank':
      return bankForm();
    case 'login':
      return loginForm();
    case 'tan':
      return tanForm();
    case 'decoupled':
      return decoupledForm();
    case 'accounts':
      return accountsForm();
    case 'showcase':
      return showcaseForm();
    case 'showcase-item':
      return showcaseItemForm(session.showcaseItem ?? '');
    case 'aborted':
      return abortForm();
    default:
      return finishForm();
  }
}
