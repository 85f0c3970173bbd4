import { findBankByCodeOrBic } from '../banks.js';
import { ACCOUNT_OFFER } from '../data.js';
import { failSession, wizardSettings } from '../sessions.js';
import type { WizardSession } from '../state.js';
import type { SyncEnv } from '../sync.js';
import type { FieldErrors } from './elements.js';
import { formOf, loginForm, withErrors } from './forms.js';
import { DECOUPLED_POLLS, pinEffect, TEST_TAN } from './pins.js';
import { ended, recoverable, showForm, type WizardResponse } from './respond.js';
import { SHOWCASE } from './showcase.js';

export type Input = Record<string, unknown>;

/** Moves the session to a step and shows its form. */
export function goTo(session: WizardSession, step: WizardSession['step']): WizardResponse {
  session.step = step;
  session.lastStep = step;
  return showForm(formOf(session), step === 'decoupled' ? { interval: 1000 } : {});
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());
const accepted = (value: unknown) =>
  value === true || ['1', 'true', 'on', 'yes'].includes(text(value).toLowerCase());

function invalid(session: WizardSession, errors: FieldErrors, code: string, values?: Input): WizardResponse {
  session.lastError = code;
  const form = session.step === 'login' ? loginForm(values) : formOf(session);
  return showForm(withErrors(form, errors));
}

export function submitBank(session: WizardSession, input: Input): WizardResponse {
  const country = text(input.country_id) || 'DE';
  const code = text(input.bank_code);
  if (country.toUpperCase() !== 'DE')
    return invalid(
      session,
      { country_id: { rule: 'in', message: 'Dieses Land wird nicht unterstützt.' } },
      'country_id_invalid',
    );
  if (!code)
    return invalid(
      session,
      { bank_code: { rule: 'required', message: 'Bitte geben Sie eine Bankleitzahl ein.' } },
      'validation_failed',
    );
  const bank = findBankByCodeOrBic(code);
  if (!bank)
    return invalid(
      session,
      { bank_code: { rule: 'bank_code', message: 'Diese Bank ist unbekannt.' } },
      'bank_code_unknown',
    );
  session.bankCode = bank.bankCode;
  return goTo(session, 'login');
}

/** After a successful login (and TAN): pick an account if asked to, otherwise finish. */
export function afterLogin(session: WizardSession, finish: () => WizardResponse): WizardResponse {
  if (session.request.accountSelection !== 'all') return goTo(session, 'accounts');
  return finish();
}

export function submitLogin(
  env: SyncEnv,
  session: WizardSession,
  input: Input,
  finish: () => WizardResponse,
): WizardResponse {
  const values = { USER_NAME: text(input.USER_NAME), privacy_policy: accepted(input.privacy_policy) };
  const errors: FieldErrors = {};
  if (!values.USER_NAME)
    errors.USER_NAME = { rule: 'required', message: 'Bitte geben Sie Ihren Anmeldenamen ein.' };
  if (!text(input.USER_PIN)) errors.USER_PIN = { rule: 'required', message: 'Bitte geben Sie Ihre PIN ein.' };
  if (!values.privacy_policy)
    errors.privacy_policy = {
      rule: 'accepted',
      message: 'Bitte akzeptieren Sie die Datenschutzbestimmungen.',
    };
  if (Object.keys(errors).length) {
    const onlyPolicy = Object.keys(errors).length === 1 && errors.privacy_policy;
    return invalid(session, errors, onlyPolicy ? 'pp_not_checked' : 'validation_failed', values);
  }
  const effect = pinEffect(text(input.USER_PIN));
  switch (effect.kind) {
    case 'ok':
      session.failingSyncs = effect.failingSyncs;
      return afterLogin(session, finish);
    case 'accounts':
      return goTo(session, 'accounts');
    case 'forms':
      return goTo(session, 'showcase');
    case 'tan':
      return goTo(session, 'tan');
    case 'decoupled':
      session.polls = 0;
      return goTo(session, 'decoupled');
  }
  session.loginTries += 1;
  if (session.loginTries >= wizardSettings(env.behaviour).maxLoginTries) {
    failSession(
      session,
      'max_login_tries',
      'Zu viele fehlgeschlagene Anmeldeversuche. Bitte starten Sie erneut.',
    );
    return ended(session);
  }
  session.lastError = 'login_failed';
  return recoverable(
    loginForm(values),
    'login_failed',
    'Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Zugangsdaten.',
  );
}

export function submitTan(
  session: WizardSession,
  input: Input,
  finish: () => WizardResponse,
): WizardResponse {
  const tan = text(input.TAN);
  if (!tan)
    return invalid(
      session,
      { TAN: { rule: 'required', message: 'Bitte geben Sie die TAN ein.' } },
      'validation_failed',
    );
  if (tan !== TEST_TAN) {
    failSession(session, 'tan_failed', 'Die TAN ist falsch. Der Vorgang wurde abgebrochen.');
    return ended(session);
  }
  return afterLogin(session, finish);
}

export function poll(session: WizardSession, finish: () => WizardResponse): WizardResponse {
  if (session.step !== 'decoupled') return showForm(formOf(session));
  session.polls += 1;
  if (session.polls < DECOUPLED_POLLS) return showForm(formOf(session), { interval: 1000 });
  return afterLogin(session, finish);
}

export function submitAccount(
  session: WizardSession,
  input: Input,
  finish: () => WizardResponse,
): WizardResponse {
  const index = Number(text(input.account));
  if (text(input.account) === '' || !Number.isInteger(index) || !ACCOUNT_OFFER[index])
    return invalid(
      session,
      { account: { rule: 'in', message: 'Bitte wählen Sie ein Konto.' } },
      'validation_failed',
    );
  session.selectedAccount = index;
  return finish();
}

export function submitShowcase(session: WizardSession, input: Input): WizardResponse {
  const item = text(input.showcase);
  if (!(item in SHOWCASE))
    return invalid(
      session,
      { showcase: { rule: 'in', message: 'Bitte wählen Sie ein Szenario.' } },
      'validation_failed',
    );
  session.showcaseItem = item;
  return goTo(session, 'showcase-item');
}

/** Where a session begins: at the login when the bank is known (existing connection, or a known BIC). */
export function startStep(session: WizardSession): WizardSession['step'] {
  const knownBank = session.connectionId || (session.request.bic && findBankByCodeOrBic(session.request.bic));
  return knownBank ? 'login' : 'bank';
}

/** `back`: one step towards the start; from the redirect showcase back to the login (reference §8). */
export function back(session: WizardSession): WizardResponse {
  const start = startStep(session);
  const previous: Partial<Record<WizardSession['step'], WizardSession['step']>> = {
    login: start,
    tan: 'login',
    decoupled: 'login',
    accounts: 'login',
    showcase: 'login',
    'showcase-item': session.showcaseItem === 'login_redirect' ? 'login' : 'showcase',
  };
  return goTo(session, previous[session.step] ?? session.step);
}
