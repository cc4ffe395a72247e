// Builds the console into dist/console, which the server serves at /console/ (src/http/console.ts). No type-check
// here (tsc -p web/tsconfig.json runs in `npm run lint`): the build stays fast on two cores.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // .vite/manifest.json: which chunks the entry loads at once, read by the size check (test/web/console-size.test.ts).
    manifest: true,
    // The size budget is checked by test/web/console-size.test.ts; Vite's own warning would only repeat it.
    chunkSizeWarningLimit: 1000,
  },
  // `npx vite --config web/vite.config.ts` serves the console with hot reload against a server on :8080.
  server: { proxy: { '/admin': 'http://localhost:8080' } },
});
