import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer/', import.meta.url));

/**
 * The renderer build. base './' keeps every asset URL relative, so the same build loads from file:// in
 * Electron and from the preview server's '/'.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // One small app: no need to split, and no inline scripts, which the Content-Security-Policy forbids.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
