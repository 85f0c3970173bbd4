import type {
  AccessToken,
  BankAccount,
  BankConnection,
  BankUser,
  Turnover,
  WizardSession,
  WizardStep,
  Xs2aEvent,
} from './state.js';
import { berlinDate, berlinDateTime } from './time.js';

/** The stored records as XS2A puts them on the wire: snake_case, Berlin datetimes, `object` tags. */

export const userView = (user: BankUser) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  testmode: user.testmode,
  created_at: berlinDateTime(user.createdAt),
  object: 'bank_user',
});

export const tokenView = (token: AccessToken) => ({
  id: token.id,
  token: token.token,
  valid_until: token.validUntilText,
  created_at: berlinDateTime(token.createdAt),
  object: 'bank_user_access_token',
});

export const connectionView = (connection: BankConnection) => ({
  id: connection.id,
  transaction: connection.transaction,
  bic: connection.bic,
  bank_name: connection.bankName,
  country_id: connection.countryId,
  sync_mode: connection.syncMode,
  sync_active: connection.syncActive,
  sync_message: connection.syncMessage,
  sync_fail_counter: connection.syncFailCounter,
  last_synced: berlinDateTime(connection.lastSynced),
  consent_valid_until: berlinDate(connection.consentValidUntil),
  testmode: connection.testmode,
  created_at: berlinDateTime(connection.createdAt),
  object: 'bank_connection',
});

export const accountView = (account: BankAccount) => ({
  id: account.id,
  bank_connection_id: account.connectionId,
  holder: account.holder,
  iban: account.iban,
  description: account.description,
  bic: account.bic,
  account_number: account.accountNumber,
  bank_code: account.bankCode,
  bank_name: account.bankName,
  country_id: account.countryId,
  type: account.type,
  joint_account: account.jointAccount,
  transaction_possible: account.transactionPossible,
  created_at: berlinDateTime(account.createdAt),
  object: 'bank_account',
});

/** Both `currency` (java, matched to live data) and `currency_id` (node) are sent (reference §11.2). */
export const balanceView = (account: BankAccount) => ({
  id: account.id,
  available: account.available,
  limit: account.limit,
  balance: account.balance,
  currency: account.currency,
  currency_id: account.currency,
  date: berlinDateTime(account.balanceDate),
  created_at: berlinDateTime(account.createdAt),
  object: 'bank_account_balance',
});

export const turnoverView = (turnover: Turnover) => ({
  id: turnover.id,
  transaction_id: turnover.transactionId,
  booking_date: turnover.bookingDate,
  amount: turnover.amount,
  currency: turnover.currency,
  purpose: turnover.purpose,
  counter_iban: turnover.counterIban,
  counter_bic: turnover.counterBic,
  counter_holder: turnover.counterHolder,
  prebooked: turnover.prebooked,
  canceled: turnover.canceled,
  tags: turnover.tags,
  category_id: turnover.categoryId,
  creditor_id: turnover.creditorId,
  new: turnover.new,
});

const CURRENT_STEP: Record<WizardStep, string> = {
  bank: 'WizardStartStep',
  login: 'WizardLoginStep',
  tan: 'WizardTanStep',
  decoupled: 'WizardScaStep',
  accounts: 'WizardAccountsStep',
  showcase: 'WizardShowcaseStep',
  'showcase-item': 'WizardShowcaseStep',
  finish: 'WizardFinishStep',
  failed: 'WizardLoginStep',
  aborted: 'WizardLoginStep',
};

export const sessionView = (session: WizardSession) => ({
  id: session.id,
  transaction: session.transaction,
  wizard_session_key: session.key,
  product: 'xs2a_api',
  parameters: {
    sync_mode: session.request.syncMode,
    bic: session.request.bic,
    country_id: session.request.countryId,
    days: session.request.days,
    limit_days: session.request.limitDays,
    account_selection: session.request.accountSelection,
    language: session.language,
  },
  last_error: session.lastError,
  testmode: true,
  finished: session.finished,
  current_step:
    CURRENT_STEP[session.step === 'failed' || session.step === 'aborted' ? session.lastStep : session.step],
  created_at: berlinDateTime(session.createdAt),
  object: 'wizard_session',
});

export const eventView = (event: Xs2aEvent) => ({
  id: event.id,
  transaction: event.transaction,
  type: event.type,
  data: event.data,
  testmode: true,
  message: event.message,
  created_at: berlinDateTime(event.createdAt),
  object: 'xs2a_event',
});
