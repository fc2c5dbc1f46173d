import type { ButtonHTMLAttributes, ReactNode } from "react";
import { BUTTON_PRIMARY } from "./styles";

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled">;

/** A form's submit button: disabled while its action runs, and saying `pendingLabel` meanwhile if given. */
export function SubmitButton({ pending, pendingLabel, className = BUTTON_PRIMARY, children, ...button }: ButtonProps & { pending: boolean; pendingLabel?: ReactNode }) {
  return (
    <button {...button} type="submit" disabled={pending} className={className}>
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
