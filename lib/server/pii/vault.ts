import "server-only";
import { env } from "@/lib/env";
import { createVault, parsePiiKeys, type Vault } from "@/lib/pii/sealing";

// The app's one vault for personal data at rest, from the keys in the environment. Domain code
// seals what it writes and opens what it shows through it, and finds people by blind index.
let cached: Vault | undefined;

export function vault(): Vault {
  cached ??= createVault(parsePiiKeys(env()));
  return cached;
}
