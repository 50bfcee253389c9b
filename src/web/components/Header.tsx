// DKFDS header (components/header/header.njk): solution info with the
// portal name, the desktop main menu, and the mobile drawer DKFDS's
// navigation.js opens with the "Menu" button. Pejl has no portal logo of its
// own, so it uses the solution header as the top line, which DKFDS allows
// ("menu" parameter of solution_info).
import { link } from "../../http/links.ts";
import { Icon } from "./Icon.tsx";
import { attr, html } from "./markup.ts";

export interface NavItem {
  /** A site path ("/politikker"); the header makes it a link in the request's organisation. */
  href: string;
  text: string;
}

export const PORTAL_NAV: readonly NavItem[] = [
  { href: "/politikker", text: "Politikker" },
  { href: "/initiativer", text: "Initiativer" },
  { href: "/hoeringer", text: "Høringer" },
  { href: "/spoergsmaal", text: "Spørgsmål" },
  { href: "/soeg", text: "Søg" },
  { href: "/data", text: "Åbne data" },
];

export interface HeaderUser {
  name: string;
  /** Second line, e.g. role and administration: "Indrapportør, BIF". */
  info?: string;
}

export interface LogoutForm {
  /** Where the log-out form posts. */
  action: string;
  /** Hidden CSRF field, when the app uses a token. */
  csrf?: { name: string; token: string };
}

export interface HeaderProps {
  nav: readonly NavItem[];
  /** Path of the current page; the nav item whose href matches or prefixes it is marked. */
  currentPath?: string;
  /** Organisation shown as the authority, e.g. "Vesterå Kommune". */
  organisation?: string;
  /** Link of the "Pejl" heading. */
  homeHref?: string;
  /** Admin variant: the logged-in user and the log-out form. */
  user?: HeaderUser;
  logout?: LogoutForm;
}

/** Whether the item's page is the current page or a page below it. */
function covers(item: NavItem, currentPath: string): boolean {
  return currentPath === item.href || (item.href !== "/" && currentPath.startsWith(`${item.href}/`));
}

/**
 * "current" for the exact page, "active" for a page below it. Only the most
 * specific item is marked: on /admin/runder/1 that is "Statusrunder", not the
 * dashboard at /admin that every admin path starts with.
 */
function navState(
  item: NavItem,
  nav: readonly NavItem[],
  currentPath: string | undefined,
): "current" | "active" | undefined {
  if (!currentPath || !covers(item, currentPath)) return undefined;
  if (nav.some((other) => other.href.length > item.href.length && covers(other, currentPath)))
    return undefined;
  return currentPath === item.href ? "current" : "active";
}

function NavLinks({ nav, currentPath }: { nav: readonly NavItem[]; currentPath?: string }) {
  const items = nav.map((item) => {
    const state = navState(item, nav, currentPath);
    const cls = state === "current" ? "active current" : state === "active" ? "active" : undefined;
    const current = state === "current" ? "page" : state === "active" ? "true" : undefined;
    return html`
      <li${attr("class", cls)}>
        <a href="${link(item.href)}" class="nav-link"${attr("aria-current", current)}><span>${item.text}</span></a>
      </li>`;
  });
  return html`<ul class="mainmenu">${items}</ul>`;
}

function LogoutButton({ logout }: { logout: LogoutForm }) {
  const csrf =
    logout.csrf && html`<input type="hidden" name="${logout.csrf.name}" value="${logout.csrf.token}"/>`;
  return html`
    <form method="post" action="${link(logout.action)}" class="log-off-form">
      ${csrf}
      <button type="submit" class="function-link log-off">${Icon({ name: "lock" })}Log ud</button>
    </form>`;
}

function UserLine({ user }: { user: HeaderUser }) {
  return html`
    <p class="user">
      <span class="sr-only">Logget ind som </span>${user.name}${user.info && `, ${user.info}`}
    </p>`;
}

function AuthorityName({ organisation, class: cls }: { organisation: string; class?: string }) {
  return html`<p${attr("class", cls)}><strong class="authority-name">${organisation}</strong></p>`;
}

export function Header(props: HeaderProps) {
  const { nav, currentPath, organisation, user, logout } = props;
  const homeHref = props.homeHref ?? "/";
  const menu = NavLinks({ nav, currentPath });
  const info =
    (organisation || user) &&
    html`
      <div class="additional-info">
        ${organisation && AuthorityName({ organisation })}
        ${user && UserLine({ user })}
        ${user && logout && LogoutButton({ logout })}
      </div>`;
  return html`
    <header class="header">
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href="${link(homeHref)}" aria-label="Pejl, gå til forsiden">Pejl</a>
          </div>
          <button
            type="button"
            class="function-link button-menu-open js-menu-open ml-auto d-print-none"
            aria-haspopup="dialog"
          >${Icon({ name: "menu" })}Menu</button>
          ${info}
        </div>
      </div>
      <div class="navigation-menu">
        <div class="navigation-menu-inner container">
          <nav class="nav" aria-label="Hovedmenu">${menu}</nav>
        </div>
      </div>
      <div class="mobile-drawer" role="dialog" aria-modal="true" aria-labelledby="menu-heading">
        <div class="menu-top">
          <h2 id="menu-heading" class="menu-heading">Menu</h2>
          <button type="button" class="function-link button-menu-close js-menu-close" aria-label="Luk menu">
            ${Icon({ name: "close" })}Luk
          </button>
        </div>
        ${organisation && html`<div class="solution-info-mobile">${AuthorityName({ organisation, class: "mb-2" })}</div>`}
        <nav class="navigation-menu-mobile" aria-label="Hovedmenu">${menu}</nav>
        ${user && html`<div class="portal-info-mobile">${UserLine({ user })}${logout && LogoutButton({ logout })}</div>`}
      </div>
      <div class="overlay"></div>
    </header>`;
}
