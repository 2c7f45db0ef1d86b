/* izvedba: while a plan document is read or saved (a PDF takes a few seconds), say so and block a second submit.
   Any form with data-busy-message; its [data-busy-status] element (a live region) receives the message. */
(function () {
  "use strict";

  function busy(form, on) {
    var buttons = form.querySelectorAll("button[type=submit]");
    Array.prototype.forEach.call(buttons, function (button) {
      if (on) {
        button.setAttribute("aria-busy", "true");
        button.setAttribute("aria-disabled", "true");
      } else {
        button.removeAttribute("aria-busy");
        button.removeAttribute("aria-disabled");
      }
    });
    var status = form.querySelector("[data-busy-status]") || document.querySelector("[data-busy-status]");
    if (status) {
      status.textContent = on ? form.getAttribute("data-busy-message") : "";
    }
  }

  function init() {
    var forms = document.querySelectorAll("form[data-busy-message]");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function (event) {
        if (form.getAttribute("data-busy") === "true") {
          event.preventDefault();  // already sent: a second click would parse the file twice
          return;
        }
        form.setAttribute("data-busy", "true");
        busy(form, true);
      });
    });
    // Coming back with the Back button restores the page from the cache: make it usable again.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) {
        return;
      }
      Array.prototype.forEach.call(forms, function (form) {
        form.removeAttribute("data-busy");
        busy(form, false);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
