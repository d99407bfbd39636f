// Topic filter without leaving the page; without JavaScript each chip is a link to that topic's timeline.
(function () {
  "use strict";
  var chips = document.querySelectorAll(".filters a[data-topic]");
  // On a topic's own page the chips simply lead to the other pages.
  if (!chips.length || document.querySelector(".filters[data-filtered]")) { return; }
  function apply(topic) {
    document.querySelectorAll("[data-topic]").forEach(function (el) {
      if (el.closest(".filters")) { return; }
      el.hidden = topic !== "" && el.dataset.topic !== topic;
      if (el.tagName.toLowerCase() === "g" || el.tagName.toLowerCase() === "a") {
        el.classList.toggle("dimmed", el.hidden);
        el.hidden = false;  // the chart keeps every lane, the others fade
      }
    });
    document.querySelectorAll("section[data-year]").forEach(function (section) {
      section.hidden = !section.querySelector(".tl-item:not([hidden])");
    });
    chips.forEach(function (chip) {
      if (chip.dataset.topic === topic) { chip.setAttribute("aria-current", "page"); }
      else { chip.removeAttribute("aria-current"); }
    });
  }
  chips.forEach(function (chip) {
    chip.addEventListener("click", function (event) {
      event.preventDefault();
      apply(chip.dataset.topic);
      history.replaceState(null, "", chip.dataset.topic ? "#topic-" + chip.dataset.topic : "#");
    });
  });
  var start = /^#topic-(.+)$/.exec(location.hash);
  if (start) { apply(start[1]); }
})();
