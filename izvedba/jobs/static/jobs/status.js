/* izvedba: keep a job's status up to date without reloading the page (the page refreshes itself without JS). */
(function () {
  "use strict";

  var INTERVAL_MS = 1000;

  function watch(box) {
    var url = box.getAttribute("data-job-url");
    var bar = box.querySelector("[data-job-progress]");
    var text = box.querySelector("[data-job-progress-text]");
    var step = box.querySelector("[data-job-step]");
    var label = box.querySelector("[data-job-status-label]");

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (job) {
          if (job.finished) {
            window.location.reload();
            return;
          }
          if (label) {
            label.textContent = job.status_label;
          }
          if (step) {
            step.textContent = job.status === "running" ? job.label : "";
          }
          if (bar && job.percent !== null) {
            bar.value = job.percent;
            bar.textContent = job.percent + " %";
          }
          if (text && job.percent !== null) {
            text.textContent = job.percent + " % (" + job.done + " / " + job.total + ")";
          }
          window.setTimeout(poll, INTERVAL_MS);
        })
        .catch(function () {
          window.setTimeout(poll, INTERVAL_MS * 5);
        });
    }

    window.setTimeout(poll, INTERVAL_MS);
  }

  function init() {
    var boxes = document.querySelectorAll("[data-job-status='queued'], [data-job-status='running']");
    Array.prototype.forEach.call(boxes, watch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
