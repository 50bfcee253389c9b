// DKFDS footer (components/footers/footer.njk): one column naming the
// service, one with links; the accessibility statement and the open data
// must be reachable from every page (DESIGN.md §8).
import { link } from "../../http/links.ts";
import { html } from "./markup.ts";

export interface FooterProps {
  organisation?: string;
  /** The "Om siden" links; default: the organisation's accessibility statement, open data, inquiries and API. */
  links?: readonly { href: string; text: string }[];
}

const PORTAL_LINKS = [
  { href: "/tilgaengelighed", text: "Tilgængelighedserklæring" },
  { href: "/data", text: "Åbne data" },
  { href: "/spoergsmaal", text: "Politiske spørgsmål" },
  { href: "/api", text: "API til udviklere" },
];

export function Footer({ organisation, links = PORTAL_LINKS }: FooterProps) {
  const about = html`
    <div class="col-12 col-md-6 footer-col">
      <section aria-labelledby="footer-about">
        <h2 id="footer-about" class="h5">Pejl</h2>
        <p>
          Opfølgning på ${organisation ? `${organisation}s` : "kommunens"} politikker for ligestilling
          og inklusion.
        </p>
      </section>
    </div>`;
  const list =
    links.length > 0 &&
    html`
      <div class="col-12 col-md-6 footer-col">
        <section aria-labelledby="footer-links">
          <h2 id="footer-links" class="h5">Om siden</h2>
          <ul class="unstyled-list">
            ${links.map((l) => html`<li><a href="${link(l.href)}">${l.text}</a></li>`)}
          </ul>
        </section>
      </div>`;
  return html`
    <footer>
      <div class="footer">
        <div class="container">
          <div class="row">${about}${list}</div>
        </div>
      </div>
    </footer>`;
}
