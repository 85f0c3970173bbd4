/** ISO 13616 check digits: move the country to the end, letters to numbers, 98 - (n mod 97). */
function checkDigits(country: string, bban: string): string {
  const digits = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return String(98 - remainder).padStart(2, '0');
}

/** A German IBAN: `DE` + check digits + 8-digit bank code + 10-digit account number. */
export function germanIban(bankCode: string, accountNumber: string): string {
  const bban = bankCode.padStart(8, '0') + accountNumber.padStart(10, '0');
  return `DE${checkDigits('DE', bban)}${bban}`;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  return checkDigits(compact.slice(0, 2), compact.slice(4)) === compact.slice(2, 4);
}
