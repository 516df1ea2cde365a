// Every URL of the client. Signed-in pages sit behind the session gate and the layout; list pages
// also behind their NAV_BY_ROLE entry, so a role that lacks one sees 403 rather than an error.
import { createBrowserRouter } from "react-router";
import { CrashPage, NotFoundPage } from "../components/StatusPages.tsx";
import { AuditPage } from "../features/audit/components/AuditPage.tsx";
import { CatalogItemPage } from "../features/catalog/components/CatalogItemPage.tsx";
import { CatalogPage } from "../features/catalog/components/CatalogPage.tsx";
import { SettingsPage } from "../features/settings/components/SettingsPage.tsx";
import { DutyPage } from "../features/duty/components/DutyPage.tsx";
import { CalendarPage } from "../features/calendar/components/CalendarPage.tsx";
import { DevicesPage } from "../features/devices/components/DevicesPage.tsx";
import { LiveHallPage } from "../features/liveHall/components/LiveHallPage.tsx";
import { QueueKeysPage } from "../features/liveHall/components/QueueKeysPage.tsx";
import { AlertsPage } from "../features/alerts/components/AlertsPage.tsx";
import { InspectionFormPage } from "../features/inspections/components/InspectionFormPage.tsx";
import { InspectionsPage } from "../features/inspections/components/InspectionsPage.tsx";
import { ChecklistPage } from "../features/inspections/components/ChecklistPage.tsx";
import { EvaluationFeedPage } from "../features/evaluations/components/EvaluationFeedPage.tsx";
import { AccountabilityPage } from "../features/accountability/components/AccountabilityPage.tsx";
import { CaseNoticePage } from "../features/cases/components/CaseNoticePage.tsx";
import { CasesPage } from "../features/cases/components/CasesPage.tsx";
import { InquiriesPage } from "../features/inquiries/components/InquiriesPage.tsx";
import { ComplaintsPage } from "../features/complaints/components/ComplaintsPage.tsx";
import { OutboxPage } from "../features/notifications/components/OutboxPage.tsx";
import { LookupPage } from "../features/lookup/components/LookupPage.tsx";
import { ChangePasswordPage } from "../features/auth/components/ChangePasswordPage.tsx";
import { LoginPage } from "../features/auth/components/LoginPage.tsx";
import { RequireSession } from "../features/auth/components/RequireSession.tsx";
import { CentersPage } from "../features/centers/components/CentersPage.tsx";
import { DepartmentsPage } from "../features/departments/components/DepartmentsPage.tsx";
import { ItemsPage } from "../features/items/components/ItemsPage.tsx";
import { HomePage } from "../features/overview/components/HomePage.tsx";
import { StaffPage } from "../features/staff/components/StaffPage.tsx";
import { UsersPage } from "../features/users/components/UsersPage.tsx";
import { WindowsPage } from "../features/windows/components/WindowsPage.tsx";
import { MyScoresRoute, QuarterEvaluationRoute, RankingsRoute, RulesRoute, RunsRoute, WeeklyReviewRoute } from "../features/assessment/pages.tsx";
import { BulletinsRoute, BulletinViewRoute, DeliveriesRoute, DepartmentBulletinsRoute } from "../features/bulletins/pages.tsx";
import { AppealsPage } from "../features/appeals/components/AppealsPage.tsx";
import { RectificationsPage } from "../features/rectifications/components/RectificationsPage.tsx";
import { RatingReportsPage } from "../features/ratingReports/components/RatingReportsPage.tsx";
import { AppLayout } from "./layout/AppLayout.tsx";
import { RequireNav } from "./RequireNav.tsx";

