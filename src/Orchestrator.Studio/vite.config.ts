/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// During `npm run dev` the ASP.NET server (dotnet run --project src/Orchestrator.Server) answers these paths.
const server = 'http://127.0.0.1:5080';
const proxied = ['/api', '/hangfire', '/scalar', '/openapi', '/health'];

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: server, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    reporters: ['default', './vitest.summary.ts'],
    unstubGlobals: true,
    // One jsdom per worker, not per file: src/test/setup.ts resets what tests share (DOM, storage, title, language).
    // 54 files took 225 s and 104 s of CPU isolated, 52 s and 27 s shared (load 17-27); shuffled orders pass too.
    isolate: false,
    // Under a loaded machine a few screen tests took just over the 5 s default.
    testTimeout: 15000,
  },
});
