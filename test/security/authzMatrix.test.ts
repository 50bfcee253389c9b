// The authorization matrix over HTTP: every role × every write route the app
// serves (admin forms and API) × own/other administration. The expected table
// is DESIGN.md §1 written as rules over the routes, not derived from the code:
// users, organisation and settings are the administrator's; a reporter reports
// for their own administration only; a viewer changes nothing; everything else
// is staff work (coordinator, administrator). A forbidden request is a 403, or
// a 404 where the role may not even see the item, and changes nothing.
import { describe, expect, it } from "vitest";
import { emptyBody, OWN_ORIGIN, send } from "./requests.ts";
import {
  buildWorld,
  fillPath,
  isWrite,
  type Role,
  type Route,
  roles,
  routesOf,
  type Where,
} from "./world.ts";

/**
 * What a person of the right role would post: every route takes the fields it needs, so that
 * a request is refused by authorization, not by validation of an empty form.
 */
const PLAUSIBLE: Record<string, string> = {
  version: "1",
  to: "in_review",
  rating: "on_track",
  progressPct: "10",
  narrative: "Matrix",
  action: "save",
  askedBy: "Et medlem af kommunalbestyrelsen",
  askedOn: "2024-01-01",
  dueOn: "2024-02-01",
  questions: "Hvilke initiativer findes?",
  title: "Matrix",
  comment: "Matrix",
  name: "Matrix",
  code: "MTX",
  email: "matrix@example.dk",
  role: "viewer",
};

/** Routes without a role: the login form and the public hearing form; logging out is anyone's. */
const outside = new Set(["POST /admin/login", "POST /hoeringer/:id", "POST /admin/log-ud"]);

function allowed(route: Route, role: Role, where: Where): boolean {
  if (role === "admin") return true;
  const p = route.path;
  if (/^\/admin\/(brugere|organisation|indstillinger)/.test(p)) return false;
  if (p.startsWith("/admin/indmeldinger/"))
    return role === "coordinator" || (role === "reporter" && where === "own");
  return role === "coordinator";
}

describe("authorization matrix: every role × every write route", () => {
  it("lets each role do what DESIGN.md gives it and nothing else", async () => {
    const world = await buildWorld();
    const routes = routesOf(world.app)
      .filter(isWrite)
      .filter((r) => !outside.has(`${r.method} ${r.path}`));
    const clients = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await world.login(r)])));
    const cases = routes.flatMap((route) =>
      roles.flatMap((role) => (["own", "other"] as Where[]).map((where) => ({ route, role, where }))),
    );
    const forbidden = cases.filter((c) => !allowed(c.route, c.role, c.where));
    const permitted = cases.filter((c) => allowed(c.route, c.role, c.where));
    const failures: string[] = [];
    const request = async ({ route, role, where }: (typeof cases)[number]) => {
      const client = clients[role]!;
      const csrf = client.csrf();
      return send(world.app, client, {
        path: fillPath(world, route, where),
        method: route.method,
        csrf,
        origin: OWN_ORIGIN,
        ...emptyBody(route, csrf, PLAUSIBLE),
      });
    };

    const before = await world.fingerprint();
    for (const c of forbidden) {
      const res = await request(c);
      if (res.status !== 403 && res.status !== 404)
        failures.push(
          `${c.role} (${c.where}) ${c.route.method} ${c.route.path}: ${res.status}, expected 403/404`,
        );
    }
    expect(failures).toEqual([]);
    expect(await world.fingerprint(), "a refused request changed data").toBe(before);

    for (const c of permitted) {
      const res = await request(c);
      const refused = res.status === 401 || res.status === 403;
      // The reporter's own answer must be reachable; elsewhere an empty form may well be a 404.
      const hidden = c.role === "reporter" && res.status === 404;
      if (refused || hidden || res.status >= 500)
        failures.push(
          `${c.role} (${c.where}) ${c.route.method} ${c.route.path}: ${res.status}, expected allowed`,
        );
    }
    expect(failures).toEqual([]);
    console.log(
      `authorization matrix: ${routes.length} write routes × ${roles.length} roles × own/other = ${cases.length} requests (${forbidden.length} refused as expected)`,
    );
  }, 300_000);
});
