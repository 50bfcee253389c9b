// DKFDS card (components/cards/cards.njk) and a summary list of label/value
// pairs. A navigation card is one link (DKFDS's navigationCard), so the whole
// card is the click target and its heading is the link text.
import type { Child } from "hono/jsx";
import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";

export interface CardProps {
  heading: string;
  headingLevel?: 2 | 3 | 4;
  subheading?: string;
  /** Makes the whole card a link. */
  href?: string;
  children?: Child;
}

export function Card({ heading, headingLevel = 2, subheading, href, children }: CardProps) {
  const Heading = `h${headingLevel}` as "h2";
  const content = (
    <div class="card-content">
      {subheading && <span class="card-subheading">{subheading}</span>}
      <Heading class="card-heading">{heading}</Heading>
      {children}
    </div>
  );
  return href ? (
    <a class="card" href={link(href)}>
      {content}
      <Icon name="arrow-forward" class="card-icon" />
    </a>
  ) : (
    <div class="card">{content}</div>
  );
}

export interface SummaryItem {
  label: string;
  value: Child;
}

/** Label/value pairs as a description list (key facts of a policy or initiative). */
export function SummaryList({ items }: { items: readonly SummaryItem[] }) {
  return (
    <dl class="summary-list">
      {items.map((item) => (
        <div class="summary-list-row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
