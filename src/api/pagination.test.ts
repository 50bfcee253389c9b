// Lists come in pages: a cursor continues after the last row, so walking the `next`
// links gives every row once; bad parameters are a 400 with a JSON error.
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../test/factories.ts";

type App = Awaited<ReturnType<typeof buildTestApp>>;
type ListBody = { data: { id: string; title: string }[]; next: string | null };

async function walk(app: App, first: string) {
  const pages: ListBody[] = [];
  let url: string | null = first;
  while (url) {
    const res = await app.request(url);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ListBody;
    if (body.next) expect(res.headers.get("link")).toBe(`<${body.next}>; rel="next"`);
    else expect(res.headers.get("link")).toBeNull();
    pages.push(body);
    url = body.next;
  }
  return pages;
}

async function error(app: App, path: string) {
  const res = await app.request(path);
  return {
    status: res.status,
    body: (await res.json()) as { error: { id: string; message: string; details: { path: string }[] } },
  };
}

describe("API pagination", () => {
  it("walks every row once, in id order, across pages of `limit` rows, keeping the filters in `next`", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const titles = Array.from({ length: 7 }, (_, i) => `Initiativ ${i + 1}`);
    const made = [];
    for (const title of titles) made.push(await buildInitiative(org, policy.id, { title }));
    // Rows the filter must leave out, on every page.
    await buildInitiative(org, policy.id, { title: "Andet", status: "completed" });
    const app = await buildTestApp(org);

    const pages = await walk(app, "/api/v1/initiatives?status=ongoing&limit=3");
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(pages[0]!.next).toMatch(/^\/api\/v1\/initiatives\?status=ongoing&limit=3&cursor=[A-Za-z0-9_-]+$/);
    const ids = pages.flatMap((p) => p.data.map((r) => r.id));
    expect(ids).toEqual(made.map((m) => m.id).sort());
    expect(new Set(ids).size).toBe(7);

    // Exactly one page's worth: no empty page after it.
    const exact = await walk(app, "/api/v1/initiatives?status=ongoing&limit=7");
    expect(exact.map((p) => p.data.length)).toEqual([7]);
  });

  it("sees rows added between pages on a later page, and repeats none", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    for (let i = 0; i < 4; i++) await buildInitiative(org, policy.id, { title: `Før ${i}` });
    const app = await buildTestApp(org);
    const first = (await (await app.request("/api/v1/initiatives?limit=2")).json()) as ListBody;
    const added = await buildInitiative(org, policy.id, { title: "Undervejs" });
    const rest = await walk(app, first.next!);
    const ids = [...first.data, ...rest.flatMap((p) => p.data)].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A new row lands in id order: on a later page if its id sorts after the first page.
    const lastOfFirst = first.data[1]!.id;
    expect(ids.includes(added.id)).toBe(added.id > lastOfFirst);
    expect(ids).toHaveLength(added.id > lastOfFirst ? 5 : 4);
  });

  it("defaults to 50 rows and accepts 1 to 500", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    // Seven administrations in every organisation.
    const all = (await (await app.request("/api/v1/administrations")).json()) as ListBody;
    expect(all.data).toHaveLength(7);
    const one = (await (await app.request("/api/v1/administrations?limit=1")).json()) as ListBody;
    expect(one.data).toHaveLength(1);
    expect((await app.request("/api/v1/administrations?limit=500")).status).toBe(200);
  });

  it("answers a bad limit, cursor, filter or id with 400 validation_failed naming the parameter", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const cases: [string, string][] = [
      ["/api/v1/initiatives?limit=0", "limit"],
      ["/api/v1/initiatives?limit=501", "limit"],
      ["/api/v1/initiatives?limit=ti", "limit"],
      ["/api/v1/initiatives?limit=2.5", "limit"],
      ["/api/v1/initiatives?cursor=bm90LWFuLWlk", "cursor"],
      ["/api/v1/initiatives?cursor=%25%25", "cursor"],
      ["/api/v1/initiatives?status=maybe", "status"],
      ["/api/v1/initiatives?equality_ground=hair_colour", "equality_ground"],
      ["/api/v1/initiatives?funding_status=free", "funding_status"],
      ["/api/v1/initiatives?year=20x5", "year"],
      ["/api/v1/initiatives?year=1066", "year"],
      ["/api/v1/initiatives?policy_id=42", "policy_id"],
      ["/api/v1/observations?indicator_id=abc", "indicator_id"],
      ["/api/v1/initiatives/not-a-uuid", "id"],
    ];
    for (const [path, parameter] of cases) {
      const { status, body } = await error(app, path);
      expect(status, path).toBe(400);
      expect(body.error.id, path).toBe("validation_failed");
      expect(body.error.message, path).toContain(parameter);
      expect(
        body.error.details.map((d) => d.path),
        path,
      ).toContain(parameter);
    }
  });

  it("refuses a parameter it does not know (a misspelt filter would otherwise return everything)", async () => {
    const app = await buildTestApp(await buildOrganisation());
    const { status, body } = await error(app, "/api/v1/initiatives?adminstration=BIF");
    expect(status).toBe(400);
    expect(body.error.message).toContain("adminstration");
  });

  it("answers an unknown id with 404 not_found in JSON", async () => {
    const app = await buildTestApp(await buildOrganisation());
    const { status, body } = await error(app, "/api/v1/initiatives/00000000-0000-4000-8000-000000000000");
    expect(status).toBe(404);
    expect(body.error.id).toBe("not_found");
  });
});
