"use client";

import { BUTTON_PRIMARY_COMPACT } from "@/components/forms/styles";

/** Opens the browser's print dialog (A4, set by the page's @page rule). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={BUTTON_PRIMARY_COMPACT} onClick={() => window.print()}>
      {label}
    </button>
  );
}
