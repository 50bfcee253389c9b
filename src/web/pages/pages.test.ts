import { describe, expect, it } from "vitest";
import { renderToString } from "../../render.ts";
import { accessibilityPage } from "./accessibility.tsx";
import { badRequestPage } from "./badRequest.tsx";
import { notFoundPage } from "./notFound.tsx";
import { serverErrorPage } from "./serverError.tsx";

describe("accessibility statement", () => {
  it("states conformance, testing, known gaps and contact in Danish", async () => {
    const out = await renderToString(
      accessibilityPage({
        organisation: "Københavns Kommune",
        contactEmail: "pejl@kk.dk",
        reviewedOn: "2026-11-20",
      }),
    );
    for (const text of [
      "Tilgængelighedserklæring for Pejl",
      "WCAG 2.1",
      "delvist i overensstemmelse",
      "axe-core",
      "tabulatortasten",
      "Kendte mangler",
      "WAS-Tool",
      "Digitaliseringsstyrelsen",
      'href="mailto:pejl@kk.dk"',
      "20. november 2026",
    ]) {
      expect(out).toContain(text);
    }
    // Without a configured address there is no invented link.
    expect(out).toContain("endnu ikke angivet");
  });

  it("links the official statement only when configured, and only over https", async () => {
    const configured = await renderToString(
      accessibilityPage({ wasStatementUrl: "https://example.org/erklaering/123" }),
    );
    expect(configured).toContain('href="https://example.org/erklaering/123"');
    const unsafe = await renderToString(accessibilityPage({ wasStatementUrl: "javascript:alert(1)" }));
    expect(unsafe).not.toContain("javascript:");
  });
});

describe("error pages", () => {
  it("404 in Danish", async () => {
    const out = await renderToString(notFoundPage());
    expect(out).toContain("<title>Siden findes ikke – Pejl</title>");
    expect(out).toContain("Vi kan ikke finde den side");
  });

  it("500 without details, with an optional reference", async () => {
    const out = await renderToString(serverErrorPage({ reference: "abc123" }));
    expect(out).toContain("Der skete en fejl");
    expect(out).toContain("abc123");
    expect(out).not.toMatch(/at \w+ \(|Error:|stack/i);
  });

  it("400 shows the message as text and accepts only local back links", async () => {
    const out = await renderToString(
      badRequestPage({ message: "Ugyldig side: <script>alert(1)</script>", backHref: "//evil.example" }),
    );
    expect(out).toContain("Ugyldig side: &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).not.toContain("evil.example");
    const back = await renderToString(badRequestPage({ message: "x", backHref: "/soeg" }));
    expect(back).toContain('href="/soeg"');
  });
});
