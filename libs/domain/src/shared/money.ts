export const CURRENCIES = ['USD', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Whole currency units (no cents): offers and bands are quoted in whole units. */
export interface Money {
  amount: number;
  currency: Currency;
}

const SYMBOL: Record<Currency, string> = { USD: '$', GBP: '£' };

/** `$250,000` / `£139,999`; used in every human-readable message so they read the same. */
export function formatMoney(money: Money): string {
  const sign = money.amount < 0 ? '-' : '';
  return `${sign}${SYMBOL[money.currency]}${Math.abs(money.amount).toLocaleString('en-US')}`;
}
