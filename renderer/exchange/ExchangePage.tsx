// Placeholder owned by the exchange work (issue 6); replaced before commit.
export function ExchangePage() {
  return <h1>Exchange</h1>;
}
