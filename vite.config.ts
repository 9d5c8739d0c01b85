import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// Two entries: the staff console at / and the public portal at /portal/, each with its own bundle so a
// citizen's phone never downloads the console's component library.
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        console: path.resolve(import.meta.dirname, 'web/index.html'),
        portal: path.resolve(import.meta.dirname, 'web/portal/index.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/open311': 'http://localhost:3000' } },
});
