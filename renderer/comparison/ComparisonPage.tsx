// Placeholder owned by the comparison work (issue 6); replaced before commit.
export function ComparisonPage() {
  return <h1>Comparison</h1>;
}
