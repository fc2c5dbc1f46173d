// Which errors Auth.js reports that are expected outcomes, not faults. A wrong password is audited
// by the sign-in function; logging it at ERROR would bury real faults. Auth.js's error classes
// carry a static `type`; their `name` is the constructor's, which minification renames, so the
// type is what to compare.
const EXPECTED_TYPES = new Set(["CredentialsSignin"]);

export function isExpectedAuthError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === "string" && EXPECTED_TYPES.has(type);
}
