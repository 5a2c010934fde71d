/** A load that failed: what went wrong and, where asking again can help, a button that does. */
export function LoadError({
  message,
  retryLabel,
  onRetry,
  testId,
  className = '',
}: {
  message: string;
  retryLabel?: string;
  onRetry?: () => void;
  testId?: string;
  className?: string;
}) {
  return (
    <div role="alert" className={`mb-6 border-l-4 border-error-1 bg-red-50 px-4 py-3 ${className}`} data-testid={testId}>
      <p className={onRetry ? 'mb-2' : undefined}>{message}</p>
      {onRetry && retryLabel && (
        <button type="button" className="btn-secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
