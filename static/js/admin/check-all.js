// <button data-check-all="NAME"> ticks every checkbox named NAME in its form.
(function () {
  "use strict";

  function start() {
    document.querySelectorAll("[data-check-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        var name = button.getAttribute("data-check-all");
        var scope = button.form || document;
        scope.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
          box.checked = true;
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
