// The list's action bar shows the publication time only for "Schedule" and
// the reason only for "Unpublish", so it stays one short line for the other
// actions. Without JavaScript both fields simply stay visible.
"use strict";
(function () {
  var wanted = { publish_at: "schedule", reason: "unpublish" };

  document.addEventListener("DOMContentLoaded", function () {
    var action = document.querySelector("#changelist-form .actions select[name=action]");
    if (!action) {
      return;
    }
    function update() {
      Object.keys(wanted).forEach(function (name) {
        var input = action.form.querySelector(".actions [name=" + name + "]");
        var holder = input && (input.closest("label") || input);
        if (holder) {
          holder.hidden = action.value !== wanted[name];
        }
      });
    }
    action.addEventListener("change", update);
    update();
  });
})();
