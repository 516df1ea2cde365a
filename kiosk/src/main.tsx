// Placeholder for the evaluation kiosk so the workspace builds; the real kiosk replaces this screen.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

function KioskPlaceholder() {
  return (
    <main
      style={{
        minHeight: "100vh",
        margin: 0,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif",
        background: "#f5f5f5",
      }}
    >
      <h1 style={{ fontSize: "clamp(2.5rem, 8vw, 6rem)", margin: 0 }}>评价器 — hallwatch</h1>
    </main>
  );
}

const container = document.getElementById("root");
if (container) {
  document.body.style.margin = "0";
  createRoot(container).render(
    <StrictMode>
      <KioskPlaceholder />
    </StrictMode>,
  );
}
