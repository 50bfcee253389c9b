// The admin page frame: DKFDS Layout in its admin variant, with the menu the
// user's roles allow, their name and role, and the log-out form (POST + CSRF).
import type { Child } from "hono/jsx";
import type { UserActor } from "../../auth/actor.ts";
import { can } from "../../authz/can.ts";
import { roleLabels } from "../../domain/labels.ts";
import { CSRF_FIELD } from "../../http/csrf.ts";
import type { Crumb } from "../components/Breadcrumbs.tsx";
import type { NavItem } from "../components/Header.tsx";
import { Layout } from "../components/Layout.tsx";

export interface AdminPage {
  organisation: string;
  /** What the organisation calls its council, inside a sentence ("Borgerrepræsentationen"). */
  council: string;
  /** Figures based on fewer persons than this are never shown as numbers (the portal's rule). */
  suppressionThreshold: number;
  user: UserActor;
  csrf: string;
}

export function adminNav(user: UserActor): NavItem[] {
  const nav: NavItem[] = [{ href: "/admin", text: "Oversigt" }];
  if (can(user, "create", { entity: "document" }))
    nav.push({ href: "/admin/import", text: "Importér dokument" });
  if (can(user, "review", { entity: "candidate" })) nav.push({ href: "/admin/forslag", text: "Forslag" });
  if (can(user, "read", { entity: "statusRound" }) && !isOnlyReporter(user))
    nav.push({ href: "/admin/runder", text: "Statusrunder" });
  if (user.roles.some((r) => r.role === "reporter"))
    nav.push({ href: "/admin/indmeldinger", text: "Mine indmeldinger" });
  if (can(user, "update", { entity: "registry" })) nav.push({ href: "/admin/register", text: "Registret" });
  if (can(user, "read", { entity: "inquiry" })) nav.push({ href: "/admin/spoergsmaal", text: "Spørgsmål" });
  if (can(user, "read", { entity: "hearing" })) nav.push({ href: "/admin/hoeringer", text: "Høringer" });
  if (can(user, "read", { entity: "user" })) nav.push({ href: "/admin/brugere", text: "Brugere" });
  if (can(user, "manage", { entity: "organisation" }))
    nav.push({ href: "/admin/organisation", text: "Organisation" });
  if (can(user, "read", { entity: "audit" })) nav.push({ href: "/admin/log", text: "Log" });
  return nav;
}

function isOnlyReporter(user: UserActor): boolean {
  return user.roles.every((r) => r.role === "reporter");
}

export function roleText(user: UserActor): string {
  return user.roles
    .map((r) =>
      r.administrationCode ? `${roleLabels[r.role]}, ${r.administrationCode}` : roleLabels[r.role],
    )
    .join("; ");
}

export function AdminShell(props: {
  page: AdminPage;
  title: string;
  currentPath: string;
  breadcrumbs?: readonly Crumb[];
  children?: Child;
}) {
  const { page } = props;
  return (
    <Layout
      title={props.title}
      variant="admin"
      organisation={page.organisation}
      currentPath={props.currentPath}
      nav={adminNav(page.user)}
      breadcrumbs={props.breadcrumbs}
      user={{ name: page.user.name, info: roleText(page.user) }}
      logout={{ action: "/admin/log-ud", csrf: { name: CSRF_FIELD, token: page.csrf } }}
    >
      {props.children}
    </Layout>
  );
}

/** The hidden CSRF field every admin form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
