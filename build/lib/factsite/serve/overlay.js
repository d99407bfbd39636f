// factsite serve: shows the last build's errors over the page (preview only, never published).
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script.src.replace(/overlay\.js(\?.*)?$/, "errors.json");
  fetch(url, {cache: "no-store"}).then(function (r) { return r.ok ? r.json() : {errors: []}; }).then(function (data) {
    if (!data.errors || !data.errors.length) { return; }
    var box = document.createElement("section");
    box.id = "factsite-errors";
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh"; s.overflow = "auto";
    s.background = "#2b0b0e"; s.color = "#ffe9ea"; s.font = "14px/1.5 ui-monospace, monospace";
    s.padding = "1rem 1.25rem"; s.zIndex = "2147483647"; s.borderTop = "4px solid #ff5c6c";
    var title = document.createElement("h2");
    title.textContent = "The last edit did not build — this page shows the last good build (" +
      data.errors.length + " problem" + (data.errors.length === 1 ? "" : "s") + ")";
    title.style.font = "bold 15px/1.4 system-ui, sans-serif"; title.style.margin = "0 0 .5rem";
    box.appendChild(title);
    data.errors.forEach(function (text) {
      var pre = document.createElement("pre");
      pre.textContent = text;
      pre.style.whiteSpace = "pre-wrap"; pre.style.margin = ".4rem 0";
      box.appendChild(pre);
    });
    document.body.appendChild(box);
  }).catch(function () {});
})();
