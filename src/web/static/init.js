// Pejl's only script of its own, loaded from our origin (the CSP is
// script-src 'self', so nothing may be inline). It is loaded synchronously in
// <head>: the "js" class is then on <html> before the first paint, so the CSS
// can show the script-only controls (the mobile menu button) and hide the
// no-script fallbacks without a flash.
document.documentElement.classList.remove("no-js");
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  // Accordions are rendered open, so their content is reachable without
  // JavaScript; close the ones the page wants closed before DKFDS wires them.
  for (const button of document.querySelectorAll(".accordion-button[data-collapsed]")) {
    button.setAttribute("aria-expanded", "false");
    const panel = document.getElementById(button.getAttribute("aria-controls") || "");
    if (panel) panel.setAttribute("aria-hidden", "true");
  }
  // dkfds.min.js is loaded with defer, so it has run by DOMContentLoaded.
  if (window.DKFDS) window.DKFDS.init();
});
