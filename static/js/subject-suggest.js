// Suggestions for the tag and author fields of the news index. The fields
// work without this script (a slug or a name is accepted); this offers the
// published matches as the reader types, through a <datalist>.
(function () {
  "use strict";

  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.createElement("datalist");
    var timer = null;
    list.id = input.id + "-suggestions";
    input.after(list);
    input.setAttribute("list", list.id);

    function show(results) {
      list.replaceChildren.apply(
        list,
        results.map(function (result) {
          var option = document.createElement("option");
          option.value = result.value;
          option.label = result.label;
          return option;
        })
      );
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) {
        return;
      }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {
          headers: { Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { show(data.results); })
          .catch(function () { /* suggestions are a convenience: typing still works */ });
      }, 150);
    });
  });
})();
