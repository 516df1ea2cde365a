// Build settings for the window evaluation kiosk (评价器), served by the server under /kiosk/.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const API_ORIGIN = "http://localhost:3000";

export default defineConfig({
  root: import.meta.dirname,
  base: "/kiosk/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    port: 5174,
    proxy: {
      "/api": { target: API_ORIGIN },
      "/socket.io": { target: API_ORIGIN, ws: true },
    },
  },
});
