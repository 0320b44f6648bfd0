import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static build served by both hosts: Electron loads it from disk (app://), the
// headless host serves it over HTTP. Relative base so both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { host: '127.0.0.1' },
});
