// /politikker: every policy and action plan, in force first, with its progress summary.
import type { PolicySummary } from "../../queries/policies/policies.ts";
import { Layout } from "../components/Layout.tsx";
import { OpenDataLinks } from "./common.tsx";
import { PolicyGroups } from "./home.tsx";

export function policiesPage(props: {
  organisation: string;
  policies: readonly PolicySummary[];
  year: number;
}) {
  return (
    <Layout
      title="Politikker"
      organisation={props.organisation}
      currentPath="/politikker"
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Politikker" }]}
    >
      <h1>Politikker og handleplaner</h1>
      {props.policies.length === 0 ? (
        <p>Der er endnu ikke registreret nogen politikker.</p>
      ) : (
        <PolicyGroups policies={props.policies} year={props.year} />
      )}
      <OpenDataLinks
        links={[
          { href: "/data/policies.csv", text: "Politikker (CSV)" },
          { href: "/data/themes.csv", text: "Temaer (CSV)" },
          { href: "/data/goals.csv", text: "Målsætninger (CSV)" },
        ]}
      />
    </Layout>
  );
}
