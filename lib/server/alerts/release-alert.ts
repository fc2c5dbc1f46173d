import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { changeAlert } from "./change-alert";

/** 释放: the holder gives a claimed alert back to the queue. */
export async function releaseAlert(actor: Actor, input: { alertId: string; version: number }): Promise<{ version: number }> {
  return changeAlert(actor, input, "release", async () => ({
    data: { status: "NEW", assigneeId: null, claimedAt: null },
    event: "RELEASED",
  }));
}
