// DKFDS footer (components/footers/footer.njk): one column naming the
// service, one with links; the accessibility statement and the open data
// must be reachable from every page (DESIGN.md §8).
export interface FooterProps {
  organisation?: string;
}

export function Footer({ organisation }: FooterProps) {
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <div class="row">
            <div class="col-12 col-md-6 footer-col">
              <section aria-labelledby="footer-about">
                <h2 id="footer-about" class="h5">
                  Pejl
                </h2>
                <p>
                  Opfølgning på {organisation ? `${organisation}s` : "kommunens"} politikker for ligestilling
                  og inklusion.
                </p>
              </section>
            </div>
            <div class="col-12 col-md-6 footer-col">
              <section aria-labelledby="footer-links">
                <h2 id="footer-links" class="h5">
                  Om siden
                </h2>
                <ul class="unstyled-list">
                  <li>
                    <a href="/tilgaengelighed">Tilgængelighedserklæring</a>
                  </li>
                  <li>
                    <a href="/data">Åbne data</a>
                  </li>
                  <li>
                    <a href="/spoergsmaal">Spørgsmål fra Borgerrepræsentationen</a>
                  </li>
                  <li>
                    <a href="/api">API til udviklere</a>
                  </li>
                </ul>
              </section>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
