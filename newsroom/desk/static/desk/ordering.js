// Ordering for the admin's inlines that have a "position" field (authors,
// analysis sections, related picks): drag and drop with a mouse, or the
// "Move up" and "Move down" buttons (and the arrow keys on them) from the
// keyboard, each move said aloud through the status line of the form
// (#desk-ordering-status). Moving renumbers the positions in the order shown;
// the numbers stay editable, so the form works the same without JavaScript.
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

  function label(row) {
    // What the row holds, as a screen reader user would recognise it: the
    // chosen author or article, or the section's heading.
    var select = row.querySelector("select");
    if (select && select.selectedIndex >= 0 && select.value) {
      return select.options[select.selectedIndex].text.trim();
    }
    var text = row.querySelector("input[type=text]:not([name$='-position'])");
    return text ? text.value.trim() : "";
  }

  function announce(group, row) {
    var status = document.getElementById("desk-ordering-status");
    if (!status) {
      return;
    }
    var all = rows(group);
    var message = status.dataset.moved
      .replace("%(position)s", all.indexOf(row) + 1)
      .replace("%(count)s", all.length);
    var name = label(row);
    status.textContent = name ? name + ": " + message : message;
  }

  function move(group, row, step) {
    var all = rows(group);
    var target = all[all.indexOf(row) + step];
    if (target) {
      target.parentNode.insertBefore(row, step < 0 ? target : target.nextSibling);
      renumber(group);
    }
    announce(group, row);
  }

  function moveButton(group, row, step, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "desk-move";
    button.textContent = text;
    button.addEventListener("click", function () {
      move(group, row, step);
      button.focus();
    });
    button.addEventListener("keydown", function (event) {
      var steps = { ArrowUp: -1, ArrowDown: 1 };
      if (event.key in steps) {
        event.preventDefault();
        move(group, row, steps[event.key]);
        button.focus();
      }
    });
    return button;
  }

  function addButtons(group, row) {
    var status = document.getElementById("desk-ordering-status");
    if (!status) {
      return;
    }
    var controls = document.createElement("span");
    controls.className = "desk-move-controls";
    controls.appendChild(moveButton(group, row, -1, status.dataset.moveUp));
    controls.appendChild(moveButton(group, row, 1, status.dataset.moveDown));
    positionInput(row).insertAdjacentElement("afterend", controls);
  }

  function prepare(group) {
    rows(group).forEach(function (row) {
      if (row.draggable) {
        return;
      }
      addButtons(group, row);
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
        announce(group, dragged);
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
    // be moved like the others.
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
