// The confirmation step before a round changes state (locking cannot be undone).

import type { statusRounds } from "../../../../db/schema.ts";
import type { RoundState } from "../../../../domain/enums.ts";
import { roundStateLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink } from "../../../components/FormControls.tsx";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { transitionButtons } from "./boardPage.tsx";
import { roundName } from "./controls.tsx";

const consequences: Record<RoundState, string> = {
  draft: "Runden bliver en kladde igen.",
  open: "Indberetterne kan skrive og indsende deres svar, indtil runden afsluttes.",
  in_review:
    "Indberetterne kan ikke længere ændre deres svar, undtagen svar, du sender retur. Du kan genåbne runden senere.",
  locked: "Ingen kan længere ændre svarene, og rapporten ligger fast. Det kan ikke fortrydes.",
};

export function confirmPage(page: AdminPage, round: typeof statusRounds.$inferSelect, to: RoundState) {
  const name = roundName(round);
  return (
    <AdminShell
      page={page}
      title={`${transitionButtons[to]}: ${name}`}
      currentPath="/admin/runder"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/runder", text: "Statusrunder" },
        { href: `/admin/runder/${round.id}`, text: name },
        { text: "Bekræft" },
      ]}
    >
      <h1>{`${transitionButtons[to]}?`}</h1>
      <p>
        {`${name} skifter fra ”${roundStateLabels[round.state as RoundState]}” til ”${roundStateLabels[to]}”.`}
      </p>
      <Alert variant={to === "locked" ? "warning" : "info"} paragraph>
        {consequences[to]}
      </Alert>
      <form method="post" action={link(`/admin/runder/${round.id}/tilstand`)}>
        <CsrfField token={page.csrf} />
        <input type="hidden" name="version" value={String(round.version)} />
        <input type="hidden" name="to" value={to} />
        <ButtonGroup>
          <Button
            variant={to === "locked" ? "warning" : "primary"}
          >{`Ja, ${transitionButtons[to].toLowerCase()}`}</Button>
          <ButtonLink href={`/admin/runder/${round.id}`} variant="tertiary">
            Annullér
          </ButtonLink>
        </ButtonGroup>
      </form>
    </AdminShell>
  );
}
