import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Each file drives real browsers; on two cores they are steadier one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Builds and packages the extension, and once more from the source archive after `npm ci`: minutes.
        // `npm run package` rebuilds dist/ in place, so `npm test` runs this project after the browser tests:
        // run beside them, it emptied dist/ under a launching browser, which then had no messages at all.
        test: { name: 'release', include: ['test/release/**/*.test.ts'], environment: 'node', testTimeout: 600_000 },
      },
    ],
  },
});
