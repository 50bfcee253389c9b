// DKFDS error summary: an error alert listing each problem as a link to its
// field. data-module="error-summary" makes DKFDS focus it on load and move
// focus to the field (label in view) when a link is followed; without
// JavaScript the links are plain fragment links.
import { Icon } from "./Icon.tsx";
import { html } from "./markup.ts";

export interface FieldError {
  /**
   * id of the input the error belongs to; for a CheckboxGroup, its first box
   * (`<id>-option1`), so following the link focuses something.
   */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly FieldError[];
  heading?: string;
}

export function ErrorSummary({ errors, heading = "Der er problemer" }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  const items = errors.map(
    (e) => html`<li><a href="#${e.fieldId}" class="function-link">${e.message}</a></li>`,
  );
  return html`
    <div
      class="alert alert-error"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex="-1"
      data-module="error-summary"
    >
      ${Icon({ name: "error", class: "alert-icon", label: "Fejl" })}
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-title">${heading}</h2>
        <ul class="alert-text nobullet-list">${items}</ul>
      </div>
    </div>`;
}
