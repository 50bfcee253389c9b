// /tilgaengelighed: Pejl's accessibility statement. The legally binding
// statement is published through Digitaliseringsstyrelsen's WAS tool; this
// page describes the state of Pejl itself and links there. The link is a
// setting (wasStatementUrl): its address is issued per organisation, so none
// is written here.
import { formatDanishDate } from "../../domain/danishDate.ts";
import { link } from "../../http/links.ts";
import { Alert } from "../components/Alert.tsx";
import { Layout } from "../components/Layout.tsx";

export interface AccessibilityPageOptions {
  /** The municipality, e.g. "Vesterå Kommune". */
  organisation?: string;
  /** Address of the official statement in the WAS tool; from the settings. */
  wasStatementUrl?: string;
  /** Where to report accessibility problems. */
  contactEmail?: string;
  contactPhone?: string;
  /** When the statement was last reviewed, as an ISO date (YYYY-MM-DD). */
  reviewedOn?: string;
}

function danishDate(iso: string): string {
  try {
    return formatDanishDate(iso);
  } catch {
    // A setting typed by hand: show it as written rather than fail the page.
    return iso;
  }
}

export function accessibilityPage(opts: AccessibilityPageOptions = {}) {
  const org = opts.organisation ?? "Kommunen";
  // A setting typed by an administrator: link it only if it is an https address.
  const wasUrl =
    opts.wasStatementUrl && /^https:\/\//.test(opts.wasStatementUrl) ? opts.wasStatementUrl : undefined;
  return (
    <Layout
      title="Tilgængelighedserklæring"
      description="Tilgængelighedserklæring for Pejl: hvad der lever op til WCAG 2.1 AA, hvordan det er testet, og hvad der mangler."
      currentPath="/tilgaengelighed"
      organisation={opts.organisation}
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Tilgængelighedserklæring" }]}
    >
      <h1>Tilgængelighedserklæring for Pejl</h1>
      <p class="font-lead">
        {org} ønsker, at alle kan bruge Pejl, også med handicap eller hjælpemidler. Pejl skal leve op til
        webtilgængelighedsloven og dermed til standarden WCAG 2.1 på niveau AA.
      </p>

      <h2>Den officielle erklæring</h2>
      <p>
        Offentlige myndigheder offentliggør deres officielle tilgængelighedserklæring i
        Digitaliseringsstyrelsens værktøj WAS-Tool. Denne side beskriver Pejl mere detaljeret, men det er
        erklæringen i WAS-Tool, der gælder.
      </p>
      {wasUrl ? (
        <p>
          <a href={link(wasUrl)}>Læs den officielle tilgængelighedserklæring for Pejl i WAS-Tool</a>
        </p>
      ) : (
        <Alert variant="info" headingLevel={3}>
          Adressen på den officielle erklæring i WAS-Tool er endnu ikke angivet. Kontakt os, hvis du har brug
          for den.
        </Alert>
      )}

      <h2>Overholdelse</h2>
      <p>
        Pejl er <strong>delvist i overensstemmelse</strong> med WCAG 2.1 niveau AA. Det, der mangler, står
        under »Kendte mangler« nedenfor.
      </p>
      <h3>Det lever Pejl op til</h3>
      <ul>
        <li>
          Siderne er bygget med Det Fælles Designsystem (DKFDS) og korrekt HTML: overskrifter, lister,
          tabeller med kolonne- og rækkeoverskrifter og tydelige landemærker (sidehoved, menu, indhold og
          sidefod).
        </li>
        <li>Et link øverst på hver side springer direkte til indholdet.</li>
        <li>
          Alt kan bruges med tastaturet alene, i en logisk rækkefølge, og det element, der har fokus, er
          tydeligt markeret.
        </li>
        <li>Tekst og grafik har tilstrækkelig kontrast. Status vises altid med tekst, ikke kun med farve.</li>
        <li>
          Hver graf har en tekst, der opsummerer den, og en tabel med de samme tal. Udgangspunkt og mål står
          med tekst i grafen, og linjerne skelnes også på streg og form, ikke kun på farve. På en smal skærm
          vises en smallere udgave af grafen, så teksten i den kan læses.
        </li>
        <li>
          Formularfelter har synlige etiketter. Fejl vises ved feltet og samlet øverst med links til felterne.
        </li>
        <li>
          Siderne virker uden JavaScript, kan forstørres til 200 % og kan læses på en smal skærm uden vandret
          rulning af teksten.
        </li>
        <li>Sidernes sprog er angivet som dansk, og siderne kan udskrives.</li>
      </ul>

      <h2>Sådan har vi testet</h2>
      <ul>
        <li>
          Automatisk test med axe-core for alle regler i WCAG 2.0 og 2.1 på niveau A og AA. Testen kører i en
          browser (Chromium) ved hver ændring af Pejl, på de forskellige sidetyper, og skal finde nul fejl.
        </li>
        <li>
          Automatisk tastaturtest: en test går gennem hver side med tabulatortasten, noterer rækkefølgen og
          kontrollerer, at hvert element får en synlig fokusmarkering.
        </li>
        <li>Skærmbilleder i mobil- og skrivebordsbredde, som gennemses ved ændringer i udseendet.</li>
      </ul>
      <p>
        Automatiske test finder kun en del af de mulige problemer. Vi har endnu ikke fået Pejl testet af
        brugere med handicap eller systematisk med skærmlæsere, fx NVDA, JAWS eller VoiceOver.
      </p>

      <h2>Kendte mangler</h2>
      <ul>
        <li>
          <strong>Tekst i grafer:</strong> teksten i graferne er en del af grafikken og følger derfor ikke
          dine egne indstillinger for skrifttype, linje- og tegnafstand (WCAG 1.4.12). De samme tal står i
          tabellen under hver graf.
        </li>
        <li>
          <strong>Kildedokumenter:</strong> Pejl henter politikker og rapporter fra kommunens PDF- og
          Word-dokumenter. Selve dokumenterne er ikke nødvendigvis tilgængelige, og når teksten trækkes ud,
          kan overskrifter, lister og tabeller miste deres struktur (WCAG 1.3.1).
        </li>
        <li>
          <strong>Sprog i dele af teksten:</strong> citater og navne på andre sprog end dansk er ikke markeret
          med deres sprog (WCAG 3.1.2).
        </li>
        <li>
          <strong>Skærmlæsere:</strong> da Pejl ikke er testet systematisk med skærmlæsere, kan der være
          problemer, som vi ikke kender. Fortæl os gerne om dem.
        </li>
      </ul>

      <h2>Feedback og kontakt</h2>
      <p>
        Oplever du problemer med tilgængeligheden, eller har du brug for indholdet i en anden form, så kontakt{" "}
        {org}
        {opts.contactEmail || opts.contactPhone ? ":" : " via kommunens hovedpostkasse."}
      </p>
      {(opts.contactEmail || opts.contactPhone) && (
        <ul>
          {opts.contactEmail && (
            <li>
              E-mail: <a href={`mailto:${opts.contactEmail}`}>{opts.contactEmail}</a>
            </li>
          )}
          {opts.contactPhone && <li>Telefon: {opts.contactPhone}</li>}
        </ul>
      )}
      <h3>Klage</h3>
      <p>
        Er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med
        tilgængeligheden af offentlige myndigheders websteder. Fremgangsmåden står i den officielle erklæring
        i WAS-Tool.
      </p>

      {opts.reviewedOn && (
        <p class="form-hint">Erklæringen er senest gennemgået {danishDate(opts.reviewedOn)}.</p>
      )}
    </Layout>
  );
}
