// Placeholder owned by the action-plan work (issue 6); replaced before commit.
export function ActionPlanPage({ reviewId }: { reviewId: number }) {
  return <h1>Action plan {reviewId}</h1>;
}
