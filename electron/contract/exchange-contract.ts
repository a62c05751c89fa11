/** Issue 6 calls of this feature; spread into the contract in contract.ts. */
export const exchangeContract = {} as const;
