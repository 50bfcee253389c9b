// The input boundary on a bare app: what it refuses (400/413) and that a route
// behind it still reads the body it was sent, once parsed here.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { toAppError } from "../errors.ts";
import { FORM_LIMIT_BYTES, inputBoundary } from "./inputBoundary.ts";

function echoApp(uploadLimitBytes = 1024 * 1024) {
  const app = new Hono();
  app.use(inputBoundary({ uploadLimitBytes }));
  app.get("/*", (c) => c.json({ path: c.req.path, query: c.req.query() }));
  app.post("/form", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const file = body.file instanceof File ? await body.file.text() : null;
    return c.json({ text: body.text ?? null, many: body.many ?? null, file });
  });
  app.post("/json", async (c) => c.json(await c.req.json()));
  app.post("/raw", async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }));
  app.onError((error, c) => {
    const e = toAppError(error);
    return c.json({ id: e.id, message: e.message, danish: e.danish }, e.status as 400);
  });
  return app;
}

const post = (path: string, body: BodyInit, type?: string) =>
  echoApp().request(path, { method: "POST", body, headers: type ? { "content-type": type } : {} });

describe("the input boundary", () => {
  it.each([
    ["a NUL in the path", "/politikker/%00"],
    ["a NUL in a query value", "/soeg?q=%00"],
    ["a NUL in a query name", "/soeg?a%00=1"],
    ["invalid UTF-8 in the query", "/soeg?q=%FF"],
    ["an encoded lone surrogate", "/soeg?q=%ED%A0%80"],
    ["a malformed escape", "/soeg?q=100%"],
  ])("refuses %s with a 400 in English and Danish", async (_, url) => {
    const res = await echoApp().request(url);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { id: string; message: string; danish: string };
    expect(body.id).toBe("validation_failed");
    expect(body.message).toMatch(/NUL|UTF-8/);
    expect(body.danish).toMatch(/ugyldigt tegn/);
  });

  it("lets ordinary Danish text through, decoded", async () => {
    const res = await echoApp().request("/soeg?q=b%C3%B8rn+og+unge&side=2");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: "/soeg", query: { q: "børn og unge", side: "2" } });
  });

  it.each([
    ["form", "text=a%00b", "application/x-www-form-urlencoded"],
    ["form with invalid UTF-8", "text=%C3%28", "application/x-www-form-urlencoded"],
    ["JSON", '{"text":"a\\u0000b"}', "application/json"],
    ["JSON key", '{"a\\u0000":1}', "application/json"],
    ["JSON lone surrogate", '["\\ud800"]', "application/json"],
  ])("refuses a NUL or invalid text in a %s body", async (_, body, type) => {
    const res = await post(type.includes("json") ? "/json" : "/form", body, type);
    expect(res.status).toBe(400);
  });

  it("refuses JSON that is not JSON or not UTF-8, and a deeply nested body without a crash", async () => {
    expect((await post("/json", "{", "application/json")).status).toBe(400);
    expect((await post("/json", new Uint8Array([0x22, 0xff, 0x22]), "application/json")).status).toBe(400);
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect((await post("/json", deep, "application/json")).status).toBe(400);
  });

  it("refuses a NUL or invalid UTF-8 in a multipart field or file name", async () => {
    const nul = new FormData();
    nul.append("text", "a\u0000b");
    expect((await post("/form", nul)).status).toBe(400);
    const named = new FormData();
    named.append("file", new File(["x"], "a\u0000.txt"));
    expect((await post("/form", named)).status).toBe(400);
    const boundary = "b0undary";
    const invalid = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n`),
      Buffer.from([0x61, 0xff, 0x62]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await post("/form", invalid, `multipart/form-data; boundary=${boundary}`);
    expect(res.status).toBe(400);
  });

  it("lets a typed replacement character (U+FFFD) through in a multipart field", async () => {
    const form = new FormData();
    form.append("text", "før \uFFFD efter");
    const res = await post("/form", form);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ text: "før \uFFFD efter" });
  });

  it("refuses a truncated or malformed multipart body with a 400, not a 500", async () => {
    const boundary = "b0undary";
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf a fi`;
    const res = await post("/form", truncated, `multipart/form-data; boundary=${boundary}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { danish: string }).danish).toContain("afkortet");
    expect((await post("/form", "x", "multipart/form-data")).status).toBe(400);
  });

  it("hands the route the body it parsed: fields, repeated fields and files", async () => {
    const form = new FormData();
    form.append("text", "Børn og unge; 6-17 år");
    form.append("many", "a");
    form.append("many", "b");
    form.append("file", new File(["indhold"], "dokument.txt"));
    const res = await post("/form", form);
    expect(await res.json()).toEqual({ text: "Børn og unge; 6-17 år", many: ["a", "b"], file: "indhold" });
    const json = await post("/json", '{"ids":["a"],"set":{"title":"Ny"}}', "application/json");
    expect(await json.json()).toEqual({ ids: ["a"], set: { title: "Ny" } });
  });

  it("holds forms and JSON to the form limit and other bodies to the upload limit (413)", async () => {
    const big = "x".repeat(FORM_LIMIT_BYTES + 1);
    expect((await post("/json", `"${big}"`, "application/json")).status).toBe(413);
    expect((await post("/form", `text=${big}`, "application/x-www-form-urlencoded")).status).toBe(413);
    const app = echoApp(1000);
    const raw = (size: number) =>
      app.request("/raw", {
        method: "POST",
        body: new Uint8Array(size),
        headers: { "content-type": "application/pdf" },
      });
    expect((await raw(900)).status).toBe(200);
    expect((await raw(200_000)).status).toBe(413);
  });
});
