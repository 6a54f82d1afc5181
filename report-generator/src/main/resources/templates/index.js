(function () {
  "use strict";
  // Sorting, filtering and search for index.html. Reads the rows once, then only toggles
  // `hidden` on rows whose visibility changes, so 10,000 rows stay interactive. Text is only
  // ever read (textContent), never written as HTML.
  var RANK = { BREAKING: 0, ERROR: 1, RISKY: 2, NO_DATA: 3, SAFE: 4, OK: 5 };
  var table = document.getElementById("tables");
  var form = document.getElementById("filters");
  if (!table || !form) {
    return;
  }
  var tbody = table.tBodies[0];
  var count = document.getElementById("count");
  var none = document.getElementById("none");
  var search = document.getElementById("q");
  var selects = {
    status: document.getElementById("f-status"),
    severity: document.getElementById("f-severity"),
    db: document.getElementById("f-db"),
    owner: document.getElementById("f-owner"),
    tag: document.getElementById("f-tag")
  };
  var totals = document.querySelectorAll(".totals button");

  var rows = [];
  for (var i = 0; i < tbody.rows.length; i++) {
    var tr = tbody.rows[i];
    var cells = tr.cells;
    var name = cells[0].textContent;
    var tags = [];
    var tagSpans = cells[7].getElementsByTagName("span");
    for (var t = 0; t < tagSpans.length; t++) {
      tags.push(tagSpans[t].textContent);
    }
    var owner = cells[6].textContent;
    rows.push({
      el: tr,
      order: i,
      shown: true,
      name: name,
      db: name.slice(0, name.indexOf(".")),
      status: tr.getAttribute("data-s"),
      breaking: +cells[2].textContent,
      risky: +cells[3].textContent,
      safe: +cells[4].textContent,
      waived: +cells[5].textContent,
      owner: owner,
      tags: tags,
      checked: cells[8].textContent,
      changed: cells[9].textContent,
      text: (name + "\n" + owner + "\n" + tags.join("\n")).toLowerCase()
    });
  }

  function matches(row, wanted) {
    if (wanted.status && row.status !== wanted.status) return false;
    if (wanted.severity && !(row[wanted.severity] > 0)) return false;
    if (wanted.db && row.db !== wanted.db) return false;
    if (wanted.owner && row.owner !== wanted.owner) return false;
    if (wanted.tag && row.tags.indexOf(wanted.tag) < 0) return false;
    if (wanted.words.length) {
      for (var w = 0; w < wanted.words.length; w++) {
        if (row.text.indexOf(wanted.words[w]) < 0) return false;
      }
    }
    return true;
  }

  function wantedNow() {
    var words = search.value.toLowerCase().split(/\s+/).filter(function (word) {
      return word.length > 0;
    });
    return {
      words: words,
      status: selects.status.value,
      severity: selects.severity.value,
      db: selects.db.value,
      owner: selects.owner.value,
      tag: selects.tag.value
    };
  }

  function apply() {
    var wanted = wantedNow();
    var visible = 0;
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      var show = matches(row, wanted);
      if (show !== row.shown) {
        row.el.hidden = !show;
        row.shown = show;
      }
      if (show) visible++;
    }
    count.textContent = visible === rows.length
      ? rows.length + (rows.length === 1 ? " table" : " tables")
      : visible + " of " + rows.length + " tables";
    none.hidden = visible !== 0;
    for (var b = 0; b < totals.length; b++) {
      totals[b].setAttribute("aria-pressed",
        String(totals[b].getAttribute("data-status") === wanted.status));
    }
    remember();
  }

  var sortKey = null;
  var sortDescending = false;
  var headers = table.tHead.rows[0].cells;

  function compare(left, right) {
    var a, b;
    if (sortKey === "status") {
      a = RANK[left.status];
      b = RANK[right.status];
    } else {
      a = left[sortKey];
      b = right[sortKey];
    }
    var result = typeof a === "number" ? a - b : a < b ? -1 : a > b ? 1 : 0;
    if (sortDescending) result = -result;
    return result !== 0 ? result : left.order - right.order;
  }

  function sort() {
    var ordered = rows.slice();
    if (sortKey) ordered.sort(compare);
    var fragment = document.createDocumentFragment();
    for (var r = 0; r < ordered.length; r++) fragment.appendChild(ordered[r].el);
    tbody.appendChild(fragment);
    for (var h = 0; h < headers.length; h++) {
      var button = headers[h].querySelector("button");
      if (!button) continue;
      if (sortKey && button.getAttribute("data-key") === sortKey) {
        headers[h].setAttribute("aria-sort", sortDescending ? "descending" : "ascending");
      } else {
        headers[h].removeAttribute("aria-sort");
      }
    }
  }

  // The filters live in the address's #fragment, so a filtered view can be bookmarked or shared.
  function remember() {
    var parts = [];
    var wanted = { q: search.value };
    for (var key in selects) wanted[key] = selects[key].value;
    if (sortKey) wanted.sort = sortKey + (sortDescending ? ":desc" : ":asc");
    for (var name in wanted) {
      if (wanted[name]) parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(wanted[name]));
    }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash && !(hash === "" && location.hash === "#")) {
      try {
        history.replaceState(null, "", hash || location.pathname + location.search);
      } catch (ignored) {
        // Some browsers refuse history changes on file:// pages; filtering still works.
      }
    }
  }

  function restore() {
    var text = location.hash.replace(/^#/, "");
    if (!text) return;
    var pairs = text.split("&");
    for (var p = 0; p < pairs.length; p++) {
      var eq = pairs[p].indexOf("=");
      if (eq < 0) continue;
      var key = decodeURIComponent(pairs[p].slice(0, eq));
      var value = decodeURIComponent(pairs[p].slice(eq + 1));
      if (key === "q") {
        search.value = value;
      } else if (key === "sort") {
        var colon = value.indexOf(":");
        sortKey = colon < 0 ? value : value.slice(0, colon);
        sortDescending = value.slice(colon + 1) === "desc";
      } else if (selects.hasOwnProperty(key)) {
        selects[key].value = value;
      }
    }
    if (sortKey) sort();
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      apply();
    });
  }

  search.addEventListener("input", schedule);
  for (var key in selects) selects[key].addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    // The form resets its controls after this event; filter once they are clear.
    window.setTimeout(apply, 0);
  });
  for (var b = 0; b < totals.length; b++) {
    totals[b].addEventListener("click", function (event) {
      var status = event.currentTarget.getAttribute("data-status");
      selects.status.value = selects.status.value === status ? "" : status;
      apply();
    });
  }
  for (var h = 0; h < headers.length; h++) {
    var button = headers[h].querySelector("button");
    if (!button) continue;
    button.addEventListener("click", function (event) {
      var key = event.currentTarget.getAttribute("data-key");
      if (sortKey === key) {
        sortDescending = !sortDescending;
      } else {
        sortKey = key;
        // Numbers and times read best largest or newest first.
        sortDescending = key !== "name" && key !== "status" && key !== "owner";
      }
      sort();
      remember();
    });
  }

  form.hidden = false;
  restore();
  apply();
})();
