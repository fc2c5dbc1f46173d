// The class names of the console's forms, in one place: every form takes its labels, controls
// and buttons from here. Two densities: the regular one (admin screens, sign-in, own password)
// and a compact one for the triage cards beside an alert. Tailwind finds the classes in this
// file; never build a class name out of pieces, or it will not.
//
// On a phone (below `sm`, 640 px) every control and button is at least 44 px tall (min-h-11), a
// finger's width: station officers work the instructions on their phones, outdoors.

/** A field's label above its control. */
export const LABEL = "block text-sm font-medium text-slate-700";
export const LABEL_COMPACT = "block text-xs font-medium text-slate-600";

/** Text inputs, selects and text areas; red border while the field has errors. */
export const CONTROL = "mt-1 min-h-11 w-full rounded border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600 sm:min-h-0";
export const CONTROL_COMPACT = "mt-1 min-h-11 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600 sm:min-h-0";

/** A control inside a line or a table cell, without a label above it; the caller adds its width. */
export const CONTROL_INLINE = "min-h-11 rounded border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600 sm:min-h-0";

/** A short explanation under a control. */
export const HINT = "mt-1 text-xs text-slate-500";

/** The button that submits a form. */
export const BUTTON_PRIMARY = "min-h-11 rounded bg-police-700 px-4 py-1.5 text-white hover:bg-police-800 disabled:opacity-60 sm:min-h-0";
export const BUTTON_PRIMARY_COMPACT = "min-h-11 rounded bg-police-700 px-3 py-1 text-sm text-white hover:bg-police-800 disabled:opacity-60 sm:min-h-0";
/** A second, less prominent action. */
export const BUTTON_SECONDARY_COMPACT = "min-h-11 rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60 sm:min-h-0";

/** An action that undoes or refuses work (退回, 撤销): outlined in red. */
export const BUTTON_DANGER_COMPACT = "min-h-11 rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60 sm:min-h-0";

/** The small buttons of a table row (one form each). */
export const BUTTON_ROW = "min-h-11 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 sm:min-h-0";
export const BUTTON_ROW_DANGER = "min-h-11 rounded border border-red-300 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 disabled:opacity-50 sm:min-h-0";

/** A form in a card of its own, with a small heading (the triage cards). */
export const CARD = "space-y-2 rounded border border-slate-200 bg-white p-3";
export const CARD_TITLE = "text-sm font-semibold";

/** A base class list and, if given, the caller's additions (which must not restate what the base sets). */
export function withClasses(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}
