import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "prisma/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Personal data must never reach a log line by accident: use lib/log.ts, which redacts.
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Data access lives in the data layer only: pages, components, actions and routes call domain
    // functions (lib/server), which authorize before they read. Types and enums may be imported anywhere.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/server/**", "lib/auth/**", "lib/audit/**", "lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Read and write through a domain function in lib/server (it authorizes and audits)." },
            { name: "pg", message: "Database access belongs in lib/server, lib/auth or lib/audit." },
            { name: "@prisma/adapter-pg", message: "Database access belongs in lib/server, lib/auth or lib/audit." },
          ],
          patterns: [
            {
              group: ["@/prisma/generated/client/client", "**/prisma/generated/client/client"],
              allowTypeImports: true,
              message: "Only types from the Prisma client outside the data layer; data access belongs in lib/server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "prisma/**", "bench/**", "tests/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
];

export default config;
