// `npm start`: start the server, print where to go and how to sign in, stop cleanly on SIGTERM.
import { ROLE_LABELS } from "./contracts/roles.ts";
import { loadConfig } from "./config.ts";
import { DEMO_PASSWORD } from "./domain/bootstrap/bootstrapDatabase.ts";
import { startServer } from "./server.ts";

const started = performance.now();
const config = loadConfig();
let lastStep = "";
const running = await startServer(config, {
  onProgress: ({ step, done, total }) => {
    if (step !== lastStep) process.stdout.write(`${lastStep ? "\n" : ""}  demo data: ${step} `);
    lastStep = step;
    if (done === total) process.stdout.write(`${total} ✓`);
  },
});
if (lastStep) process.stdout.write("\n");

const { bootstrap, url } = running;
const lines = [
  "",
  `hallwatch is ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  `  supervisor & admin client  ${url}/`,
  `  rating pad (kiosk)         ${url}/kiosk/`,
  `  API                        ${url}/api/   (health: ${url}/healthz, ${url}/readyz)`,
  `  database                   ${config.DATABASE_URL}`,
];
if (bootstrap.created) {
  lines.push("", `First start: database created in ${(bootstrap.ms / 1000).toFixed(1)} s.`);
  if (bootstrap.adminPassword) {
    lines.push(
      `  admin password${bootstrap.adminPassword.generated ? " (generated, shown only this once)" : " (from ADMIN_PASSWORD)"}: ${bootstrap.adminPassword.generated ? bootstrap.adminPassword.value : "********"}`,
    );
  }
  if (bootstrap.demo) {
    const d = bootstrap.demo;
    lines.push(`  demo hall: ${d.centers} center(s), ${d.departments} departments, ${d.items} items, ${d.windows} windows, ${d.staff} staff, ${d.users} accounts`);
  }
}
if (config.DEMO) {
  lines.push("", `Demo logins (password for all but admin: ${DEMO_PASSWORD}):`);
  const logins = bootstrap.demo?.logins ?? [
    { username: "admin", role: "ADMIN" as const, note: "" },
    { username: "security", role: "SECURITY_ADMIN" as const, note: "" },
    { username: "leader", role: "LEADER" as const, note: "" },
    { username: "supervisor", role: "SUPERVISOR" as const, note: "" },
    { username: "s0001", role: "STAFF" as const, note: "" },
    { username: "auditor", role: "AUDITOR" as const, note: "" },
    { username: "cityleader", role: "CITY_LEADER" as const, note: "" },
    { username: "cityauditor", role: "CITY_AUDITOR" as const, note: "" },
  ];
  for (const l of logins) lines.push(`  ${l.username.padEnd(22)} ${ROLE_LABELS[l.role].zh} / ${ROLE_LABELS[l.role].en}${l.note ? `  — ${l.note}` : ""}`);
}
console.log(lines.join("\n"));

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.services.logger.info({ signal }, "shutting down");
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        running.services.logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
