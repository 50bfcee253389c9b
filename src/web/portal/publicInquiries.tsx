// The public list of answered inquiries from council members, with their
// answers. Only sent answers are shown; drafts and approved-but-unsent texts
// never reach the portal (the query filters on state "sent").
import { Hono, type Context as HonoContext } from "hono";
import { z } from "zod";
import { formatDanishDate } from "../../domain/danishDate.ts";
import { notFound } from "../../errors.ts";
import type { AppEnv } from "../../http/appEnv.ts";
import { link } from "../../http/links.ts";
import { councilName, organisationName } from "../../http/tenancy.ts";
import { htmlResponse } from "../../http/textResponse.ts";
import { publicInquiries, publicInquiry } from "../../queries/inquiries/inquiries.ts";
import { type FigureTable, figureTables } from "../../reports/inquiryLetterModel.ts";
import { SummaryList } from "../components/Card.tsx";
import { Layout } from "../components/Layout.tsx";

/** The draft's figures per administration, with the totals per year as row-headed rows. */
export function InquiryFigureTables({
  tables,
  headingLevel = 3,
}: {
  tables: FigureTable[];
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as "h3";
  return (
    <>
      {tables.map((t) => (
        <>
          <Heading>{t.caption}</Heading>
          <section
            class="table--responsive-scroll"
            tabindex={0}
            aria-label={`Initiativer og økonomi: ${t.caption}`}
          >
            <table class="table table--compact">
              <caption class="sr-only">Initiativer og økonomi: {t.caption}</caption>
              <thead>
                <tr>
                  {t.header.map((h, i) => (
                    <th scope="col" class={i >= 3 ? "numeric" : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr>
                    <th scope="row">{r[0]}</th>
                    {r.slice(1).map((c, i) => (
                      <td class={i >= 2 ? "numeric" : undefined}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {t.totals.length > 0 && (
                <tfoot>
                  {t.totals.map((r) => (
                    <tr>
                      <th scope="row" colspan={3}>
                        {r[0]}
                      </th>
                      <td class="numeric">
                        <strong>{r[3]}</strong>
                      </td>
                      <td class="numeric">
                        <strong>{r[4]}</strong>
                      </td>
                    </tr>
                  ))}
                </tfoot>
              )}
            </table>
          </section>
          {t.note && <p>{t.note}</p>}
        </>
      ))}
    </>
  );
}

/** Text as paragraphs (blank lines) with its line breaks kept. */
export function AnswerText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p) => (
          <p>
            {p.split("\n").map((line, i) => (
              <>
                {i > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

const date = (iso: string | null) => (iso ? formatDanishDate(iso) : "–");

/** The organisation and what it calls its council ("kommunalbestyrelsen", "Borgerrepræsentationen"). */
interface Org {
  name: string;
  council: string;
}

function listPage(org: Org, rows: Awaited<ReturnType<typeof publicInquiries>>) {
  const title = `Spørgsmål fra ${org.council}`;
  return (
    <Layout
      title={title}
      organisation={org.name}
      currentPath="/spoergsmaal"
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: title }]}
    >
      <h1>{title}</h1>
      <p class="font-lead">
        Medlemmer af {org.council} kan stille spørgsmål til forvaltningerne. Her er de besvarede spørgsmål om
        ligestilling og inklusion med forvaltningernes svar.
      </p>
      {rows.length === 0 ? (
        <p>Der er endnu ingen besvarede spørgsmål.</p>
      ) : (
        <ul class="unstyled-list">
          {rows.map((r) => (
            <li class="mb-6">
              <h2 class="h3">
                <a href={link(`/spoergsmaal/${r.id}`)}>Spørgsmål fra {r.askedBy}</a>
              </h2>
              <p class="mt-2 mb-2">{r.questions[0] ?? ""}</p>
              <p class="mt-0 font-size-sm">
                Stillet {date(r.askedOn)} · besvaret {date(r.answeredOn)}
                {r.administrations.length > 0 && ` · ${r.administrations.map((a) => a.name).join(", ")}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function detailPage(org: Org, q: NonNullable<Awaited<ReturnType<typeof publicInquiry>>>) {
  const title = `Spørgsmål fra ${q.askedBy}`;
  return (
    <Layout
      title={title}
      organisation={org.name}
      currentPath="/spoergsmaal"
      breadcrumbs={[
        { text: "Forside", href: "/" },
        { text: `Spørgsmål fra ${org.council}`, href: "/spoergsmaal" },
        { text: title },
      ]}
    >
      <h1>{title}</h1>
      <SummaryList
        items={[
          { label: "Stillet", value: date(q.askedOn) },
          { label: "Besvaret", value: date(q.answeredOn) },
          { label: "Forvaltning", value: q.administrations.map((a) => a.name).join(", ") || "–" },
          { label: "Sagsnummer", value: q.caseNumber ?? "–" },
          { label: "Dokumentnummer", value: q.documentNumber ?? "–" },
        ]}
      />
      <h2>Spørgsmål</h2>
      <ol>
        {q.questions.map((text) => (
          <li>{text}</li>
        ))}
      </ol>
      <h2>Svar</h2>
      {q.answer?.trim() ? (
        <AnswerText text={q.answer} />
      ) : q.documentId ? (
        <p>
          Svaret står i <a href={link(`/dokumenter/${q.documentId}`)}>svarbrevet</a>.
        </p>
      ) : (
        <p>Svaret er ikke registreret i Pejl.</p>
      )}
      {q.signedBy && <p>Venlig hilsen {q.signedBy}</p>}
      {q.draft && q.draft.administrations.length > 0 && (
        <>
          <h2>Registrerede initiativer og økonomi</h2>
          <InquiryFigureTables tables={figureTables(q.draft)} />
        </>
      )}
    </Layout>
  );
}

const orgOf = (c: HonoContext<AppEnv>): Org => ({ name: organisationName(c), council: councilName(c) });

export function publicInquiryRoutes() {
  const app = new Hono<AppEnv>();
  const html = htmlResponse;

  app.get("/spoergsmaal", async (c) => html(listPage(orgOf(c), await publicInquiries(c.get("ctx")))));

  app.get("/spoergsmaal/:id", async (c) => {
    const id = c.req.param("id");
    if (!z.uuid().safeParse(id).success) throw notFound("The inquiry");
    const q = await publicInquiry(c.get("ctx"), id);
    if (!q) throw notFound("The inquiry");
    return html(detailPage(orgOf(c), q));
  });
  return app;
}
