// factsite serve: shows the last build's errors over the page, and on the search page whether the search
// index has caught up with the last edit (preview only, never published).
(function () {
  "use strict";
  var url = document.currentScript.src.replace(/overlay\.js(\?.*)?$/, "errors.json");

  function status() {
    return fetch(url, {cache: "no-store"}).then(function (r) { return r.ok ? r.json() : {errors: []}; });
  }

  function showErrors(errors) {
    if (!errors || !errors.length) { return; }
    var box = document.createElement("section");
    box.id = "factsite-errors";
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh"; s.overflow = "auto";
    s.background = "#2b0b0e"; s.color = "#ffe9ea"; s.font = "14px/1.5 ui-monospace, monospace";
    s.padding = "1rem 1.25rem"; s.zIndex = "2147483647"; s.borderTop = "4px solid #ff5c6c";
    var title = document.createElement("h2");
    title.textContent = "The last edit did not build — this page shows the last good build (" +
      errors.length + " problem" + (errors.length === 1 ? "" : "s") + ")";
    title.style.font = "bold 15px/1.4 system-ui, sans-serif"; title.style.margin = "0 0 .5rem";
    box.appendChild(title);
    errors.forEach(function (text) {
      var pre = document.createElement("pre");
      pre.textContent = text;
      pre.style.whiteSpace = "pre-wrap"; pre.style.margin = ".4rem 0";
      box.appendChild(pre);
    });
    document.body.appendChild(box);
  }

  // The search page's note: "catching up" until the background index holds the last edit.
  var note = document.getElementById("factsite-search");
  var usual = note ? note.textContent : "";
  function showSearch(state) {
    if (!note) { return; }
    note.textContent = state === "behind" ? note.dataset.behind : state === "failed" ? note.dataset.failed : usual;
    if (state === "behind") {
      setTimeout(function () { status().then(function (data) { showSearch(data.search); }).catch(function () {}); },
                 1500);
    }
  }

  status().then(function (data) {
    showErrors(data.errors);
    showSearch(data.search);
  }).catch(function () {});
})();
