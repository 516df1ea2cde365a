// Cancelling an open invitation (POST /api/invitations/:id/cancel) over a real server and a real
// socket.io-client pad: the pad hears invitation.cancelled at once, a rating made for it afterwards is
// refused for good (INVITATION_CANCELLED, retryable: false) and nothing is written; only the staff
// member signed in at that window, supervisors and leaders may cancel; a closed invitation cannot be.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvitationDto } from "../../server/src/contracts/evaluations.ts";
import type { InvitationMessage } from "../../server/src/contracts/kiosk.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let windowA: number;
let windowB: number;
let staff: ApiClient;
let otherStaff: ApiClient;
let supervisor: ApiClient;
let padA: TestPad;

type ErrorBody = { error: { code: string; message: string; messageEn: string } };
const rating = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), level: 4, ratedAt: clock.now().toISOString(), ...over });

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { prisma } = server.services;
  const windows = await prisma.window.findMany({ orderBy: { number: "asc" }, take: 2 });
  [windowA, windowB] = [windows[0]!.id, windows[1]!.id];
  const accounts = await demoAccounts(server, windows[0]!.centerId);
  const second = await prisma.user.findFirstOrThrow({ where: { role: "STAFF", centerId: windows[0]!.centerId, id: { not: accounts.STAFF.userId } }, orderBy: { id: "asc" } });
  // Two staff members, each signed in at a window (the shifts #3 records).
  const signedInAt = new Date(clock.now().getTime() - 3600_000);
  await prisma.shift.create({ data: { centerId: windows[0]!.centerId, windowId: windowA, staffId: accounts.STAFF.staffId!, startedAt: signedInAt } });
  await prisma.shift.create({ data: { centerId: windows[0]!.centerId, windowId: windowB, staffId: second.staffId!, startedAt: signedInAt } });
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  otherStaff = new ApiClient(server.url);
  await otherStaff.login(second.username, DEMO_PASSWORD);
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  padA = await connectPad(server, windowA);
}, 120_000);
afterAll(async () => {
  padA?.close();
  await server?.stop();
});

const invite = async (client: ApiClient, body: Record<string, unknown> = {}) => {
  const heard = padA.next<InvitationMessage>("invitation.created");
  const res = await client.post<InvitationDto>("/api/invitations", body);
  expect(res.status).toBe(201);
  expect((await heard).invitationId).toBe(res.body.id);
  return res.body;
};

describe("POST /api/invitations/:id/cancel", () => {
  it("tells the pad at once, and a rating made afterwards is refused for good with nothing written", async () => {
    const inv = await invite(staff);
    const cancelledOnPad = padA.next<{ invitationId: string }>("invitation.cancelled");
    const res = await staff.post<InvitationDto>(`/api/invitations/${inv.id}/cancel`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: inv.id, cancelledAt: clock.now().toISOString() });
    expect((await cancelledOnPad).invitationId).toBe(inv.id);

    clock.advance(1000);
    const before = await server.services.prisma.evaluation.count();
    const ack = await padA.submit(rating({ invitationId: inv.id }));
    expect(ack).toMatchObject({ ok: false, error: { code: "INVITATION_CANCELLED", retryable: false } });
    expect(await server.services.prisma.evaluation.count()).toBe(before);
    const audit = await server.services.prisma.auditEntry.findFirst({ where: { action: "cancel.invitation", entityId: inv.id } });
    expect(audit).not.toBeNull();
  });

  it("still accepts a rating the citizen made before the cancel (a pad that was offline sends it late)", async () => {
    const inv = await invite(staff);
    const ratedBefore = clock.now().toISOString();
    clock.advance(5000);
    expect((await staff.post(`/api/invitations/${inv.id}/cancel`, {})).status).toBe(200);
    expect(await padA.submit(rating({ invitationId: inv.id, ratedAt: ratedBefore }))).toMatchObject({ ok: true, duplicate: false });
  });

  it("refuses to cancel an invitation that is over: cancelled, rated or expired (409 INVITATION_CLOSED)", async () => {
    const cancelled = await invite(staff);
    expect((await staff.post(`/api/invitations/${cancelled.id}/cancel`, {})).status).toBe(200);
    const again = await staff.post<ErrorBody>(`/api/invitations/${cancelled.id}/cancel`, {});
    expect([again.status, again.body.error.code]).toEqual([409, "INVITATION_CLOSED"]);
    expect(again.body.error.message).toMatch(/已结束/);

    const rated = await invite(staff);
    expect(await padA.submit(rating({ invitationId: rated.id }))).toMatchObject({ ok: true });
    const res = await staff.post<ErrorBody>(`/api/invitations/${rated.id}/cancel`, {});
    expect([res.status, res.body.error.code]).toEqual([409, "INVITATION_CLOSED"]);

    const expired = await invite(staff);
    clock.advance(6 * 60_000);
    const late = await staff.post<ErrorBody>(`/api/invitations/${expired.id}/cancel`, {});
    expect([late.status, late.body.error.code]).toEqual([409, "INVITATION_CLOSED"]);
  });

  it("lets the staff member of that window and supervisors cancel, not staff of another window", async () => {
    const inv = await invite(staff);
    const foreign = await otherStaff.post<ErrorBody>(`/api/invitations/${inv.id}/cancel`, {});
    expect([foreign.status, foreign.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const cancelledOnPad = padA.next<{ invitationId: string }>("invitation.cancelled");
    expect((await supervisor.post(`/api/invitations/${inv.id}/cancel`, {})).status).toBe(200);
    expect((await cancelledOnPad).invitationId).toBe(inv.id);
  });

  it("answers 400 for an id that is not a UUID and 404 for an unknown one", async () => {
    const bad = await staff.post<ErrorBody>("/api/invitations/abc/cancel", {});
    expect([bad.status, bad.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    const unknown = await staff.post<ErrorBody>(`/api/invitations/${randomUUID()}/cancel`, {});
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "NOT_FOUND"]);
  });
});
