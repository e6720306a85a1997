// The theme's only script. Everything works without it except search.
(function () {
  "use strict";

  // Search page: start Pagefind's UI and run the query from ?q= so a search can be shared.
  var searchRoot = document.getElementById("search");
  if (searchRoot && typeof window.PagefindUI === "function") {
    var ui = new window.PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      bundlePath: searchRoot.getAttribute("data-bundle") || undefined,
      // Pagefind indexes paths from the output folder; the base path makes them URLs.
      baseUrl: searchRoot.getAttribute("data-base") || "/"
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
})();
