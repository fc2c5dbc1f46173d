// The chain of one instruction as the alert page shows it: 下发 → 分局转派 → 签收 → 到场 → 反馈 →
// 办结, each step with the time it was reached and how long it took after the step before. Pure,
// so the rules for declines, re-routes and send-backs are unit-tested.
import type { InstructionEventKind } from "@/prisma/generated/client/enums";

export type ChainStep = "issued" | "forwarded" | "signedOff" | "onSite" | "reported" | "closed";

export const CHAIN_STEPS: readonly ChainStep[] = ["issued", "forwarded", "signedOff", "onSite", "reported", "closed"];

const STEP_OF: Partial<Record<InstructionEventKind, ChainStep>> = {
  ISSUED: "issued",
  FORWARDED: "forwarded",
  SIGNED_OFF: "signedOff",
  CHECKED_IN: "onSite",
  FEEDBACK: "reported",
  CLOSED: "closed",
  CANCELLED: "closed",
};

/**
 * The steps a backward move undoes: a decline or a re-route starts the work at the station again
 * (a re-route to a district also its forward), a send-back asks for new feedback.
 */
const UNDOES: Partial<Record<InstructionEventKind, readonly ChainStep[]>> = {
  DECLINED: ["signedOff", "onSite", "reported"],
  REROUTED: ["forwarded", "signedOff", "onSite", "reported"],
  SENT_BACK: ["reported"],
};

export interface ChainStepState {
  step: ChainStep;
  /** When the step was (last) reached, or null while it is not. */
  at: string | null;
  /** Time since the reached step before it (milliseconds), for reached steps after the first. */
  afterPreviousMs: number | null;
}

/**
 * The six steps of an instruction from its timeline (oldest first). A step counts from its last
 * occurrence that no later backward move undid. "forwarded" stays unreached when the instruction
 * went straight to a station.
 */
export function chainOf(events: readonly { kind: InstructionEventKind; at: string }[]): ChainStepState[] {
  const reached = new Map<ChainStep, string>();
  for (const e of events) {
    for (const step of UNDOES[e.kind] ?? []) reached.delete(step);
    const step = STEP_OF[e.kind];
    if (step) reached.set(step, e.at);
  }
  let previous: string | null = null;
  return CHAIN_STEPS.map((step) => {
    const at = reached.get(step) ?? null;
    const afterPreviousMs = at && previous ? Date.parse(at) - Date.parse(previous) : null;
    if (at) previous = at;
    return { step, at, afterPreviousMs };
  });
}
