/* The Print button next to a member's reference and secret. Without this script the button stays hidden and
 * the browser's own Print command gives the same result: the print stylesheet keeps only the reference box.
 */
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-print]");
  for (var index = 0; index < buttons.length; index += 1) {
    buttons[index].hidden = false;
    buttons[index].addEventListener("click", function () {
      window.print();
    });
  }
})();
