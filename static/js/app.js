/* izvedba: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  // Move focus to a form's error summary so keyboard and screen-reader users hear it first.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  // Messages are rendered with the page; re-insert them so the live region announces them.
  function announceMessages() {
    var region = document.querySelector("[data-messages]");
    if (!region || !region.children.length) {
      return;
    }
    var items = Array.prototype.slice.call(region.children);
    items.forEach(function (item) { region.removeChild(item); });
    window.setTimeout(function () {
      items.forEach(function (item) { region.appendChild(item); });
    }, 250);
  }

  // A table that scrolls sideways must be reachable by keyboard and have a name.
  function labelScrollingTables() {
    var wraps = document.querySelectorAll(".table-wrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1;
      if (!scrolls || wrap.hasAttribute("tabindex")) {
        return;
      }
      wrap.setAttribute("tabindex", "0");
      if (!wrap.hasAttribute("role")) {
        wrap.setAttribute("role", "region");
      }
      if (!wrap.hasAttribute("aria-label") && !wrap.hasAttribute("aria-labelledby")) {
        var caption = wrap.querySelector("caption");
        var label = caption ? caption.textContent.trim() : "";
        if (label) {
          wrap.setAttribute("aria-label", label);
        }
      }
    });
  }

  function init() {
    focusErrorSummary();
    announceMessages();
    labelScrollingTables();
    window.addEventListener("resize", labelScrollingTables);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
