import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The browser host bundled for Node, so `npm run web` starts plain JavaScript instead of
 * transpiling TypeScript on every start. Dependencies stay external (native SQLite among them).
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'main/web/main.ts'),
        // Background jobs run in worker threads loaded from ./worker.js (main/jobs/runner.ts).
        worker: resolve(import.meta.dirname, 'main/jobs/worker.ts'),
        // Report PDFs are drawn in ./reports-worker.js (main/reports/render-worker.ts).
        'reports-worker': resolve(import.meta.dirname, 'main/reports/worker.ts'),
      },
      output: { entryFileNames: '[name].js' },
    },
  },
});
