import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests: `*.test.ts` beside the module. Integration tests live in tests/ (own config), browser
// tests in e2e/ (Playwright).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server-only throws outside a react-server build; in tests it must be a no-op.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "tests/**", "e2e/**", ".next*/**", "generated/**", "data/**"],
    environment: "node",
    testTimeout: 20_000,
    pool: "forks",
  },
});
