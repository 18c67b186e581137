/**
 * Why the edited definition cannot be used, in the words validateDefinition
 * writes — the same sentences the API's 400 carries.
 */
export function ValidationMessages({ errors, showingPrevious }: { errors: readonly string[]; showingPrevious: boolean }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" data-testid="definition-errors" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p className="font-medium">
        {errors.length === 1 ? "This definition cannot be used yet:" : `This definition has ${errors.length} problems:`}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
      {showingPrevious && <p className="mt-2 text-xs text-red-700">The table still shows the numbers of the last valid definition.</p>}
    </div>
  );
}
