import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Every build gets an id (BUILD_ID from the environment, else the build time and a random part).
// The SPA embeds it (__BUILD_ID__) and the build writes it to dist/version.json, which the API
// reports at GET /api/v1/version: a running SPA sees when the server serves another build.
const BUILD_ID =
  process.env.BUILD_ID ||
  `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${Math.random().toString(36).slice(2, 8)}`;

function buildVersionFile(): Plugin {
  return {
    name: 'channeldesk-build-version',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'version.json', source: `${JSON.stringify({ build: BUILD_ID })}\n` });
    },
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'channeldesk-build', content: BUILD_ID }, injectTo: 'head' }],
  };
}

// The API serves the built SPA (frontend/dist) at /; in development Vite proxies /api to it.
export default defineConfig(({ command }) => ({
  plugins: [react(), buildVersionFile()],
  define: { __BUILD_ID__: JSON.stringify(command === 'build' ? BUILD_ID : 'dev') },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
}));
