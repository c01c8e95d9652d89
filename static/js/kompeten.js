// The site's only script. The Content-Security-Policy forbids inline styles and scripts, so
// what a template would have written inline is done here from data attributes.
(function () {
  "use strict";

  // Progress bars: <span data-width="40"> becomes 40% wide (0 to 100).
  function sizeBars(root) {
    root.querySelectorAll("[data-width]").forEach(function (bar) {
      var value = parseFloat(bar.getAttribute("data-width"));
      if (isNaN(value)) { return; }
      bar.style.width = Math.min(100, Math.max(0, value)) + "%";
    });
  }

  // <button data-print> prints the page.
  function bindPrint(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function start() {
    sizeBars(document);
    bindPrint(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
