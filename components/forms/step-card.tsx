import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { CARD, CARD_TITLE } from "@/components/forms/styles";

/**
 * One step's form in a card, like `FormCard`, and on a phone the less frequent steps (退回, 上门未遇,
 * 撤销…) folded under their title so the step at hand comes first: `folded` renders a disclosure
 * whose summary is a full-width row at least 44 px tall. When the step is no longer offered, the
 * answer to its last submit alone stays on the page.
 */
export function StepCard({
  id,
  title,
  show,
  state,
  folded = false,
  tone = "default",
  children,
}: {
  id: string;
  title: ReactNode;
  show: boolean;
  state: ActionState;
  folded?: boolean;
  tone?: "default" | "primary";
  children: ReactNode;
}) {
  const message = <FormMessage state={state} />;
  if (!show) return message;
  const card = tone === "primary" ? `${CARD} border-police-700/40 bg-slate-50` : CARD;
  if (folded) {
    return (
      <section aria-labelledby={`${id}-title`} className={card} data-testid={`step-${id}`}>
        {/* Open again after a refusal, so its message and the typed input are seen. */}
        <details className="group" open={state.at !== undefined && !state.ok ? true : undefined}>
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded">
            <h3 id={`${id}-title`} className={CARD_TITLE}>
              {title}
            </h3>
            <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-90">
              ›
            </span>
          </summary>
          <div className="mt-2 space-y-2">{children}</div>
        </details>
        {message}
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-title`} className={card} data-testid={`step-${id}`}>
      <h3 id={`${id}-title`} className={CARD_TITLE}>
        {title}
      </h3>
      {children}
      {message}
    </section>
  );
}
