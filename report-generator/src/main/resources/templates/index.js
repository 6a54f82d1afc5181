(function () {
  "use strict";
  // The table of tables for index.html. Rows come from the JSON data block (#index-data); only
  // the rows that match the filters are kept, sorted, and rendered a page at a time, so 10,000
  // tables stay quick to filter, sort and search. Values are only ever set as text, never parsed
  // as HTML.
  var RANK = { BREAKING: 0, ERROR: 1, RISKY: 2, NO_DATA: 3, SAFE: 4, OK: 5 };
  var PAGE = 200;
  var data = document.getElementById("index-data");
  var table = document.getElementById("tables");
  var form = document.getElementById("filters");
  if (!data || !table || !form) {
    return;
  }
  var tbody = table.tBodies[0];
  var count = document.getElementById("count");
  var none = document.getElementById("none");
  var more = document.getElementById("more");
  var search = document.getElementById("q");
  var selects = {
    status: document.getElementById("f-status"),
    severity: document.getElementById("f-severity"),
    db: document.getElementById("f-db"),
    owner: document.getElementById("f-owner"),
    tag: document.getElementById("f-tag")
  };
  var totals = document.querySelectorAll(".totals button");
  var headers = table.tHead.rows[0].cells;

  // [database, table, status, breaking, risky, safe, waived, owner, [tags], checked, changed,
  //  created (the run that created the table from its contract, or null)]
  var rows = JSON.parse(data.textContent).rows.map(function (row, order) {
    var name = row[0] + "." + row[1];
    return {
      order: order,
      db: row[0],
      table: row[1],
      name: name,
      status: row[2],
      breaking: row[3],
      risky: row[4],
      safe: row[5],
      waived: row[6],
      owner: row[7] || "",
      tags: row[8],
      checked: row[9],
      changed: row[10],
      created: row[11],
      text: (name + "\n" + (row[7] || "") + "\n" + row[8].join("\n")).toLowerCase()
    };
  });
  var matching = rows;
  var shown = 0;
  var sortKey = null;
  var sortDescending = false;

  function when(run) {
    return run.slice(0, 4) + "-" + run.slice(4, 6) + "-" + run.slice(6, 8) + " " +
      run.slice(9, 11) + ":" + run.slice(11, 13);
  }

  function cell(tr, text, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function render(row) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-s", row.status);
    var th = document.createElement("th");
    th.scope = "row";
    var link = document.createElement("a");
    // Database and table are Glue names (a-z, 0-9, _): the link stays inside reports/.
    link.href = "reports/" + row.name + "/latest.html";
    link.appendChild(document.createTextNode(row.db + "."));
    link.appendChild(document.createElement("wbr"));
    link.appendChild(document.createTextNode(row.table));
    th.appendChild(link);
    if (row.created) {
      var created = document.createElement("span");
      created.className = "tag-created";
      created.textContent = "created " + when(row.created);
      created.title = "The monitor created this Glue table from its contract in the run of " +
        when(row.created) + " UTC";
      th.appendChild(document.createTextNode(" "));
      th.appendChild(created);
    }
    tr.appendChild(th);
    var status = document.createElement("span");
    status.className = "badge st-" + row.status.toLowerCase().replace("_", "-");
    status.textContent = row.status;
    cell(tr, "").appendChild(status);
    [row.breaking, row.risky, row.safe, row.waived].forEach(function (n) {
      cell(tr, String(n), n === 0 ? "z" : "");
    });
    cell(tr, row.owner);
    var tags = cell(tr, "");
    row.tags.forEach(function (tag) {
      var span = document.createElement("span");
      span.className = "tag";
      span.textContent = tag;
      span.title = tag;
      tags.appendChild(span);
    });
    cell(tr, when(row.checked));
    cell(tr, when(row.changed));
    return tr;
  }

  function showMore() {
    var fragment = document.createDocumentFragment();
    var end = Math.min(matching.length, shown + PAGE);
    for (var r = shown; r < end; r++) fragment.appendChild(render(matching[r]));
    tbody.appendChild(fragment);
    shown = end;
    more.hidden = shown >= matching.length;
    more.textContent = "Show " + Math.min(PAGE, matching.length - shown) + " more of " +
      (matching.length - shown).toLocaleString("en-US") + " remaining";
    count.textContent = matching.length === rows.length
      ? rows.length.toLocaleString("en-US") + (rows.length === 1 ? " table" : " tables")
      : matching.length.toLocaleString("en-US") + " of " + rows.length.toLocaleString("en-US") +
        " tables";
    if (shown < matching.length) {
      count.textContent += " (showing " + shown.toLocaleString("en-US") + ")";
    }
    none.hidden = matching.length !== 0;
  }

  function wanted() {
    return {
      words: search.value.toLowerCase().split(/\s+/).filter(function (word) {
        return word.length > 0;
      }),
      status: selects.status.value,
      severity: selects.severity.value,
      db: selects.db.value,
      owner: selects.owner.value,
      tag: selects.tag.value
    };
  }

  function matches(row, want) {
    if (want.status && row.status !== want.status) return false;
    if (want.severity && !(row[want.severity] > 0)) return false;
    if (want.db && row.db !== want.db) return false;
    if (want.owner && row.owner !== want.owner) return false;
    if (want.tag && row.tags.indexOf(want.tag) < 0) return false;
    for (var w = 0; w < want.words.length; w++) {
      if (row.text.indexOf(want.words[w]) < 0) return false;
    }
    return true;
  }

  function compare(left, right) {
    var a = sortKey === "status" ? RANK[left.status] : left[sortKey];
    var b = sortKey === "status" ? RANK[right.status] : right[sortKey];
    var result = typeof a === "number" ? a - b : a < b ? -1 : a > b ? 1 : 0;
    if (sortDescending) result = -result;
    return result !== 0 ? result : left.order - right.order;
  }

  function apply() {
    var want = wanted();
    matching = rows.filter(function (row) {
      return matches(row, want);
    });
    if (sortKey) matching.sort(compare);
    tbody.textContent = "";
    shown = 0;
    showMore();
    for (var b = 0; b < totals.length; b++) {
      totals[b].setAttribute("aria-pressed",
        String(totals[b].getAttribute("data-status") === want.status));
    }
    for (var h = 0; h < headers.length; h++) {
      var button = headers[h].querySelector("button");
      if (button && sortKey && button.getAttribute("data-key") === sortKey) {
        headers[h].setAttribute("aria-sort", sortDescending ? "descending" : "ascending");
      } else {
        headers[h].removeAttribute("aria-sort");
      }
    }
    remember();
  }

  // The filters live in the address's #fragment, so a filtered view can be bookmarked or shared.
  function remember() {
    var parts = [];
    var state = { q: search.value };
    for (var key in selects) state[key] = selects[key].value;
    if (sortKey) state.sort = sortKey + (sortDescending ? ":desc" : ":asc");
    for (var name in state) {
      if (state[name]) parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(state[name]));
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
    text.split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq < 0) return;
      var key = decodeURIComponent(pair.slice(0, eq));
      var value = decodeURIComponent(pair.slice(eq + 1));
      if (key === "q") {
        search.value = value;
      } else if (key === "sort") {
        var colon = value.indexOf(":");
        sortKey = colon < 0 ? value : value.slice(0, colon);
        sortDescending = value.slice(colon + 1) === "desc";
      } else if (Object.prototype.hasOwnProperty.call(selects, key)) {
        selects[key].value = value;
      }
    });
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
    // The form clears its controls after this event; filter once they are clear.
    window.setTimeout(apply, 0);
  });
  more.addEventListener("click", showMore);
  Array.prototype.forEach.call(totals, function (button) {
    button.addEventListener("click", function () {
      var status = button.getAttribute("data-status");
      selects.status.value = selects.status.value === status ? "" : status;
      apply();
    });
  });
  Array.prototype.forEach.call(headers, function (header) {
    var button = header.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-key");
      if (sortKey === key) {
        sortDescending = !sortDescending;
      } else {
        sortKey = key;
        // Numbers and times read best largest or newest first.
        sortDescending = key !== "name" && key !== "status" && key !== "owner";
      }
      apply();
    });
  });

  form.hidden = false;
  restore();
  apply();
})();
