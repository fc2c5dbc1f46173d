// Session and lockout rules (foundation issue): 30 minutes idle, 12 hours at most, 5 wrong
// passwords lock the account for 15 minutes.
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often, so reads do not each become a write. */
export const SESSION_TOUCH_EVERY_MS = 60_000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
