// The media library's focal point: a click on the picture sets the two
// number fields (which work alone without JavaScript) and moves the marker.
(function () {
  "use strict";
  function setUp(picker) {
    var image = picker.querySelector("img");
    var marker = picker.querySelector(".focal-marker");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!image || !marker || !fieldX || !fieldY) {
      return;
    }
    function show() {
      var x = parseFloat(fieldX.value);
      var y = parseFloat(fieldY.value);
      if (isNaN(x) || isNaN(y)) {
        marker.hidden = true;
        return;
      }
      // Styles set through the CSSOM are allowed by the admin's CSP.
      marker.style.left = x * 100 + "%";
      marker.style.top = y * 100 + "%";
      marker.hidden = false;
    }
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      var x = (event.clientX - box.left) / box.width;
      var y = (event.clientY - box.top) / box.height;
      fieldX.value = Math.min(Math.max(x, 0), 1).toFixed(2);
      fieldY.value = Math.min(Math.max(y, 0), 1).toFixed(2);
      show();
    });
    fieldX.addEventListener("input", show);
    fieldY.addEventListener("input", show);
    picker.classList.add("focal-picker-active");
    show();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".focal-picker").forEach(setUp);
  });
})();
