// Names for the admin's controls that come without one, so screen readers
// (and axe) can tell them apart: the autocomplete boxes drawn by select2, and
// the cells of tabular inlines, whose labels are column headings rather than
// <label> elements. Only existing texts are reused; nothing new is said.
"use strict";
(function () {
  function labelText(select) {
    var label = select.id && document.querySelector("label[for='" + select.id + "']");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function nameAutocompletes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      // select2 names its box after the chosen text, so an empty box has no
      // name: it takes the field's label, or in a tabular inline the column
      // heading that nameTabularCells gave the select.
      var name = labelText(select) || select.getAttribute("aria-label");
      var box = select.nextElementSibling;
      if (!name || !box || !box.classList.contains("select2")) {
        return;
      }
      box.querySelectorAll(".select2-selection, .select2-selection__rendered, .select2-search__field").forEach(function (control) {
        control.setAttribute("aria-label", name);
      });
      // select2 puts its "remove all" cross inside the list of choices, where
      // only list items belong; the keyboard removes choices with Backspace.
      box.querySelectorAll(".select2-selection__rendered > .select2-selection__clear:not([aria-hidden])").forEach(function (cross) {
        cross.setAttribute("aria-hidden", "true");
      });
    });
    document.querySelectorAll(".select2-dropdown .select2-search__field:not([aria-label])").forEach(function (field) {
      var owner = document.querySelector(".select2-container--open .select2-selection");
      if (owner && owner.getAttribute("aria-label")) {
        field.setAttribute("aria-label", owner.getAttribute("aria-label"));
      }
    });
  }

  function nameTabularCells() {
    document.querySelectorAll(".tabular table").forEach(function (table) {
      var headings = Array.from(table.querySelectorAll("thead th"));
      var legend = table.closest("fieldset");
      var title = legend && legend.querySelector("h2");
      headings.forEach(function (th) {
        // The first column shows which saved row it is: named after the inline.
        if (th.classList.contains("original") && !th.textContent.trim() && title) {
          var hidden = document.createElement("span");
          hidden.className = "desk-visually-hidden";
          hidden.textContent = title.textContent.trim();
          th.appendChild(hidden);
        }
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.from(row.children).forEach(function (cell, index) {
          var heading = headings[index];
          if (!heading) {
            return;
          }
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (control) {
            var labelled = control.id && document.querySelector("label[for='" + control.id + "']");
            if (!labelled && !control.hasAttribute("aria-label")) {
              control.setAttribute("aria-label", heading.textContent.trim());
            }
          });
        });
      });
    });
  }

  function nameSplitDateTimes() {
    // "Date: [input] Time: [input]": the words before each box are its name,
    // after the label of the whole field.
    document.querySelectorAll("p.datetime").forEach(function (group) {
      var field = group.closest(".form-row");
      var label = field && field.querySelector("label");
      group.querySelectorAll("input:not([type=hidden])").forEach(function (input) {
        var before = input.previousSibling;
        var words = before && before.nodeType === Node.TEXT_NODE ? before.textContent.trim() : "";
        if (words && !input.hasAttribute("aria-label")) {
          var prefix = label ? label.textContent.replace(/:\s*$/, "").trim() + " — " : "";
          input.setAttribute("aria-label", prefix + words.replace(/:\s*$/, ""));
        }
      });
    });
  }

  function nameAll() {
    // Cells first: an autocomplete in a tabular inline is named after its cell.
    nameTabularCells();
    nameAutocompletes();
    nameSplitDateTimes();
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameAll();
    // select2 draws its boxes after load and redraws them on every choice.
    new MutationObserver(nameAutocompletes).observe(document.body, { childList: true, subtree: true });
  });
  document.addEventListener("formset:added", nameAll);
})();
