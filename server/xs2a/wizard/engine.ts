import { createConnection, loginAgain } from '../connections.js';
import { expireIfIdle, failSession, isTerminal } from '../sessions.js';
import type { WizardSession } from '../state.js';
import type { SyncEnv } from '../sync.js';
import { formOf } from './forms.js';
import { ended, showForm, type WizardResponse } from './respond.js';
import {
  back,
  goTo,
  type Input,
  poll,
  startStep,
  submitAccount,
  submitBank,
  submitLogin,
  submitShowcase,
  submitTan,
} from './steps.js';

const LANGUAGES = ['de', 'en', 'es', 'fr', 'it'];

/** Fields each step reads; a call without any of them only shows the current form. */
const STEP_FIELDS: Partial<Record<WizardSession['step'], string[]>> = {
  bank: ['country_id', 'bank_code'],
  login: ['USER_NAME', 'USER_PIN', 'privacy_policy'],
  tan: ['TAN'],
  accounts: ['account'],
  showcase: ['showcase'],
};

/** The login is complete: create the connection, or log the existing one in again (which syncs it). */
function finish(env: SyncEnv, session: WizardSession): WizardResponse {
  if (session.purpose === 'create') {
    session.connectionId = createConnection(env, session).id;
  } else {
    const connection = session.connectionId ? env.tenant.xs2a.connections[session.connectionId] : undefined;
    if (!connection) {
      failSession(session, 'tech_error', 'The bank connection no longer exists.');
      return ended(session);
    }
    loginAgain(env, connection, session);
  }
  session.step = 'finish';
  session.lastStep = 'finish';
  session.finished = true;
  session.lastError = '';
  return ended(session);
}

function submit(env: SyncEnv, session: WizardSession, input: Input): WizardResponse {
  const fields = STEP_FIELDS[session.step];
  const done = () => finish(env, session);
  if (fields && !fields.some((name) => name in input)) return showForm(formOf(session));
  switch (session.step) {
    case 'bank':
      return submitBank(session, input);
    case 'login':
      return submitLogin(env, session, input, done);
    case 'tan':
      return submitTan(session, input, done);
    case 'decoupled':
      return poll(session, done);
    case 'accounts':
      return submitAccount(session, input, done);
    case 'showcase':
      return submitShowcase(session, input);
    default:
      // A showcase form is only for show: submitting it returns to the showcase (reference §8).
      return goTo(session, 'showcase');
  }
}

/**
 * One call of the Wizard-API: `{key, action?, ...fields}` against the session's state machine.
 * Steps: bank → login → (tan | decoupled | accounts | showcase) → finish. Ended sessions repeat their end.
 */
export function navigate(env: SyncEnv, session: WizardSession, input: Input): WizardResponse {
  if (expireIfIdle(session, env.now, env.behaviour) || isTerminal(session)) return ended(session);
  session.touchedAt = env.now;
  switch (input.action ?? 'submit') {
    case 'abort':
      session.lastStep = session.step;
      session.step = 'aborted';
      session.lastError = 'client_aborted';
      return ended(session);
    case 'back':
      return back(session);
    case 'restart':
      session.loginTries = 0;
      return goTo(session, startStep(session));
    case 'poll':
      return poll(session, () => finish(env, session));
    case 'change-language':
      if (LANGUAGES.includes(String(input.language))) session.language = String(input.language);
      return showForm(formOf(session));
    case 'switch-login-tabs':
      return showForm(formOf(session));
    default:
      return submit(env, session, input);
  }
}
