// PEJL_TRUST_PROXY decides whose forwarded headers count: the client address
// for the login throttle and the hearing rate limit, and HTTPS for HSTS.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, clientInfo, isHttps, parseTrustProxy, resolveClient } from "./proxy.ts";

const request = (peer: string, forwardedFor?: string, forwardedProto?: string) => ({
  peer,
  url: "http://pejl.example/",
  forwardedFor,
  forwardedProto,
});

describe("the client behind a proxy", () => {
  it("believes no forwarded header by default: a client cannot pick its own address", () => {
    const trust = parseTrustProxy(undefined);
    expect(resolveClient(request("203.0.113.9", "1.2.3.4", "https"), trust)).toEqual({
      address: "203.0.113.9",
      https: false,
    });
    expect(parseTrustProxy("false")("127.0.0.1", 0)).toBe(false);
  });

  it("believes a named proxy, and walks past every trusted hop to the client", () => {
    const trust = parseTrustProxy("loopback, 10.0.0.0/8");
    expect(resolveClient(request("127.0.0.1", "198.51.100.7", "https"), trust)).toEqual({
      address: "198.51.100.7",
      https: true,
    });
    // The client forged a first entry; the proxies appended what they saw.
    expect(resolveClient(request("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"), trust).address).toBe(
      "198.51.100.7",
    );
    // A peer that is not a named proxy is the client, whatever it forwards.
    expect(resolveClient(request("203.0.113.9", "1.2.3.4", "https"), trust)).toEqual({
      address: "203.0.113.9",
      https: false,
    });
  });

  it("counts hops when given a number, and refuses a setting it cannot read", () => {
    const one = parseTrustProxy("1");
    expect(resolveClient(request("192.0.2.1", "6.6.6.6, 198.51.100.7"), one).address).toBe("198.51.100.7");
    expect(() => parseTrustProxy("not an address")).toThrow(/PEJL_TRUST_PROXY/);
  });

  it("sends HSTS only when a trusted proxy says the client came over TLS", async () => {
    const app = (setting: string) => {
      const a = new Hono();
      a.use(clientInfo(parseTrustProxy(setting)));
      a.get("/", (c) => c.json({ address: clientAddress(c), https: isHttps(c) }));
      return a;
    };
    const viaProxy = (a: Hono) =>
      a.request(
        "/",
        { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" } },
        { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
      );
    const trusted = await viaProxy(app("loopback"));
    expect(trusted.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(await trusted.json()).toEqual({ address: "198.51.100.7", https: true });
    const untrusted = await viaProxy(app(""));
    expect(untrusted.headers.get("strict-transport-security")).toBeNull();
    expect(await untrusted.json()).toEqual({ address: "127.0.0.1", https: false });
  });
});
