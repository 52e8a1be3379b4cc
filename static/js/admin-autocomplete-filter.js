// The article list's tag and author filters: choosing in the autocomplete
// applies the filter at once, as a click on a filter link would.
(function ($) {
  "use strict";
  $(document).on("change", ".autocomplete-filter select", function () {
    this.form.submit();
  });
})(django.jQuery);
