import { defineConfig } from 'vitest/config';

// Layers: unit (pure, in-process), integration (real host on ephemeral ports, HTTP), e2e (real Chromium
// against the headless host), faults (kill -9, damage, bad inputs; see docs/reliability.md), electron (smoke test; skips where no Electron binary exists).
export default defineConfig({
  test: {
    projects: [
      {
        // Generous limits: RSA key generation and engine start-up slow down a lot on a loaded 2-core machine.
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Breaks things on purpose (kill -9, damaged files, flapping peers, generated bad inputs); sized for CI.
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
