import { useTranslations } from "next-intl";
import type { BankRequestStatus } from "@/prisma/generated/client/enums";

// Colour is never the only signal: the badge says the status in words (超时 derived when read).
const STYLE: Record<BankRequestStatus | "TIMED_OUT", string> = {
  AWAITING_APPROVAL: "bg-slate-100 text-slate-800",
  SENT: "bg-sky-100 text-sky-900",
  ACCEPTED: "bg-indigo-100 text-indigo-900",
  COMPLETED: "bg-green-100 text-green-900",
  REFUSED: "bg-amber-100 text-amber-950",
  CANCELLED: "bg-slate-100 text-slate-600",
  TIMED_OUT: "bg-red-700 text-white",
};

export function RequestStatusBadge({ status }: { status: BankRequestStatus | "TIMED_OUT" }) {
  const t = useTranslations("money.status");
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`} data-testid="request-status" data-status={status}>
      {status === "TIMED_OUT" ? "⚠ " : null}
      {t(status)}
    </span>
  );
}
