import path from "node:path";
import { defineConfig } from "vitest/config";

// vitest 5 declares Node 22 and its reporter calls Map.groupBy (Node 21+) when printing
// failures; on Node 20 the report of a failing run would itself crash. Small, exact polyfill.
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const out = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; the domain code it guards runs
  // directly in the integration tests, against a real database.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Every file gets its own database, so files run in parallel safely.
          pool: "forks",
        },
      },
    ],
  },
});
