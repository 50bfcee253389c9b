// CSRF on every state-changing route a session cookie can reach, form or API:
// without the session's token, or from another site's Origin, the answer is a
// 403 and nothing changes. The list of routes is the app's own, so a new route
// is covered the day it is added. The login form, the public hearing form and
// the first set-up form (closed, 404, once an organisation exists) have no
// session; they carry tokens of their own (tested with them).
import { describe, expect, it } from "vitest";
import { EVIL_ORIGIN, emptyBody, OWN_ORIGIN, send } from "./requests.ts";
import { buildWorld, fillPath, isWrite, routesOf } from "./world.ts";

const sessionless = new Set(["POST /admin/login", "POST /hoeringer/:id", "POST /opsaetning"]);

describe("CSRF on every cookie-authenticated write", () => {
  it("refuses each without the token or from another site, and changes nothing", async () => {
    const world = await buildWorld();
    const admin = await world.login("admin");
    const token = admin.csrf();
    const writes = routesOf(world.app)
      .filter(isWrite)
      .filter((r) => !sessionless.has(`${r.method} ${r.path}`));
    // Logging out last, so the session lasts through the others.
    writes.sort((a, b) => Number(a.path.endsWith("/log-ud")) - Number(b.path.endsWith("/log-ud")));
    expect(writes.length).toBeGreaterThan(30);
    const before = await world.fingerprint();
    const failures: string[] = [];
    for (const route of writes) {
      const path = fillPath(world, route);
      const noToken = await send(world.app, admin, {
        path,
        method: route.method,
        csrf: null,
        origin: OWN_ORIGIN,
        ...emptyBody(route, null),
      });
      const foreign = await send(world.app, admin, {
        path,
        method: route.method,
        csrf: token,
        origin: EVIL_ORIGIN,
        ...emptyBody(route, token),
      });
      if (noToken.status !== 403)
        failures.push(`${route.method} ${route.path} without token: ${noToken.status}`);
      if (foreign.status !== 403)
        failures.push(`${route.method} ${route.path} from ${EVIL_ORIGIN}: ${foreign.status}`);
    }
    expect(failures).toEqual([]);
    expect(await world.fingerprint()).toBe(before);
    // The session survived every refused request, log-out included.
    expect((await admin.get("/admin")).status).toBe(200);
    console.log(`CSRF: ${writes.length} state-changing cookie routes × 2 forged requests refused`);
  }, 300_000);
});
