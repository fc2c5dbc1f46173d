import { describe, expect, it } from "vitest";
import { checkNoticeStep, replyPending } from "@/lib/instructions/supervision-notice-state";

const t = (m: number) => new Date(Date.UTC(2026, 11, 3, 2, m));

describe("supervision notice", () => {
  it("takes one reply per requirement", () => {
    const fresh = { replyRequiredAt: null, repliedAt: null };
    const required = { replyRequiredAt: t(1), repliedAt: null };
    const replied = { replyRequiredAt: t(1), repliedAt: t(2) };
    const requiredAgain = { replyRequiredAt: t(3), repliedAt: t(2) };
    expect([fresh, required, replied, requiredAgain].map(replyPending)).toEqual([false, true, false, true]);
    expect(checkNoticeStep(fresh, "reply")).toBe("noReplyRequired");
    expect(checkNoticeStep(required, "reply")).toBeNull();
    expect(checkNoticeStep(required, "requireReply")).toBe("invalidTransition");
    expect(checkNoticeStep(replied, "requireReply")).toBeNull();
    expect(checkNoticeStep(replied, "comment")).toBeNull();
    expect(checkNoticeStep(null, "comment")).toBe("noNotice");
  });
});
