/* Quick exit, after GOV.UK's "Exit this page" pattern.
 *
 * The exit link works without this script. With it, a click on the link, or the Shift key pressed three
 * times within five seconds, hides the page at once and replaces it in the tab's history with the neutral
 * site, so that Back does not return here. Each press of Shift lights one of three lights under the link
 * and is announced to screen readers. Shift pressed together with another key (a capital letter) does not
 * count, and any other key starts the count again.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 5000;

  var root = document.querySelector("[data-quick-exit]");
  var link = root && root.querySelector("[data-quick-exit-button]");
  var status = root && root.querySelector("[data-quick-exit-status]");
  if (!link || !status) {
    return;
  }

  var count = 0;
  var timer = null;
  var shiftWithOtherKey = false;

  function setCount(value, message) {
    count = value;
    root.setAttribute("data-count", String(value));
    status.textContent = message;
  }

  function reset(message) {
    window.clearTimeout(timer);
    timer = null;
    setCount(0, message || "");
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    window.clearTimeout(timer);
    document.documentElement.classList.add("quick-exit-leaving");
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftWithOtherKey = false;
      }
      return;
    }
    if (event.shiftKey) {
      shiftWithOtherKey = true;
    }
    if (count > 0) {
      reset();
    }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    if (shiftWithOtherKey) {
      shiftWithOtherKey = false;
      return;
    }
    if (count + 1 >= PRESSES) {
      setCount(PRESSES, "");
      leave();
      return;
    }
    if (count === 0) {
      timer = window.setTimeout(function () {
        reset(root.getAttribute("data-cancelled"));
      }, WINDOW_MS);
    }
    setCount(count + 1, root.getAttribute(count === 0 ? "data-two-more" : "data-one-more"));
  });
})();
