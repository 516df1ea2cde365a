// Build settings for the public hall display (大厅显示屏), served by the server under /display/ without
// login. No UI kit: React and socket.io-client only, so a small screen PC loads it fast.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const API_ORIGIN = "http://localhost:3000";

export default defineConfig({
  root: import.meta.dirname,
  base: "/display/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    port: 5175,
    proxy: {
      "/api": { target: API_ORIGIN },
      "/socket.io": { target: API_ORIGIN, ws: true },
    },
  },
});
