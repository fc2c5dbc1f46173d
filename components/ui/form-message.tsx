"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The time of the newest answer any form on the page has shown. Of several forms on one page (the
 * triage cards beside an alert), only the newest answer stays: "已释放" replaces "已认领" instead
 * of standing beside it.
 */
const NewestAnswer = createContext<{ newest: number; report: (at: number) => void } | null>(null);

export function FormMessages({ children }: { children: ReactNode }) {
  const [newest, setNewest] = useState(0);
  return <NewestAnswer.Provider value={{ newest, report: (at) => setNewest((n) => Math.max(n, at)) }}>{children}</NewestAnswer.Provider>;
}

/**
 * The form-level message of an action (error or confirmation), announced to screen readers. Give
 * it the action's `state`; a fixed `message` (with `ok`) is shown as it is.
 */
export function FormMessage({ state, ok, message }: { state?: ActionState; ok?: boolean; message?: string }) {
  const scope = useContext(NewestAnswer);
  const at = state?.at;
  const report = scope?.report;
  useEffect(() => {
    if (at && report) report(at);
  }, [at, report]);
  const text = state ? state.message : message;
  const positive = state ? state.ok : ok;
  const superseded = Boolean(at && scope && at < scope.newest);
  return (
    <div aria-live="polite" aria-atomic="true">
      {text && !superseded ? (
        <p role={positive ? "status" : "alert"} data-testid="form-message" className={`rounded px-3 py-2 text-sm ${positive ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {text}
        </p>
      ) : null}
    </div>
  );
}
