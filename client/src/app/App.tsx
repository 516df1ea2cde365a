// The client's root: providers around the router.
import { useState } from "react";
import { RouterProvider } from "react-router/dom";
import { AppProviders } from "./providers.tsx";
import { createRouter } from "./router.tsx";

export function App() {
  const [router] = useState(createRouter);
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
