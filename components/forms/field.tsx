import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { controlProps, type ControlProps } from "./control-props";
import { HINT, LABEL, LABEL_COMPACT } from "./styles";

export interface FieldOptions {
  /** The control's id; its hint and errors get `<id>-hint` and `<id>-error`. */
  id: string;
  label: ReactNode;
  /** The field's errors from the action state (`state.fieldErrors?.name`). */
  errors?: string[];
  /** A short explanation under the control, read with it by screen readers. */
  hint?: ReactNode;
  /** The smaller look of the triage cards. */
  compact?: boolean;
  /** Classes of the field's wrapper (grid placement, `hidden`). */
  className?: string;
}

/**
 * One form field: label, control, hint and errors, wired for assistive technology. The control
 * is the caller's (`children` renders it with the props it must spread); `TextField`,
 * `SelectField` and `TextareaField` are the usual ones.
 */
export function Field({ id, label, errors, hint, compact = false, className, children }: FieldOptions & { children: (control: ControlProps) => ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={compact ? LABEL_COMPACT : LABEL}>
        {label}
      </label>
      {children(controlProps(id, errors, hint !== undefined))}
      {hint !== undefined ? (
        <p id={`${id}-hint`} className={HINT}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
