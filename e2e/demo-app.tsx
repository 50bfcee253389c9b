// A tiny app for the browser tests: the assets, the static pages and a demo
// page with every component, served under the strict CSP production will use,
// so a stray inline script or style shows up as a console error.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { renderToString } from "../src/render.ts";
import { assetRoutes } from "../src/web/assets.ts";
import { Layout } from "../src/web/components/Layout.tsx";
import { accessibilityPage } from "../src/web/pages/accessibility.tsx";
import { badRequestPage } from "../src/web/pages/badRequest.tsx";
import { notFoundPage } from "../src/web/pages/notFound.tsx";
import { serverErrorPage } from "../src/web/pages/serverError.tsx";
import { DemoPage } from "./demo-page.tsx";

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const ORG = "Københavns Kommune";

export function demoApp(): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
  });
  app.route("/", assetRoutes());
  const html = async (node: unknown, status: 200 | 400 | 404 | 500 = 200) =>
    new Response(await renderToString(node), {
      status,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP },
    });

  app.get("/tilgaengelighed", () =>
    html(
      accessibilityPage({ organisation: ORG, contactEmail: "pejl@example.org", reviewedOn: "2026-11-20" }),
    ),
  );
  app.get("/demo", (c) => html(<DemoPage sort={c.req.query("sort")} dir={c.req.query("dir")} />));
  app.get("/admin", () =>
    html(
      <Layout
        title="Oversigt"
        variant="admin"
        organisation={ORG}
        currentPath="/admin"
        nav={[
          { href: "/admin", text: "Oversigt" },
          { href: "/admin/runder", text: "Statusrunder" },
          { href: "/admin/forslag", text: "Forslag" },
        ]}
        user={{ name: "Mette <b>Hansen</b>", info: "Koordinator, ØKF" }}
        logout={{ action: "/admin/log-ud", csrf: { name: "_csrf", token: "t0k3n" } }}
      >
        <h1>Oversigt</h1>
        <p>Administrationens forside.</p>
      </Layout>,
    ),
  );
  app.get("/fejl", () => html(serverErrorPage({ organisation: ORG, reference: "a1b2c3" }), 500));
  app.get("/ugyldig", () =>
    html(badRequestPage({ organisation: ORG, message: "Sidenummeret »<script>« er ikke et tal." }), 400),
  );
  app.notFound(() => html(notFoundPage({ organisation: ORG }), 404));
  return app;
}

export interface RunningApp {
  url: string;
  close: () => Promise<void>;
}

/** Starts the demo app on an ephemeral port on 127.0.0.1. */
export function startDemoApp(): Promise<RunningApp> {
  return new Promise((resolve) => {
    const server = serve({ fetch: demoApp().fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
