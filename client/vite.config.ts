import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server (./parley start, port 2567) answers the API, Colyseus and the live feed; in development Vite proxies
// them, so the client is always served from one origin.
const server = process.env.PARLEY_SERVER ?? 'http://localhost:2567';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: {
      '/api': server,
      '/matchmake': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
