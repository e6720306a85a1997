// The search page: a search UI over Pagefind's JavaScript API (pagefind.js in the site's bundle).
// Each result is an episode with the moments where the words are said ("12:34 · Speaker —
// excerpt"); a moment opens the episode at that paragraph with the words marked, and plays the
// media from there where the episode has media. The query, filters and order live in the URL
// (search/?q=word&show=…&sort=newest), so a search can be shared.
//
// The site's index may be split into several Pagefind indexes, one per stretch of time (see
// docs/search.md); the one whose url is data-bundle is the primary bundle, the others are merged
// into it (listed newest first; the primary is not always the first). Each is tagged
// with a synthetic filter naming it, which is how results are listed by date across them:
// Pagefind sorts within one index, and the indexes themselves are in date order.
(function () {
  "use strict";

  var form = document.getElementById("search");
  if (!form) return;
  var input = document.getElementById("search-q");
  var options = document.getElementById("search-options");
  var statusLine = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");

  var bundle = form.getAttribute("data-bundle");
  var base = form.getAttribute("data-base") || "/";
  var indexes = JSON.parse(form.getAttribute("data-indexes") || "[]");
  var commonWords = new Set(JSON.parse(form.getAttribute("data-common-words") || "[]"));
  var FILTERS = ["show", "speaker", "topic", "year"];
  var INDEX_FILTER = "archive-index";
  var FACTS_ID = "episode-facts";
  var PAGE_SIZE = 8;       // results whose details (one file each, ~25 KB an hour of speech) are fetched at a time
  var TOP_MOMENTS = 3;     // moments shown at once; the rest wait behind "more moments"
  var pageTitle = document.title;

  // ---- Pagefind, loaded on first use ----
  var loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pf) {
        // The primary bundle is the index whose url is the bundle's; the others are merged into it.
        var first = indexes.filter(function (index) { return index.url === bundle; })[0] || indexes[0];
        var primary = {};
        primary[INDEX_FILTER] = first.name;
        return pf.options({ basePath: bundle, baseUrl: base, excerptLength: 24, highlightParam: "pagefind-highlight", mergeFilter: primary })
          .then(function () {
            return Promise.all(indexes.filter(function (index) { return index !== first; }).map(function (index) {
              var tag = {};
              tag[INDEX_FILTER] = index.name;
              return pf.mergeIndex(index.url, { mergeFilter: tag });
            }));
          })
          .then(function () { return pf; });
      });
    }
    return loading;
  }

  // ---- The state in the form and in the URL ----
  function readForm() {
    var state = { q: input.value.trim(), sort: form.elements.sort.value, filters: {} };
    FILTERS.forEach(function (key) {
      var value = form.elements[key].value;
      if (value) state.filters[key] = value;
    });
    return state;
  }

  function selectValue(select, value) {
    if (!value) { select.value = ""; return; }
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === value; }))
      select.appendChild(new Option(value, value));
    select.value = value;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    FILTERS.forEach(function (key) { selectValue(form.elements[key], params.get(key) || ""); });
    var sort = params.get("sort") || "";
    form.elements.sort.value = /^(newest|oldest)$/.test(sort) ? sort : "";
    if (FILTERS.some(function (key) { return params.get(key); }) || form.elements.sort.value) options.open = true;
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FILTERS.forEach(function (key) { if (state.filters[key]) params.set(key, state.filters[key]); });
    if (state.sort) params.set("sort", state.sort);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
    document.title = state.q ? "“" + state.q + "” · " + pageTitle : pageTitle;
  }

  // ---- Filter choices, with how many results each would keep ----
  var filterValues = null;
  function loadFilterChoices() {
    if (filterValues) return filterValues;
    var pf;
    filterValues = pagefind().then(function (loaded) { pf = loaded; return pf.filters(); }).then(function (all) {
      FILTERS.forEach(function (key) {
        var select = form.elements[key];
        var chosen = select.value;
        var values = Object.keys(all[key] || {});
        values.sort(key === "year"
          ? function (a, b) { return b.localeCompare(a); }
          : function (a, b) { return a.localeCompare(b, undefined, { sensitivity: "base" }); });
        while (select.options.length > 1) select.remove(1);
        values.forEach(function (value) { select.appendChild(new Option(value, value)); });
        selectValue(select, chosen);
        // A filter no episode has a value for (no named topics, say) is not offered.
        if (select.parentElement && select.parentElement.tagName === "LABEL") select.parentElement.hidden = select.options.length === 1;
      });
      // The counts of the search on show were made before the filters were loaded: count again.
      var run = current;
      if (!run) return all;
      return pf.search(run.term, { filters: run.state.filters }).then(function (found) {
        if (run === current) showCounts(found.filters, found.totalFilters);
        return all;
      });
    });
    return filterValues;
  }

  function showCounts(counts, totals) {
    FILTERS.forEach(function (key) {
      var select = form.elements[key];
      // The chosen filter counts as if it were not chosen, so its other values stay meaningful.
      var source = select.value ? totals : counts;
      for (var i = 1; i < select.options.length; i++) {
        var option = select.options[i];
        var n = source && source[key] ? source[key][option.value] || 0 : null;
        option.textContent = n === null ? option.value : option.value + " (" + n + ")";
      }
    });
  }

  // ---- Results, fetched a page at a time ----
  // A source hands out results in display order: by relevance, or by date across the indexes.
  function relevanceSource(results) {
    var at = 0;
    return function (n) { var slice = results.slice(at, at + n); at += slice.length; return Promise.resolve(slice); };
  }

  function dateSource(pf, term, filters, counts, newestFirst) {
    // Indexes are listed newest first; one of undated episodes alone comes last either way.
    var dated = indexes.filter(function (index) { return index.dated; });
    if (!newestFirst) dated.reverse();
    var names = dated.concat(indexes.filter(function (index) { return !index.dated; })).map(function (index) { return index.name; });
    var buffer = [];
    function fill(n) {
      if (buffer.length >= n || !names.length) return Promise.resolve();
      var name = names.shift();
      if (counts && !(counts[name] > 0)) return fill(n);
      var only = Object.assign({}, filters);
      only[INDEX_FILTER] = name;
      var order = newestFirst ? { newest: "desc" } : { oldest: "asc" };
      return pf.search(term, { filters: only, sort: order }).then(function (found) {
        buffer = buffer.concat(found.results);
        return fill(n);
      });
    }
    return function (n) { return fill(n).then(function () { return buffer.splice(0, n); }); };
  }

  var current = null;
  var generation = 0;
  var typingTimer = 0;

  function search() {
    var state = readForm();
    writeUrl(state);
    var mine = ++generation;
    window.clearTimeout(typingTimer);
    var hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      current = null;
      list.textContent = "";
      more.hidden = true;
      statusLine.textContent = "";
      return Promise.resolve();
    }
    var words = searchWords(state.q);
    if (state.q && !words.term) {
      current = null;
      list.textContent = "";
      more.hidden = true;
      statusLine.textContent = "“" + state.q + "” is said in nearly every episode: add a rarer word, or put a phrase in quotes.";
      return Promise.resolve();
    }
    var slow = window.setTimeout(function () { if (mine === generation) statusLine.textContent = "Searching…"; }, 300);
    var term = words.term;
    return pagefind().then(function (pf) {
      return pf.search(term, { filters: state.filters }).then(function (found) {
        if (mine !== generation) return;
        // Without words there is no relevance: list the episodes of the filters newest first.
        var order = state.sort || (term ? "" : "newest");
        current = {
          state: state,
          term: term,
          left: words.left,
          total: found.results.length,
          unfiltered: found.unfilteredResultCount,
          counts: found.filters,
          totals: found.totalFilters,
          next: order ? dateSource(pf, term, state.filters, (found.filters || {})[INDEX_FILTER], order === "newest") : relevanceSource(found.results),
          shown: 0,
        };
        list.textContent = "";
        showCounts(found.filters, found.totalFilters);
        return showMore(mine).then(function () {
          window.clearTimeout(slow);
          if (mine === generation) statusLine.textContent = summary(current);
        });
      });
    }).catch(function (error) {
      window.clearTimeout(slow);
      if (mine !== generation) return;
      statusLine.textContent = "Search is not available right now: its index could not be loaded.";
      if (window.console) window.console.error(error);
    });
  }

  // The words to search for: a phrase in quotes as it is; otherwise without the common words
  // (their index chunks hold every episode, megabytes in a large archive), unless that is all.
  function searchWords(q) {
    if (!q) return { term: null, left: [] };
    if (/"/.test(q)) return { term: q, left: [] };
    var kept = [], left = [];
    q.split(/\s+/).forEach(function (word) {
      var bare = word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, "");
      (bare && commonWords.has(bare) ? left : kept).push(word);
    });
    return { term: kept.length ? kept.join(" ") : null, left: left };
  }

  function summary(run) {
    var quoted = /"/.test(run.term || "") ? run.term : "“" + run.term + "”";
    var words = run.state.q ? " for " + quoted + (run.left.length ? " (" + run.left.join(", ") + " left out: too common)" : "") : "";
    var count = run.total === 1 ? "1 episode" : run.total.toLocaleString() + " episodes";
    if (run.total === 0) {
      return "No episodes found" + words + (Object.keys(run.state.filters).length && run.unfiltered
        ? " with these filters (" + run.unfiltered + " without them)." : ".");
    }
    return count + " found" + words + (run.shown < run.total ? ", showing " + run.shown + "." : ".");
  }

  function showMore(mine) {
    var run = current;
    return run.next(PAGE_SIZE).then(function (results) {
      return Promise.all(results.map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (mine !== generation) return;
      var first = null;
      pages.forEach(function (page) {
        var item = renderResult(page, run.state);
        first = first || item;
        list.appendChild(item);
      });
      run.shown += pages.length;
      more.hidden = run.shown >= run.total;
      return first;
    });
  }

  // ---- Rendering ----
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Pagefind's excerpts are text with <mark> around the words found (and < > escaped): built
  // as nodes, never as HTML, so nothing in a transcript can become markup.
  function excerptNodes(excerpt) {
    var out = document.createDocumentFragment();
    var marked = false;
    (excerpt || "").split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      if (!part) return;
      var text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (marked) out.appendChild(el("mark", null, text));
      else out.appendChild(document.createTextNode(text));
    });
    return out;
  }

  function factsOf(page) {
    var anchor = (page.anchors || []).filter(function (a) { return a.id === FACTS_ID; })[0];
    try { return anchor && anchor.title ? JSON.parse(anchor.title) : {}; } catch (e) { return {}; }
  }

  // "12:34 · Lena Hoffmann" → time "12:34", label "Lena Hoffmann", seconds 754.
  function parseMoment(title) {
    var m = /^(\d+:\d\d(?::\d\d)?) · (.*)$/.exec(title || "");
    if (!m) return { time: null, label: title || "", seconds: null };
    var seconds = m[1].split(":").reduce(function (sum, part) { return sum * 60 + Number(part); }, 0);
    return { time: m[1], label: m[2], seconds: seconds };
  }

  function momentScore(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, w) { return sum + (w.balanced_score || 1); }, 0) || (sub.locations || []).length;
  }

  function renderMoment(sub, facts) {
    var moment = parseMoment(sub.title);
    var isChapter = sub.anchor && /^h\d$/i.test(sub.anchor.element);
    var item = el("li", "search-moment" + (isChapter ? " is-chapter" : ""));
    var link = el("a", "search-moment-link");
    link.href = sub.url;
    if (moment.time) {
      link.appendChild(el("span", "moment-time", moment.time));
      link.appendChild(document.createTextNode(" · "));
    }
    if (isChapter) link.appendChild(el("span", "search-moment-kind", "Chapter: "));
    var label = el("span", "moment-label");
    // A chapter's excerpt is its own title (the next paragraph is a moment of its own): show the
    // title with the words marked instead of repeating it.
    if (isChapter && sub.excerpt) {
      label.appendChild(excerptNodes(sub.excerpt));
      // Pagefind ends a heading's text with a full stop.
      if (label.lastChild) label.lastChild.textContent = label.lastChild.textContent.replace(/\.$/, "");
    } else label.textContent = moment.label;
    link.appendChild(label);
    item.appendChild(link);
    if (sub.excerpt && !isChapter) {
      item.appendChild(document.createTextNode(" — "));
      var excerpt = el("span", "search-excerpt");
      excerpt.appendChild(excerptNodes(sub.excerpt));
      item.appendChild(excerpt);
    }
    if (facts.play && moment.seconds !== null) {
      var play = el("a", "search-play");
      play.href = facts.play.split("{t}").join(String(moment.seconds));
      play.rel = "noopener";
      play.appendChild(el("span", null, "▶")).setAttribute("aria-hidden", "true");
      play.appendChild(document.createTextNode(" Play from " + moment.time));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(play);
    }
    return item;
  }

  function renderResult(page, state) {
    var facts = factsOf(page);
    var item = el("li", "card search-result");
    var heading = el("h2", "card-title");
    var title = el("a", null, (page.meta && page.meta.title) || page.url);
    title.href = page.url;
    heading.appendChild(title);
    item.appendChild(heading);

    var meta = el("p", "card-meta");
    var parts = [];
    var show = page.filters && page.filters.show && page.filters.show[0];
    if (show) parts.push(el("span", null, show));
    if (facts.date) {
      var time = el("time", null, facts.date);
      if (facts.dateIso) time.setAttribute("datetime", facts.dateIso);
      parts.push(time);
    }
    if (facts.duration) parts.push(el("span", null, facts.duration));
    parts.forEach(function (part, i) {
      if (i > 0) meta.appendChild(el("span", "sep", "·")).setAttribute("aria-hidden", "true");
      meta.appendChild(part);
    });
    if (parts.length) item.appendChild(meta);

    // Sub-results with an anchor are moments (paragraphs) and chapters; one without is the
    // episode's title or summary.
    var subs = (page.sub_results || []).filter(function (s) { return s.anchor && s.anchor.id !== FACTS_ID; });
    var top = (page.sub_results || []).filter(function (s) { return !s.anchor; })[0];
    if (state.q && (top || !subs.length)) {
      var excerpt = el("p", "card-excerpt search-excerpt");
      excerpt.appendChild(excerptNodes((top || page).excerpt));
      item.appendChild(excerpt);
    }
    if (subs.length) {
      // The best moments first to catch the eye, each list in the order of the episode.
      var ranked = subs.slice().sort(function (a, b) { return momentScore(b) - momentScore(a); });
      var best = ranked.slice(0, TOP_MOMENTS);
      var rest = ranked.slice(TOP_MOMENTS);
      var byTime = function (a, b) { return a.anchor.location - b.anchor.location; };
      var moments = el("ul", "moments search-moments");
      best.sort(byTime).forEach(function (sub) { moments.appendChild(renderMoment(sub, facts)); });
      item.appendChild(moments);
      if (rest.length) {
        var details = el("details", "search-more-moments");
        details.appendChild(el("summary", null, rest.length === 1 ? "1 more moment" : rest.length + " more moments"));
        var others = el("ul", "moments search-moments");
        rest.sort(byTime).forEach(function (sub) { others.appendChild(renderMoment(sub, facts)); });
        details.appendChild(others);
        item.appendChild(details);
      }
    }
    return item;
  }

  // ---- Events ----
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(search, 250);
  });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") search();
  });
  options.addEventListener("toggle", function () { if (options.open) loadFilterChoices(); });
  more.addEventListener("click", function () {
    if (!current) return;
    more.disabled = true;
    var mine = generation;
    showMore(mine).then(function (first) {
      more.disabled = false;
      if (mine !== generation) return;
      statusLine.textContent = summary(current);
      var link = first && first.querySelector("a");
      if (link) link.focus();
    });
  });

  readUrl();
  if (options.open) loadFilterChoices();
  if (input.value || FILTERS.some(function (key) { return form.elements[key].value; })) search();
  // Loading the index while the visitor starts typing saves the first search a moment.
  input.addEventListener("focus", function () { pagefind().catch(function () { /* reported by the search */ }); }, { once: true });
})();
