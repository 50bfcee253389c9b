// The frame of the national pages (every municipality on the server): the
// DKFDS layout with its own menu and footer, since the municipalities' pages
// (policies, search, open data) belong to each municipality's own site.
import type { Child } from "hono/jsx";
import type { Crumb } from "../components/Breadcrumbs.tsx";
import type { NavItem } from "../components/Header.tsx";
import { Layout } from "../components/Layout.tsx";

export const MUNICIPALITIES_PATH = "/kommuner";
export const COMPARE_PATH = "/sammenlign";
export const NATIONAL_PACKAGE_PATH = `${COMPARE_PATH}/pejl-national-datapakke.zip`;

const NATIONAL_NAV: readonly NavItem[] = [
  { href: MUNICIPALITIES_PATH, text: "Kommuner" },
  { href: COMPARE_PATH, text: "Sammenlign" },
];

const NATIONAL_FOOTER = [
  { href: MUNICIPALITIES_PATH, text: "Alle kommuner" },
  { href: NATIONAL_PACKAGE_PATH, text: "Åbne data for alle kommuner (zip)" },
];

export function NationalShell(props: {
  title: string;
  description?: string;
  currentPath: string;
  breadcrumbs?: readonly Crumb[];
  children?: Child;
}) {
  return (
    <Layout
      title={props.title}
      description={props.description}
      currentPath={props.currentPath}
      nav={NATIONAL_NAV}
      homeHref={MUNICIPALITIES_PATH}
      footerLinks={NATIONAL_FOOTER}
      breadcrumbs={props.breadcrumbs}
    >
      {props.children}
    </Layout>
  );
}
