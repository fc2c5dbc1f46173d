// Shared look of the triage forms on the alert page.
export const LABEL = "block text-xs font-medium text-slate-600";
export const CONTROL = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";
export const PRIMARY = "rounded bg-police-700 px-3 py-1 text-sm text-white hover:bg-police-800 disabled:opacity-60";
export const SECONDARY = "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60";
export const CARD = "space-y-2 rounded border border-slate-200 bg-white p-3";
export const TITLE = "text-sm font-semibold";

// A <select>'s defaultValue only applies when it mounts, and React resets a form after its action:
// the selects are keyed by the value handed back on failure, so the user's choice survives.
