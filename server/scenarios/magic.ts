/**
 * Magic credentials: any valid credential followed by `~<scenario>` (a Tink client id, an XS2A API
 * key or access token) authenticates as that credential and applies the scenario to every request
 * made with it, and with every token issued from it. QA can pick a failure from the client app's own
 * settings, without an admin call (Plaid's magic-credential idea).
 */
export const MAGIC_SEPARATOR = '~';

export function splitMagicCredential(value: string): { credential: string; scenario?: string } {
  const at = value.lastIndexOf(MAGIC_SEPARATOR);
  if (at <= 0 || at === value.length - 1) return { credential: value };
  return { credential: value.slice(0, at), scenario: value.slice(at + 1) };
}
