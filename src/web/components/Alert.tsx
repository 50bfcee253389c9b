// DKFDS alert (components/alerts/alerts.njk). Warnings and errors get
// role="alert" as in DKFDS; the icon carries the kind in text ("Advarsel"), so
// colour is never the only signal.
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { Icon } from "./Icon.tsx";
import { attr, html } from "./markup.ts";

export type AlertVariant = "info" | "success" | "warning" | "error";

const ICON_LABEL: Record<AlertVariant, string> = {
  info: "Information",
  success: "Succes",
  warning: "Advarsel",
  error: "Fejl",
};

export interface AlertProps {
  variant: AlertVariant;
  heading?: string;
  headingLevel?: 2 | 3 | 4;
  /** Text or markup of the body; a string is wrapped in <p class="alert-text">. */
  children?: Child;
  /** Limit the width to a paragraph's (DKFDS alert--paragraph). */
  paragraph?: boolean;
}

export function Alert({ variant, heading, headingLevel = 2, children, paragraph }: AlertProps) {
  const tag = raw(`h${headingLevel}`);
  const urgent = variant === "warning" || variant === "error";
  const cls = `alert alert-${variant}${paragraph ? " alert--paragraph" : ""}`;
  const isText = typeof children === "string" || typeof children === "number";
  return html`
    <div class="${cls}"${attr("role", urgent ? "alert" : undefined)}>
      ${Icon({ name: variant, class: "alert-icon", label: ICON_LABEL[variant] })}
      <div class="alert-body">
        ${heading && html`<${tag} class="alert-heading">${heading}</${tag}>`}
        ${isText ? html`<p class="alert-text">${children}</p>` : children}
      </div>
    </div>`;
}
