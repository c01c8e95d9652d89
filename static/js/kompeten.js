// The site's only script. The Content-Security-Policy forbids inline styles and scripts, so
// what a template would have written inline is done here from data attributes.
(function () {
  "use strict";

  // <button data-print> prints the page.
  function bindPrint(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Arriving at a result (e.g. a quiz's #hasil, role=status tabindex=-1): move the focus there too,
  // so a screen reader reads it and the keyboard continues from it.
  function focusTarget() {
    if (!window.location.hash) { return; }
    var target = document.getElementById(window.location.hash.slice(1));
    if (target && target.getAttribute("tabindex") === "-1") { target.focus(); }
  }

  // The header's menu button: on a phone the navigation folds behind it (the CSS hides the
  // menu only once this script has marked the header as foldable, so without it all stays open).
  function bindMenu(root) {
    var header = root.querySelector(".site-header");
    var toggle = header && header.querySelector(".menu-toggle");
    if (!toggle) { return; }
    toggle.hidden = false;
    header.classList.add("menu-foldable");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("menu-open", open);
    });
  }

  function start() {
    bindPrint(document);
    bindMenu(document);
    focusTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
