// The page shell: DKFDS head, skip link, header, breadcrumbs, <main>, footer.
// No inline script or style anywhere (the CSP is script-src 'self'): init.js
// and dkfds.min.js are files from our own origin.

import type { Child } from "hono/jsx";
import { assetUrl } from "../assets.ts";
import { Breadcrumbs, type Crumb } from "./Breadcrumbs.tsx";
import { Footer, type FooterProps } from "./Footer.tsx";
import { Header, type HeaderUser, type LogoutForm, type NavItem, PORTAL_NAV } from "./Header.tsx";
import { IconSprite } from "./Icon.tsx";
import { html } from "./markup.ts";

export const SITE_NAME = "Pejl";

export interface LayoutProps {
  /** The page's own title; the document title becomes "<title> – Pejl". */
  title: string;
  /** Meta description for search engines and link previews. */
  description?: string;
  breadcrumbs?: readonly Crumb[];
  /** Path of the current page, to mark the current menu item. */
  currentPath?: string;
  /** "portal" (public, default) or "admin" (logged in: user name and log out). */
  variant?: "portal" | "admin";
  /** Menu items; defaults to the portal's (Politikker, Initiativer, Søg, Åbne data). */
  nav?: readonly NavItem[];
  /** Where the "Pejl" heading leads (default: the front page, "/"). */
  homeHref?: string;
  /** The footer's "Om siden" links (default: the organisation's). */
  footerLinks?: FooterProps["links"];
  /** The municipality, shown in the header and footer. */
  organisation?: string;
  /** Admin variant only. */
  user?: HeaderUser;
  logout?: LogoutForm;
  children?: Child;
}

export function documentTitle(title: string): string {
  return title === SITE_NAME ? SITE_NAME : `${title} – ${SITE_NAME}`;
}

export function Layout(props: LayoutProps) {
  const isAdmin = props.variant === "admin";
  const header = Header({
    nav: props.nav ?? PORTAL_NAV,
    currentPath: props.currentPath,
    organisation: props.organisation,
    homeHref: props.homeHref,
    user: isAdmin ? props.user : undefined,
    logout: isAdmin ? props.logout : undefined,
  });
  // init.js is synchronous on purpose: it sets html.js before first paint.
  return html`
    <!DOCTYPE html>
    <html lang="da" class="no-js">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>${documentTitle(props.title)}</title>
        ${props.description && html`<meta name="description" content="${props.description}"/>`}
        ${isAdmin && html`<meta name="robots" content="noindex"/>`}
        <link rel="icon" type="image/svg+xml" href="${assetUrl("pejl/favicon.svg")}"/>
        <link rel="stylesheet" href="${assetUrl("css/dkfds.min.css")}"/>
        <link rel="stylesheet" href="${assetUrl("pejl/pejl.css")}"/>
        <script src="${assetUrl("pejl/init.js")}"></script>
        <script defer="" src="${assetUrl("js/dkfds.min.js")}"></script>
      </head>
      <body>
        ${IconSprite()}
        <a class="skipnav" href="#main-content">Gå til sidens indhold</a>
        ${header}
        <div class="container page-container">
          ${props.breadcrumbs && Breadcrumbs({ items: props.breadcrumbs })}
          <main id="main-content" class="page-content">${props.children}</main>
        </div>
        ${Footer({ organisation: props.organisation, links: props.footerLinks })}
      </body>
    </html>`;
}
