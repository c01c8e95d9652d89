// The appraisal import page follows the job until it finishes, then reloads to show the result.
(function () {
  "use strict";

  function start() {
    var box = document.getElementById("import-progress");
    if (!box || box.getAttribute("data-finished") === "1") { return; }
    function show(name, value) { box.querySelector("[data-" + name + "]").textContent = value; }
    function poll() {
      fetch(box.getAttribute("data-status-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (job) {
          if (!job) { window.setTimeout(poll, 5000); return; }
          if (job.finished) { window.location.reload(); return; }
          box.querySelector("progress").value = job.percent;
          show("status", job.status_label);
          show("processed", job.processed);
          show("total", job.total);
          show("percent", job.percent);
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 1000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
