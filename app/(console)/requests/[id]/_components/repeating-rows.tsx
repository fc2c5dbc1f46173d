"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { BUTTON_ROW, BUTTON_ROW_DANGER, CONTROL_INLINE, LABEL_COMPACT, withClasses } from "@/components/forms/styles";
import { FieldError } from "@/components/ui/field-error";

export interface RowColumn {
  name: string;
  label: string;
  type?: "text" | "datetime-local" | "date" | "select";
  inputMode?: "decimal" | "numeric";
  options?: { value: string; label: string }[];
}

type Row = Record<string, string>;

/**
 * A repeating part of a form (资金流出 lines, earlier freezes): the rows live in this component and
 * go to the action as one JSON field `name` (lib/schemas/cases.ts `rows()`). Errors come back keyed
 * `<name>.<row>.<column>` and show under their cell; an error of the whole list under the list.
 */
export function RepeatingRows({ name, columns, addLabel, errors }: { name: string; columns: RowColumn[]; addLabel: string; errors?: Record<string, string[]> }) {
  const t = useTranslations("bankRequestPage.rows");
  const [rows, setRows] = useState<Row[]>([]);
  const empty = (): Row => Object.fromEntries(columns.map((c) => [c.name, ""]));
  const set = (i: number, column: string, value: string) => setRows((all) => all.map((r, j) => (j === i ? { ...r, [column]: value } : r)));
  return (
    <fieldset className="space-y-2" data-testid={`rows-${name}`}>
      <input type="hidden" name={name} value={JSON.stringify(rows)} />
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-1 gap-2 rounded border border-slate-200 bg-slate-50 p-2 sm:grid-cols-2" data-testid={`${name}-row`}>
          {columns.map((c) => {
            const id = `${name}-${i}-${c.name}`;
            const cellErrors = errors?.[`${name}.${i}.${c.name}`];
            return (
              <div key={c.name}>
                <label htmlFor={id} className={LABEL_COMPACT}>
                  {c.label}
                </label>
                {c.type === "select" ? (
                  <select id={id} value={row[c.name]} onChange={(e) => set(i, c.name, e.target.value)} aria-invalid={Boolean(cellErrors)} aria-describedby={`${id}-error`} className={withClasses(CONTROL_INLINE, "mt-1 w-full text-sm")}>
                    <option value="">{t("choose")}</option>
                    {c.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    type={c.type ?? "text"}
                    inputMode={c.inputMode}
                    value={row[c.name]}
                    onChange={(e) => set(i, c.name, e.target.value)}
                    aria-invalid={Boolean(cellErrors)}
                    aria-describedby={`${id}-error`}
                    className={withClasses(CONTROL_INLINE, "mt-1 w-full text-sm")}
                  />
                )}
                <FieldError id={`${id}-error`} errors={cellErrors} />
              </div>
            );
          })}
          <div className="sm:col-span-2">
            <button type="button" className={BUTTON_ROW_DANGER} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
              {t("remove")}
            </button>
          </div>
        </div>
      ))}
      <button type="button" className={BUTTON_ROW} onClick={() => setRows((all) => [...all, empty()])}>
        + {addLabel}
      </button>
      <FieldError id={`${name}-error`} errors={errors?.[name]} />
    </fieldset>
  );
}
