import type { WizardSession } from '../state.js';
import type { Form } from './elements.js';
import { abortForm, finishForm } from './forms.js';

/** The Wizard-API response (reference §3.9): errors live inside a 200, never as an HTTP error. */
export interface WizardResponse {
  code: number;
  message: string;
  error: [] | { code: string; message: string; recoverable: boolean };
  polling: { interval?: number };
  form?: Form;
  callback?: 'finish' | 'abort' | 'error';
  callbackParams?: Array<string | null>;
}

export const showForm = (form: Form, polling: WizardResponse['polling'] = {}): WizardResponse => ({
  code: 200,
  message: 'ok',
  error: [],
  polling,
  form,
});

/** A recoverable error: the same form again, with the message on top. */
export const recoverable = (form: Form, code: string, message: string): WizardResponse => ({
  ...showForm(form),
  error: { code, message, recoverable: true },
});

/** What a session that has ended answers to every call: its end, again (idempotent). */
export function ended(session: WizardSession): WizardResponse {
  if (session.step === 'finish') {
    // In shared mode the client's half of the credentials rides on the finish, like the SDKs' callback.
    const params = session.sharedCredentials ? [session.sharedCredentials] : [];
    return { ...showForm(finishForm()), callback: 'finish', callbackParams: params };
  }
  if (session.step === 'aborted') return { ...showForm(abortForm()), callback: 'abort', callbackParams: [] };
  const failure = session.failure ?? { code: 'tech_error', message: 'The session failed.' };
  return {
    code: 200,
    message: 'ok',
    error: { ...failure, recoverable: false },
    polling: {},
    callback: 'error',
    callbackParams: [failure.code],
  };
}
