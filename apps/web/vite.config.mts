import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../../', import.meta.url));
const api = process.env.PARLEY_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@parley/domain': `${workspace}libs/domain/src/index.ts`,
      '@parley/contracts': `${workspace}libs/contracts/src/index.ts`,
      // libs/domain hashes audit events with node:crypto; the browser never calls that code.
      'node:crypto': `${here}src/stubs/node-crypto.ts`,
    },
  },
  build: {
    outDir: `${workspace}dist/web`,
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // Our libraries' modules only declare (schemas, rules, texts): none acts when imported. Saying so
      // lets the bundler drop what a page does not use, e.g. every zod schema a page never parses with.
      treeshake: { moduleSideEffects: (id: string) => !/\/libs\/(contracts|domain)\/src\//.test(id) },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
});
