/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The AppHost sets PORT and, Aspire's way, the gateway's address as services__gateway__http__0.
const port = Number(process.env.PORT ?? 5173);
const gateway = process.env.services__gateway__http__0 ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '0.0.0.0',
    port,
    strictPort: true,
    // SSE (/api/events/{id}/live) passes through the same proxy; http-proxy streams it as it comes.
    proxy: { '/api': { target: gateway, changeOrigin: true, xfwd: true } },
  },
  preview: { host: '0.0.0.0', port },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/__tests__/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
