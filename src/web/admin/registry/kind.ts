// What a registry editor kind declares; the routes do the rest (src/web/admin/registry/routes.tsx).
import type { Child } from "hono/jsx";
import type { Context } from "../../../context.ts";
import type { Crumb } from "../../components/Breadcrumbs.tsx";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import type { SelectOption } from "../../components/FormControls.tsx";
import type { FieldSpec, FormValues } from "./fields.ts";

export interface Loaded {
  id: string;
  version: number;
  /** The row's name in the heading and breadcrumbs. */
  name: string;
  fields: FieldSpec[];
  /** The saved row as form values. */
  values: FormValues;
  /** The crumbs above this row (the row itself is added by the page). */
  crumbs: Crumb[];
  /** Where to go once the row is deleted. */
  parentHref: string;
  children?: Child;
}

export interface Draft {
  fields: FieldSpec[];
  values: FormValues;
  crumbs: Crumb[];
  parentHref: string;
}

export interface EditorKind {
  /** The URL segment: /admin/register/<slug>/<id>. */
  slug: string;
  /** The kind in a Danish sentence: "Ret <one>", "Tilføj <one>". */
  one: string;
  load(ctx: Context, id: string): Promise<Loaded>;
  save(ctx: Context, id: string, version: number, values: Record<string, unknown>): Promise<unknown>;
  /** Checks across fields, in Danish (e.g. a period that ends before it starts). */
  check?(values: Record<string, unknown>): FieldError[];
  /** Adding a row under a parent (?under=<parent id>). */
  draft?(ctx: Context, parentId: string): Promise<Draft>;
  create?(ctx: Context, parentId: string, values: Record<string, unknown>): Promise<{ id: string }>;
  remove?(ctx: Context, id: string, version: number): Promise<unknown>;
}

export const REGISTER = "/admin/register";
export const hrefOf = (slug: string, id: string) => `${REGISTER}/${slug}/${id}`;
export const registerCrumbs: Crumb[] = [
  { text: "Oversigt", href: "/admin" },
  { text: "Registret", href: REGISTER },
];

export function options<K extends string>(values: readonly K[], labels: Record<K, string>): SelectOption[] {
  return values.map((v) => ({ value: v, text: labels[v] }));
}

export const str = (v: string | null | undefined) => v ?? "";
export const intText = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
/** "" → null for optional text columns. */
export const orNull = (v: unknown) => (v === "" || v === undefined ? null : v);
