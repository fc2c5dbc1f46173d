import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "./submit-button";
import { withClasses } from "./styles";

/** The last line of a form: its submit button, and beside it the answer to the last submit. */
export function FormFooter({ state, pending, className, children }: { state: ActionState; pending: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={withClasses("flex items-center gap-4", className)}>
      <SubmitButton pending={pending}>{children}</SubmitButton>
      <FormMessage state={state} />
    </div>
  );
}
