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

  // The index comes in bundles (pagefind/<lang>/00/, 01/, …, listed by the page): the first is loaded, the
  // others merged into it. Each gets a filter value naming it, so that a query of several words can be kept
  // to the bundles that hold them all.
  function load() {
    if (!engine) {
      var base = new URL(form.dataset.pagefind, location.href).href;
      var bundles = form.dataset.bundles.split(" ").filter(Boolean).map(function (name) { return base + name + "/"; });
      if (!bundles.length) { return Promise.reject(new Error("no search index")); }
      engine = import(bundles[0] + "pagefind.js").then(function (pf) {
        return pf.options({mergeFilter: {shard: "0"}}).then(function () { return pf.init(); }).then(function () {
          return Promise.all(bundles.slice(1).map(function (url, n) {
            return pf.mergeIndex(url, {mergeFilter: {shard: String(n + 1)}});
          }));
        }).then(function () { return pf; });
      });
    }
    return engine;
  }

  // Pagefind drops a word its index does not hold at all. A bundle without one of the words would then
  // answer with pages that have only the others; such bundles are left out, so that the merged index answers
  // as one index would (a word found nowhere is dropped, a word found anywhere is required).
  function bundlesWithEveryWord(pf, query) {
    var words = query.trim().split(/\s+/);
    if (words.length < 2 || /^\s*".+"\s*$/.test(query)) { return Promise.resolve(null); }
    return Promise.all(words.map(function (w) { return pf.search(w); })).then(function (found) {
      var allowed = null;
      found.forEach(function (r) {
        var counts = (r && r.totalFilters && r.totalFilters.shard) || {};
        var have = Object.keys(counts).filter(function (k) { return counts[k] > 0; });
        if (have.length) { allowed = allowed ? allowed.filter(function (k) { return have.indexOf(k) >= 0; }) : have; }
      });
      return allowed;
    });
  }

  function find(pf, query) {
    return bundlesWithEveryWord(pf, query).then(function (allowed) {
      if (allowed && !allowed.length) { return {results: []}; }
      return pf.search(query, allowed ? {filters: {shard: {any: allowed}}} : {});
    });
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
    load().then(function (pf) { return find(pf, query); }).then(function (search) {
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
