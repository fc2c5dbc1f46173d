import type { InputHTMLAttributes } from "react";
import { Field, type FieldOptions } from "./field";
import { CONTROL, CONTROL_COMPACT, withClasses } from "./styles";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "aria-describedby" | "aria-invalid" | "children">;

/** A labelled `<input>` (text, password, number…); other props go to the input. */
export function TextField({ id, label, errors, hint, compact, className, controlClassName, ...input }: FieldOptions & InputProps & { controlClassName?: string }) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} compact={compact} className={className}>
      {(control) => <input {...input} {...control} className={withClasses(compact ? CONTROL_COMPACT : CONTROL, controlClassName)} />}
    </Field>
  );
}
