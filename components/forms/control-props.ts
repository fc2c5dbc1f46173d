/** The ARIA wiring of one form control, which its label, hint and errors refer to. */
export interface ControlProps {
  id: string;
  "aria-describedby": string;
  "aria-invalid": boolean;
}

/**
 * The attributes that tie a control to its hint (`<id>-hint`) and its errors (`<id>-error`, the
 * id of its `FieldError`), and mark it invalid while it has errors. `Field` uses it; a control
 * laid out apart from its label (a table cell, a search bar) uses it directly.
 */
export function controlProps(id: string, errors: string[] | undefined, hasHint = false): ControlProps {
  return {
    id,
    "aria-describedby": hasHint ? `${id}-hint ${id}-error` : `${id}-error`,
    "aria-invalid": Boolean(errors?.length),
  };
}
