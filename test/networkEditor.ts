// An editor of a running `pejl serve`, over the network: a new coordinator logs in through the
// real form and saves a policy's registry form, as a browser would (its Origin, its cookies).
import { expect } from "vitest";
import { AdminClient } from "../src/web/admin/testkit.ts";
import { buildLoginUser, type TestOrganisation } from "./factories.ts";

/** Sends one request to a full URL; a redirect is the response, never followed. */
type Send = (url: string, init: RequestInit) => Promise<Response>;

const fetchOnce: Send = (url, init) => fetch(url, { ...init, redirect: "manual" });

/** A client of the server at `base`, logged in as a new coordinator of `org`. */
export async function networkEditor(
  org: TestOrganisation,
  base: string,
  send = fetchOnce,
): Promise<AdminClient> {
  const { email, password } = await buildLoginUser(org, "coordinator");
  const editor = new AdminClient({
    request: (p, init = {}) => {
      const headers = new Headers(init.headers);
      if (headers.has("origin")) headers.set("origin", base);
      return send(base + p, { ...init, headers });
    },
  });
  expect((await editor.login(email, password)).status).toBe(303);
  return editor;
}

/** Saves the policy's registry form (at its first version) with a new title; returns the form's path. */
export async function savePolicyTitle(editor: AdminClient, policyId: string, title: string): Promise<string> {
  const form = `/admin/register/politikker/${policyId}`;
  await editor.get(form);
  const saved = await editor.post(form, {
    version: "1",
    title,
    kind: "policy",
    status: "adopted",
    periodStart: "2026",
    periodEnd: "2029",
  });
  expect(saved.status, editor.lastHtml).toBe(303);
  return form;
}
