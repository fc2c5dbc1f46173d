import type { ActionState } from "@/lib/actions/action-state";

// Separate from action-state.ts (server-only) so client forms can import it.
export const INITIAL_ACTION_STATE: ActionState = { ok: false };
