import type { SelectHTMLAttributes } from "react";
import { Field, type FieldOptions } from "./field";
import { CONTROL, CONTROL_COMPACT } from "./styles";

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className" | "aria-describedby" | "aria-invalid" | "children">;

/**
 * A labelled `<select>` of `options`, after an empty first option labelled `placeholder` when
 * given ("please choose"). Other props go to the select. A select takes `defaultValue` only when
 * it mounts: give the field a `key` that changes with the value it should show.
 */
export function SelectField({
  id,
  label,
  errors,
  hint,
  compact,
  className,
  options,
  placeholder,
  ...select
}: FieldOptions & SelectProps & { options: SelectOption[]; placeholder?: string }) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint} compact={compact} className={className}>
      {(control) => (
        <select {...select} {...control} className={compact ? CONTROL_COMPACT : CONTROL}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
