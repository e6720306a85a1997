// The theme's script for every page (the search page adds search.js). Every page works without
// it; it adds conveniences:
// copying a link to a moment, finding the paragraph of a shared time, playing from a paragraph,
// and showing the current chapter in the table of contents.
(function () {
  "use strict";

  // ---- Search: a page opened from a search result marks the words searched for ----
  // The search page itself is assets/search.js. Its links carry ?pagefind-highlight=word; only
  // then is Pagefind's highlight script (in the bundle beside assets/) loaded.
  var scriptUrl = document.currentScript && document.currentScript.src;
  function highlightSearchWords() {
    if (!scriptUrl || !/[?&]pagefind-highlight=/.test(window.location.search)) return;
    var bundle = new URL("../pagefind/", scriptUrl).href;
    import(bundle + "pagefind-highlight.js").then(function () {
      var context = document.querySelectorAll(".episode-header h1, .summary, .transcript .para-body > p:not(.speaker), .transcript .chapter-title");
      if (!context.length || typeof window.PagefindHighlight !== "function") return;
      new window.PagefindHighlight({ highlightParam: "pagefind-highlight", markContext: context, addStyles: false,
        markOptions: { className: "search-word", exclude: [".chapter-time"] } });
    }, function () { /* a site built without search has no highlight script */ });
  }

  // ---- Episode page ----
  var status = null;
  function announce(message) {
    if (!status) {
      status = document.createElement("p");
      status.className = "toast";
      status.setAttribute("role", "status");
      (document.querySelector("main") || document.body).appendChild(status);
    }
    status.textContent = message;
    status.classList.add("is-shown");
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () { status.classList.remove("is-shown"); }, 2500);
  }

  // A timestamp link goes to its paragraph (the browser highlights it) and copies its address.
  function copyMomentLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.para-anchor") : null;
      if (!link || !navigator.clipboard || !window.isSecureContext) return;
      var url = window.location.href.split("#")[0] + link.getAttribute("href");
      navigator.clipboard.writeText(url).then(function () {
        announce("Link to " + (link.textContent.trim() || "this paragraph") + " copied");
      }, function () { /* the address bar still shows the link */ });
    });
  }

  // #t-00-12-34 that is not a paragraph's own start: highlight the paragraph being spoken then.
  function revealMoment() {
    var old = document.querySelector(".para.is-moment");
    if (old) old.classList.remove("is-moment");
    var id = decodeURIComponent(window.location.hash.slice(1));
    var wanted = /^t-(\d+)-(\d\d)-(\d\d)$/.exec(id);
    if (!wanted || document.getElementById(id)) return;
    var seconds = +wanted[1] * 3600 + +wanted[2] * 60 + +wanted[3];
    var best = null;
    var paragraphs = document.querySelectorAll(".para[id^='t-']");
    for (var i = 0; i < paragraphs.length; i++) {
      var t = /^t-(\d+)-(\d\d)-(\d\d)/.exec(paragraphs[i].id);
      if (t && +t[1] * 3600 + +t[2] * 60 + +t[3] <= seconds) best = paragraphs[i];
      else if (t) break;
    }
    if (best) {
      best.classList.add("is-moment");
      best.scrollIntoView();
    }
  }

  // With an audio player on the page, ▶ plays from the paragraph instead of leaving the page.
  function playFromParagraphs() {
    var player = document.getElementById("player");
    if (!player || typeof player.play !== "function") return;
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.para-play") : null;
      if (!link) return;
      event.preventDefault();
      player.currentTime = +link.getAttribute("data-seconds") || 0;
      var playing = player.play();
      if (playing && playing.catch) playing.catch(function () { window.location.href = link.href; });
    });
  }

  // The chapter being read is marked in the table of contents (sticky beside the text on wide screens).
  function followChapters() {
    var toc = document.querySelector(".toc");
    if (!toc) return;
    var links = {};
    toc.querySelectorAll("a[href^='#']").forEach(function (a) { links[a.getAttribute("href").slice(1)] = a; });
    var headings = Array.prototype.filter.call(document.querySelectorAll(".chapter-title[id]"), function (h) { return links[h.id]; });
    if (!headings.length) return;
    var current = null, pending = false;
    function update() {
      pending = false;
      var line = window.innerHeight * 0.3, found = null;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i].getBoundingClientRect().top <= line) found = headings[i];
        else break;
      }
      var link = found ? links[found.id] : null;
      if (link === current) return;
      if (current) current.removeAttribute("aria-current");
      current = link;
      if (!link) return;
      link.setAttribute("aria-current", "location");
      // Keep the marked chapter in sight when the list scrolls on its own; never scroll the page.
      if (toc.scrollHeight > toc.clientHeight) {
        var box = toc.getBoundingClientRect(), at = link.getBoundingClientRect();
        if (at.top < box.top || at.bottom > box.bottom) toc.scrollTop += at.top - box.top - toc.clientHeight / 3;
      }
    }
    function schedule() { if (!pending) { pending = true; window.requestAnimationFrame(update); } }
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    update();
  }

  highlightSearchWords();
  if (document.querySelector(".transcript")) {
    copyMomentLinks();
    playFromParagraphs();
    followChapters();
    revealMoment();
    window.addEventListener("hashchange", revealMoment);
  }
})();
