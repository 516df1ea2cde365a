// The rating pad (评价器): a small React app without a UI kit, served at /kiosk/. A service worker keeps
// the app shell so a reload without network still shows the pad and its outbox keeps the ratings.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { LinkRatingPage } from "./features/linkRating/LinkRatingPage.tsx";
import "./styles.css";

// /kiosk/r is the citizens' rating page of an SMS link (#6), on their own phone: it is no pad, so it
// registers no service worker and keeps no pad state.
const isLinkRating = /^\/kiosk\/r\/?$/.test(window.location.pathname);

if (!isLinkRating && "serviceWorker" in navigator) {
  void navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk/" }).catch(() => undefined);
}

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      {isLinkRating ? <LinkRatingPage /> : <App />}
    </StrictMode>,
  );
}
