/** Banks the emulation knows. The test bank is XS2A's own; the others are invented, with valid shapes. */
export interface Bank {
  bankCode: string;
  bic: string;
  name: string;
  shortName: string;
  city: string;
  zipcode: string;
  countryId: string;
  testbank: boolean;
}

export const TEST_BANK: Bank = {
  bankCode: '88888888',
  bic: 'TESTDE88XXX',
  name: 'Testbank',
  shortName: 'Testbank',
  city: 'Berlin',
  zipcode: '10115',
  countryId: 'DE',
  testbank: true,
};

export const BANKS: Bank[] = [TEST_BANK];

export function findBank(bankCode: string): Bank | undefined {
  return BANKS.find((bank) => bank.bankCode === bankCode);
}