export function createRouter() {
  return createBrowserRouter([
    { path: "/login", element: <LoginPage />, errorElement: <CrashPage /> },
    // Public: the item catalogue (办事指南) and each item's printable guide
    { path: "/catalog", element: <CatalogPage />, errorElement: <CrashPage /> },
    { path: "/catalog/items/:id", element: <CatalogItemPage />, errorElement: <CrashPage /> },
    // Public: the case lookup a citizen reaches from the QR code on the acceptance notice
    { path: "/lookup", element: <LookupPage />, errorElement: <CrashPage /> },
    {
      element: <RequireSession />,
      errorElement: <CrashPage />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomePage /> },
            { path: "password", element: <ChangePasswordPage /> },
            { path: "centers", element: <RequireNav navKey="centers"><CentersPage /></RequireNav> },
            { path: "departments", element: <RequireNav navKey="departments"><DepartmentsPage /></RequireNav> },
            { path: "windows", element: <RequireNav navKey="windows"><WindowsPage /></RequireNav> },
            { path: "staff", element: <RequireNav navKey="staff"><StaffPage /></RequireNav> },
            { path: "items", element: <RequireNav navKey="items"><ItemsPage /></RequireNav> },
            { path: "users", element: <RequireNav navKey="users"><UsersPage /></RequireNav> },
            { path: "audit", element: <RequireNav navKey="audit"><AuditPage /></RequireNav> },
            { path: "settings", element: <RequireNav navKey="settings"><SettingsPage /></RequireNav> },
            { path: "duty", element: <RequireNav navKey="duty"><DutyPage /></RequireNav> },
            { path: "calendar", element: <RequireNav navKey="calendar"><CalendarPage /></RequireNav> },
            { path: "cases", element: <RequireNav navKey="cases"><CasesPage /></RequireNav> },
            { path: "cases/:id/notice", element: <RequireNav navKey="cases"><CaseNoticePage /></RequireNav> },
            { path: "cases/outbox", element: <RequireNav navKey="accountability"><OutboxPage /></RequireNav> },
            { path: "inquiries", element: <RequireNav navKey="inquiries"><InquiriesPage /></RequireNav> },
            { path: "complaints", element: <RequireNav navKey="complaints"><ComplaintsPage /></RequireNav> },
            { path: "accountability", element: <RequireNav navKey="accountability"><AccountabilityPage /></RequireNav> },
            { path: "evaluations", element: <RequireNav navKey="evaluations"><EvaluationFeedPage /></RequireNav> },
            { path: "devices", element: <RequireNav navKey="devices"><DevicesPage /></RequireNav> },
            { path: "live", element: <RequireNav navKey="live"><LiveHallPage /></RequireNav> },
            { path: "queue-keys", element: <RequireNav navKey="queueKeys"><QueueKeysPage /></RequireNav> },
            { path: "alerts", element: <RequireNav navKey="alerts"><AlertsPage /></RequireNav> },
            { path: "inspections", element: <RequireNav navKey="inspections"><InspectionsPage /></RequireNav> },
            { path: "inspections/new", element: <RequireNav navKey="inspections"><InspectionFormPage /></RequireNav> },
            { path: "inspection-checklist", element: <RequireNav navKey="inspectionChecklist"><ChecklistPage /></RequireNav> },
            { path: "rankings", element: <RequireNav navKey="rankings"><RankingsRoute /></RequireNav> },
            { path: "weekly-review", element: <RequireNav navKey="weeklyReview"><WeeklyReviewRoute /></RequireNav> },
            { path: "quarter-evaluation", element: <RequireNav navKey="quarterEvaluation"><QuarterEvaluationRoute /></RequireNav> },
            { path: "assessment-runs", element: <RequireNav navKey="assessmentRuns"><RunsRoute /></RequireNav> },
            { path: "assessment-rules", element: <RequireNav navKey="assessmentRules"><RulesRoute /></RequireNav> },
            { path: "my-assessment", element: <RequireNav navKey="myAssessment"><MyScoresRoute /></RequireNav> },
            { path: "bulletins", element: <RequireNav navKey="bulletins"><BulletinsRoute /></RequireNav> },
            { path: "bulletins/deliveries", element: <RequireNav navKey="bulletins"><DeliveriesRoute /></RequireNav> },
            { path: "bulletins/:id", element: <RequireNav navKey="bulletins"><BulletinViewRoute /></RequireNav> },
            { path: "department-bulletins", element: <RequireNav navKey="departmentBulletins"><DepartmentBulletinsRoute /></RequireNav> },
            { path: "department-bulletins/:id", element: <RequireNav navKey="departmentBulletins"><BulletinViewRoute /></RequireNav> },
            { path: "rectifications", element: <RequireNav navKey="rectifications"><RectificationsPage /></RequireNav> },
            { path: "appeals", element: <RequireNav navKey="appeals"><AppealsPage /></RequireNav> },
            { path: "rating-reports", element: <RequireNav navKey="ratingReports"><RatingReportsPage /></RequireNav> },
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
