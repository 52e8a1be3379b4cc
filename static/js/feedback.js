// "Was this content helpful?" without a page reload. The forms work without
// this script (they post and come back to the article); this only keeps the
// reader where they are and announces the answer in the live region.
(function () {
  "use strict";

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.set(submitter.name, submitter.value);
    }
    return fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json();
    });
  }

  document.querySelectorAll("[data-feedback]").forEach(function (widget) {
    var status = widget.querySelector(".feedback-status");
    var reasonForm = widget.querySelector(".feedback-reason");

    widget.querySelectorAll("form").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var buttons = form.querySelectorAll("button");
        buttons.forEach(function (button) { button.disabled = true; });
        send(form, event.submitter)
          .then(function (answer) {
            status.textContent = answer.message;
            if (answer.ask_reason) {
              reasonForm.hidden = false;
              reasonForm.querySelector("textarea").focus();
            } else if (form === reasonForm && answer.ok) {
              reasonForm.hidden = true;
            }
          })
          .catch(function () {
            form.submit();
          })
          .finally(function () {
            buttons.forEach(function (button) { button.disabled = false; });
          });
      });
    });
  });
})();
