"use client";

import { Fragment, useCallback, useRef } from "react";
import { useTranslations } from "next-intl";
import { useShortcuts } from "./use-shortcuts";

export interface ShortcutSection {
  heading: string;
  /** Each entry of `keys` is one way to do it; "g q" is a sequence (g, then q). */
  items: { keys: string[]; label: string }[];
}

const KEY_LABELS: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Enter: "Enter", Escape: "Esc" };

/**
 * The "?" help: a button and a modal dialog listing the page's shortcuts. A native <dialog>
 * opened with showModal() keeps focus inside, closes on Esc and gives focus back afterwards.
 */
export function ShortcutHelp({ sections }: { sections: ShortcutSection[] }) {
  const t = useTranslations("shortcuts");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useShortcuts({ "?": open });

  const all: ShortcutSection[] = [
    ...sections,
    {
      heading: t("general.heading"),
      items: [
        { keys: ["?"], label: t("general.help") },
        { keys: ["Escape"], label: t("general.escape") },
      ],
    },
  ];

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-haspopup="dialog"
        className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-600 hover:bg-slate-50"
      >
        {t("button")} <kbd className="rounded border border-slate-300 bg-slate-100 px-1 font-mono">?</kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="shortcut-help-title"
        data-testid="shortcut-help"
        onKeyDown={(e) => {
          if (e.key === "?") dialogRef.current?.close();
        }}
        onClick={(e) => {
          // A click on the backdrop (the dialog element itself, outside its content) closes it.
          if (e.target === dialogRef.current) dialogRef.current?.close();
        }}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id="shortcut-help-title" className="mb-4 text-lg font-semibold">
            {t("title")}
          </h2>
          {all.map((section) => (
            <section key={section.heading} className="mb-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-600">{section.heading}</h3>
              <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
                {section.items.map((item) => (
                  <Fragment key={item.label}>
                    <dt>
                      {item.keys.map((combo, i) => (
                        <Fragment key={combo}>
                          {i > 0 ? <span className="mx-1 text-xs text-slate-500">{t("or")}</span> : null}
                          {combo.split(" ").map((k, j) => (
                            <Fragment key={`${k}-${j}`}>
                              {j > 0 ? <span className="mx-1 text-xs text-slate-500">{t("then")}</span> : null}
                              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{KEY_LABELS[k] ?? k}</kbd>
                            </Fragment>
                          ))}
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{item.label}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
          <p className="mb-4 text-xs text-slate-500">{t("note")}</p>
          <form method="dialog" className="text-right">
            <button type="submit" autoFocus className="rounded bg-police-700 px-3 py-1 text-sm text-white hover:bg-police-800">
              {t("close")}
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
