// Drag-and-drop ordering for the admin's inlines that have a "position"
// field (authors, analysis sections, related picks). Dropping a row renumbers
// the positions in the order shown; the numbers stay editable, so the form
// works the same without JavaScript or without a mouse.
"use strict";
(function () {
  function positionInput(row) {
    return row.querySelector("input[name$='-position']");
  }

  function rows(group) {
    // Table rows of a tabular inline, or the blocks of a stacked one; never
    // the hidden template a new row is copied from.
    return Array.from(
      group.querySelectorAll(
        "tr.form-row:not(.empty-form), .inline-related:not(.tabular):not(.empty-form)"
      )
    ).filter(positionInput);
  }

  function renumber(group) {
    rows(group).forEach(function (row, index) {
      positionInput(row).value = index;
    });
  }

  function prepare(group) {
    rows(group).forEach(function (row) {
      if (row.draggable) {
        return;
      }
      row.draggable = true;
      row.classList.add("desk-draggable");
      row.addEventListener("dragstart", function (event) {
        group.deskDragged = row;
        row.classList.add("desk-dragging");
        event.dataTransfer.effectAllowed = "move";
      });
      row.addEventListener("dragend", function () {
        row.classList.remove("desk-dragging");
        group.deskDragged = null;
      });
      row.addEventListener("dragover", function (event) {
        if (group.deskDragged && group.deskDragged !== row) {
          event.preventDefault();
        }
      });
      row.addEventListener("drop", function (event) {
        var dragged = group.deskDragged;
        if (!dragged || dragged === row) {
          return;
        }
        event.preventDefault();
        var box = row.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
        renumber(group);
      });
    });
  }

  function prepareAll() {
    document.querySelectorAll(".inline-group[data-inline-formset]").forEach(function (group) {
      prepare(group);
    });
  }

  function added(event) {
    // A row added with "Add another" comes last: number it so, and let it
    // be dragged like the others.
    var group = event.target.closest(".inline-group[data-inline-formset]");
    var input = positionInput(event.target);
    if (group && input) {
      var others = rows(group).filter(function (row) { return row !== event.target; });
      input.value = others.reduce(function (highest, row) {
        return Math.max(highest, Number(positionInput(row).value) + 1 || 0);
      }, 0);
    }
    prepareAll();
  }

  document.addEventListener("DOMContentLoaded", prepareAll);
  document.addEventListener("formset:added", added);
})();
