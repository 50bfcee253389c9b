// The authorization matrix over HTTP: every role × every write route the app
// serves (admin forms and API) × own/other administration. The expected table
// is DESIGN.md §1 written as rules over the routes, not derived from the code:
// users, organisation and settings are the administrator's; a reporter reports
// for their own administration only; a viewer changes nothing; everything else
// is staff work (coordinator, administrator). Every request is one a person of
// the right role would send (test/security/writes.ts), so a refusal is the
// authorization's, not the validation's. A forbidden request is a 403, or a 404
// where the role may not even see the item, and changes nothing; an allowed one
// answers 2xx/3xx and the rows it was meant to create, change or delete differ
// when read back.
import { describe, expect, it } from "vitest";
import { OWN_ORIGIN, send } from "./requests.ts";
import { buildWorld, isWrite, type Role, type Route, roles, routesOf, type Where } from "./world.ts";
import { WRITES, type Write } from "./writes.ts";

/**
 * Routes without a role: the login form, the public hearing form, the first set-up form (closed
 * once an organisation exists); logging out is anyone's.
 */
const outside = new Set([
  "POST /admin/login",
  "POST /hoeringer/:id",
  "POST /opsaetning",
  "POST /admin/log-ud",
]);

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
    const unplanned = routes.map((r) => `${r.method} ${r.path}`).filter((k) => !WRITES[k]);
    expect(unplanned, "write routes without a request in test/security/writes.ts").toEqual([]);
    let n = 0;
    const plan = ({ route, where }: (typeof cases)[number]) =>
      WRITES[`${route.method} ${route.path}`]!(world, where, ++n);
    const request = async ({ role }: (typeof cases)[number], write: Write) => {
      const client = clients[role]!;
      const csrf = client.csrf();
      let { body, contentType } = write;
      if (write.form) {
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(write.form))
          for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
        form.set("_csrf", csrf);
        body = form.toString();
        contentType = "application/x-www-form-urlencoded";
      } else if (body instanceof FormData) body.set("_csrf", csrf);
      return send(world.app, client, {
        path: write.path,
        method: "POST",
        csrf,
        origin: OWN_ORIGIN,
        body,
        contentType,
      });
    };

    // Refused, each with a request that would do its work for the right role.
    const planned = [];
    for (const c of forbidden) planned.push({ c, write: await plan(c) });
    const before = await world.fingerprint();
    for (const { c, write } of planned) {
      const res = await request(c, write);
      if (res.status !== 403 && res.status !== 404)
        failures.push(
          `${c.role} (${c.where}) ${c.route.method} ${c.route.path}: ${res.status}, expected 403/404`,
        );
    }
    expect(failures).toEqual([]);
    expect(await world.fingerprint(), "a refused request changed data").toBe(before);

    // Allowed: answered, and the change is there when read back.
    for (const c of permitted) {
      const write = await plan(c);
      const was = await world.digest(write.changes);
      const res = await request(c, write);
      const what = `${c.role} (${c.where}) ${c.route.method} ${c.route.path}`;
      if (res.status >= 400) failures.push(`${what}: ${res.status}, expected allowed`);
      else if ((await world.digest(write.changes)) === was)
        failures.push(`${what}: ${res.status} but ${write.changes.join(", ")} unchanged`);
    }
    expect(failures).toEqual([]);
    console.log(
      `authorization matrix: ${routes.length} write routes × ${roles.length} roles × own/other = ${cases.length} requests (${forbidden.length} refused and unchanged, ${permitted.length} allowed and changed)`,
    );
  }, 300_000);
});
