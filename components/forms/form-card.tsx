import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { CARD, CARD_TITLE } from "./styles";

/**
 * A form in a card of its own (the triage cards beside an alert): a small heading (`<id>-title`),
 * the form, and under it the answer to the last submit. When the form is no longer offered
 * (`show` false, e.g. the alert was closed meanwhile), that answer alone stays on the page.
 */
export function FormCard({ id, title, show, state, children }: { id: string; title: ReactNode; show: boolean; state: ActionState; children: ReactNode }) {
  const message = <FormMessage state={state} />;
  if (!show) return message;
  return (
    <section aria-labelledby={`${id}-title`} className={CARD}>
      <h3 id={`${id}-title`} className={CARD_TITLE}>
        {title}
      </h3>
      {children}
      {message}
    </section>
  );
}
