// A cookie-keeping client for route tests of the admin (no network:
// app.request()). It logs in through the real form, as a browser would.
type App = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export const ORIGIN = "http://localhost";

export class AdminClient {
  readonly cookies = new Map<string, string>();
  lastHtml = "";

  constructor(private readonly app: App) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, { headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    if ((res.headers.get("content-type") ?? "").includes("text/html"))
      this.lastHtml = await res.clone().text();
    return res;
  }

  /** The CSRF token of the last page fetched. */
  csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error("no _csrf field on the last page");
    return m[1]!;
  }

  async post(
    path: string,
    fields: Record<string, string | File | string[]>,
    opts: { origin?: string | null; csrf?: string | null; multipart?: boolean } = {},
  ): Promise<Response> {
    const body = opts.multipart ? new FormData() : new URLSearchParams();
    const csrf = opts.csrf === undefined ? this.csrf() : opts.csrf;
    if (csrf !== null) body.append("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) {
      if (Array.isArray(v)) for (const x of v) body.append(k, x);
      else if (v instanceof File) (body as FormData).append(k, v);
      else body.append(k, v);
    }
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    const origin = opts.origin === undefined ? ORIGIN : opts.origin;
    if (origin !== null) headers.origin = origin;
    const res = await this.app.request(path, { method: "POST", body, headers });
    this.keep(res);
    if ((res.headers.get("content-type") ?? "").includes("text/html"))
      this.lastHtml = await res.clone().text();
    return res;
  }

  /** Logs in to the admin at `base` ("" or an organisation's "/k/<slug>"). */
  async login(email: string, password: string, base = ""): Promise<Response> {
    await this.get(`${base}/admin/login`);
    return this.post(`${base}/admin/login`, { email, password });
  }
}
