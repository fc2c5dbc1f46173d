import type { TextareaHTMLAttributes } from "react";
import { Field, type FieldOptions } from "./field";
import { CONTROL, CONTROL_COMPACT, withClasses } from "./styles";

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className" | "aria-describedby" | "aria-invalid" | "children">;

/** A labelled `<textarea>`; other props go to the text area. */
export function TextareaField({ id, label, errors, hint, compact, className, controlClassName, ...textarea }: FieldOptions & TextareaProps & { controlClassName?: string }) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} compact={compact} className={className}>
      {(control) => <textarea {...textarea} {...control} className={withClasses(compact ? CONTROL_COMPACT : CONTROL, controlClassName)} />}
    </Field>
  );
}
