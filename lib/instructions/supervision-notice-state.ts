// The state of a supervision notice (督办单): raised by the worker at escalation; supervisors and
// the district comment on it and may require the station's reply; the station replies once per
// requirement. Pure, so it is unit-tested.

export interface NoticeState {
  replyRequiredAt: Date | null;
  repliedAt: Date | null;
}

/** A reply has been required and not yet given since. */
export function replyPending(notice: NoticeState): boolean {
  return notice.replyRequiredAt !== null && (notice.repliedAt === null || notice.repliedAt < notice.replyRequiredAt);
}

export type NoticeAction = "comment" | "requireReply" | "reply";

/** Why a step on the notice is refused (a catalog key under `errors.` and `audit.reasons.`). */
export type NoticeRefusal = "noNotice" | "noReplyRequired" | "invalidTransition";

/** Why a step on the notice is refused, or null. */
export function checkNoticeStep(notice: NoticeState | null, action: NoticeAction): NoticeRefusal | null {
  if (!notice) return "noNotice";
  switch (action) {
    case "comment":
      return null;
    case "requireReply":
      return replyPending(notice) ? "invalidTransition" : null;
    case "reply":
      return replyPending(notice) ? null : "noReplyRequired";
  }
}
