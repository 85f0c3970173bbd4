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

/** Invented German banks (8-digit bank codes, 11-character BICs); the wizard accepts them like the test bank. */
const INVENTED: Array<Omit<Bank, 'countryId' | 'testbank'>> = [
  {
    bankCode: '10050099',
    bic: 'SPUFDEB1XXX',
    name: 'Spreeufer Sparkasse',
    shortName: 'Spreeufer SPK',
    city: 'Berlin',
    zipcode: '10178',
  },
  {
    bankCode: '20040077',
    bic: 'HMBKDEHHXXX',
    name: 'Hanseatische Musterbank',
    shortName: 'Hanse Musterbank',
    city: 'Hamburg',
    zipcode: '20095',
  },
  {
    bankCode: '37060188',
    bic: 'DSVBDED1XXX',
    name: 'Domstadt Volksbank eG',
    shortName: 'Domstadt VB',
    city: 'Köln',
    zipcode: '50667',
  },
  {
    bankCode: '50070055',
    bic: 'MUDBDEFFXXX',
    name: 'Mainufer Direktbank',
    shortName: 'Mainufer Direkt',
    city: 'Frankfurt am Main',
    zipcode: '60311',
  },
  {
    bankCode: '60050011',
    bic: 'NPBKDESSXXX',
    name: 'Neckar Privatbank',
    shortName: 'Neckar Privat',
    city: 'Stuttgart',
    zipcode: '70173',
  },
  {
    bankCode: '70090066',
    bic: 'ITRBDEM1XXX',
    name: 'Isartal Raiffeisenbank eG',
    shortName: 'Isartal RB',
    city: 'München',
    zipcode: '80331',
  },
];

export const BANKS: Bank[] = [
  TEST_BANK,
  ...INVENTED.map((bank) => ({ ...bank, countryId: 'DE', testbank: false })),
];

export function findBank(bankCode: string): Bank | undefined {
  return BANKS.find((bank) => bank.bankCode === bankCode);
}

/** A bank by its code or BIC (a BIC of 8 characters matches its 11-character form with XXX). */
export function findBankByCodeOrBic(text: string): Bank | undefined {
  const wanted = text.trim().toUpperCase();
  return BANKS.find((bank) => bank.bankCode === wanted || bank.bic === wanted || bank.bic === `${wanted}XXX`);
}

export const bankView = (bank: Bank) => ({
  bank_code: bank.bankCode,
  bic: bank.bic,
  name: bank.name,
  short_name: bank.shortName,
  zipcode: bank.zipcode,
  city: bank.city,
  country_id: bank.countryId,
  testmode: bank.testbank,
  xs2a_products: ['xs2a_api', 'xs2a_risk', 'xs2a_pay'],
  xs2a_supported: true,
});
