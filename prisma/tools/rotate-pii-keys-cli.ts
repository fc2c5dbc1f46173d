// `npm run pii:rotate`: re-seal every personal-data value under PII_ACTIVE_KEY (see rotate-pii-keys.ts).
import "dotenv/config";
import pg from "pg";
import { createVault, parsePiiKeys } from "../../lib/pii/sealing";
import { rotatePiiKeys } from "./rotate-pii-keys";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
const vault = createVault(parsePiiKeys(process.env));
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const { resealed, remaining } = await rotatePiiKeys(client, vault, { log: (line) => console.log(line) });
  const total = Object.values(resealed).reduce((a, b) => a + b, 0);
  console.log(`re-sealed ${total} values under key ${vault.activeKeyId}; ${remaining} left under other keys`);
  if (remaining > 0) process.exitCode = 3;
} finally {
  await client.end();
}
