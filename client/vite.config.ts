// Build and dev-server settings for the supervisor/admin web client. The vendor split keeps the
// long-lived libraries in their own cacheable chunks, each under the 500 kB warning: react (+router),
// antd itself, antd's rc-component/icons/cssinjs layer, and the rest (react-query, zod).
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const API_ORIGIN = "http://localhost:3000";

const REACT_PACKAGES = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/;
const ANTD_PACKAGES = /[\\/]node_modules[\\/]antd[\\/]/;
const ANTD_DEPENDENCIES = /[\\/]node_modules[\\/](@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|stylis|@babel[\\/]runtime)[\\/]/;

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: REACT_PACKAGES, priority: 4 },
            // Only the assessment and bulletin pages (loaded on demand) draw charts; zrender apart keeps
            // each chunk under the warning
            { name: "echarts", test: /[\\/]node_modules[\\/]echarts[\\/]/, priority: 5 },
            { name: "zrender", test: /[\\/]node_modules[\\/]zrender[\\/]/, priority: 6 },
            { name: "antd", test: ANTD_PACKAGES, priority: 2 },
            { name: "antd-deps", test: ANTD_DEPENDENCIES, priority: 3 },
            { name: "vendor", test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: API_ORIGIN },
      "/socket.io": { target: API_ORIGIN, ws: true },
    },
  },
});
