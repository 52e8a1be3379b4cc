// Republishing: copy buttons and tabs on the republish page, and on the
// article page a dialog built from that page. Without this script the link
// simply opens the republish page, where everything can be copied by hand.
(function () {
  "use strict";

  function announce(root, message) {
    var status = root.querySelector(".copy-status");
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
  }

  function enableCopy(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      var field = root.querySelector("#" + button.getAttribute("data-copy"));
      button.hidden = false;
      button.addEventListener("click", function () {
        var copied = navigator.clipboard && window.isSecureContext
          ? navigator.clipboard.writeText(field.value)
          : Promise.reject(new Error("no clipboard"));
        copied.then(function () {
          announce(root, root.getAttribute("data-copied") || "Copied.");
        }).catch(function () {
          field.focus();
          field.select();
          announce(root, root.getAttribute("data-select") || "Selected: press Ctrl+C to copy.");
        });
      });
    });
  }

  function enableTabs(root) {
    var container = root.querySelector("[data-tabs]");
    if (!container) { return; }
    var panels = Array.prototype.slice.call(container.querySelectorAll("[data-tab-panel]"));
    var list = document.createElement("div");
    list.setAttribute("role", "tablist");
    list.className = "tab-list";
    var tabs = panels.map(function (panel, index) {
      var heading = panel.querySelector("h2");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = heading.textContent;
      heading.classList.add("visually-hidden");
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      list.appendChild(tab);
      tab.addEventListener("click", function () { select(index); });
      tab.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (step) {
          var next = (index + step + panels.length) % panels.length;
          select(next);
          tabs[next].focus();
        }
      });
      return tab;
    });
    function select(chosen) {
      tabs.forEach(function (tab, index) {
        var selected = index === chosen;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
        panels[index].hidden = !selected;
      });
    }
    container.insertBefore(list, container.firstChild);
    select(0);
  }

  function enhance(root) {
    enableTabs(root);
    enableCopy(root);
  }

  var page = document.getElementById("republish-content");
  if (page) {
    enhance(page);
  }

  var opener = document.querySelector("[data-republish]");
  if (!opener || typeof HTMLDialogElement === "undefined") { return; }
  var dialog = null;

  function buildDialog(html) {
    var source = new DOMParser().parseFromString(html, "text/html");
    var content = source.getElementById("republish-content");
    dialog = document.createElement("dialog");
    dialog.className = "republish-dialog";
    dialog.setAttribute("aria-labelledby", "republish-heading");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "dialog-close";
    close.textContent = opener.getAttribute("data-close-label") || "Close";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.appendChild(close);
    dialog.appendChild(document.importNode(content, true));
    dialog.querySelector(".republish-back").remove();
    // The article page has its own h1: the dialog's title becomes an h2.
    var title = dialog.querySelector("h1");
    var heading = document.createElement("h2");
    heading.id = title.id;
    heading.textContent = title.textContent;
    title.replaceWith(heading);
    dialog.addEventListener("close", function () { opener.focus(); });
    document.body.appendChild(dialog);
    enhance(dialog.querySelector("#republish-content"));
  }

  opener.setAttribute("role", "button");
  opener.setAttribute("aria-haspopup", "dialog");
  opener.addEventListener("keydown", function (event) {
    if (event.key === " ") { event.preventDefault(); opener.click(); }
  });
  opener.addEventListener("click", function (event) {
    event.preventDefault();
    var ready = dialog
      ? Promise.resolve()
      : fetch(opener.href, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.text();
          })
          .then(buildDialog);
    ready.then(function () {
      dialog.showModal();
    }).catch(function () {
      window.location.href = opener.href;
    });
  });
})();
