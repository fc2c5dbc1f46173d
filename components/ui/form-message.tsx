/** The form-level message of an action (error or confirmation), announced to screen readers. */
export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message ? (
        <p role={ok ? "status" : "alert"} data-testid="form-message" className={`rounded px-3 py-2 text-sm ${ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
