// The bench seals personal data as the console does, with keys of its own: fixed, so that a
// database kept with --reuse-db stays readable by the next run. Bench data only, like the demo
// city's: never use these keys for real data (a real deployment brings its own PII_KEYS).
import { createVault, parsePiiKeys, type Vault } from "@/lib/pii/sealing";

const BENCH_PII_ENV = {
  PII_KEYS: `bench1:${Buffer.from("bench-personal-data-key-32-bytes").toString("base64")}`,
  PII_ACTIVE_KEY: "bench1",
  PII_INDEX_KEY: Buffer.from("bench-blind-index-key--32-bytes!").toString("base64"),
};

/** Puts the bench keys into this process's environment (and so its children's) unless set already. */
export function applyBenchPiiKeys(): void {
  for (const [name, value] of Object.entries(BENCH_PII_ENV)) process.env[name] ??= value;
}

let vault: Vault | undefined;
export function benchVault(): Vault {
  applyBenchPiiKeys();
  vault ??= createVault(parsePiiKeys(process.env));
  return vault;
}
