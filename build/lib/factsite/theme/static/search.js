// Search with Pagefind's own engine (pagefind.js, one index per page language); the page works without it.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(new URL(form.dataset.pagefind, location.href).href).then(function (pf) {
        return pf.init().then(function () { return pf; });
      });
    }
    return engine;
  }

  function decode(html) {
    var box = document.createElement("textarea");  // RCDATA: entities decode, no element is ever created
    box.innerHTML = html;
    return box.value;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta && data.meta.title ? data.meta.title : data.url;
    var excerpt = document.createElement("p");
    // Pagefind marks the matched words with <mark>; rebuild them as nodes instead of trusting HTML.
    data.excerpt.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var hit = /^<mark>(.*)<\/mark>$/.exec(part);
      var text = decode((hit ? hit[1] : part).replace(/<[^>]*>/g, ""));
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = text;
        excerpt.appendChild(mark);
      } else {
        excerpt.appendChild(document.createTextNode(text));
      }
    });
    li.appendChild(link);
    li.appendChild(excerpt);
    return li;
  }

  function run(query) {
    var ticket = ++latest;
    if (!query.trim()) { status.textContent = ""; list.replaceChildren(); return; }
    load().then(function (pf) { return pf.search(query); }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (ticket !== latest) { return; }
      list.replaceChildren.apply(list, results.map(item));
      status.textContent = results.length ? form.dataset.count.replace("{n}", results.length) : form.dataset.none;
    }).catch(function () { status.textContent = form.dataset.none; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
