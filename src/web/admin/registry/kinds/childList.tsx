// A list of a row's children with links to their editors and an "add" link.

import { link } from "../../../../http/links.ts";
import { ButtonLink } from "../../../components/FormControls.tsx";

export function ChildList(props: {
  heading: string;
  rows: { href: string; text: string }[];
  emptyText: string;
  add?: { href: string; text: string };
}) {
  return (
    <section class="mt-8">
      <h2>{props.heading}</h2>
      {props.rows.length ? (
        <ul>
          {props.rows.map((r) => (
            <li>
              <a href={link(r.href)}>{r.text}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{props.emptyText}</p>
      )}
      {props.add && <ButtonLink href={props.add.href}>{props.add.text}</ButtonLink>}
    </section>
  );
}
