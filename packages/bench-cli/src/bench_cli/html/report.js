// Draws a Bencher report from the JSON in #bench-data. Everything from a run file (answers,
// reasons, labels) is written with textContent: no string here ever becomes markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("bench-data").textContent);
  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function fixed(value, digits) {
    return value === null || value === undefined ? "—" : Number(value).toFixed(digits);
  }

  function drawFigures() {
    document.querySelectorAll("[data-figure]").forEach(function (node) {
      var figure = data.figures[node.getAttribute("data-figure")];
      if (figure) Plotly.newPlot(node, figure.data, figure.layout, CONFIG);
    });
  }

  // ---- the item table ------------------------------------------------------------------

  var COLUMNS = [
    { key: "task_id", title: "Task" },
    { key: "suite", title: "Suite" },
    { key: "domain", title: "Domain" },
    { key: "difficulty", title: "Difficulty" },
    { key: "quality", title: "Quality", num: true },
    { key: "status", title: "Status" },
    { key: "score", title: "Score", num: true }
  ];
  var DIFFICULTIES = ["easy", "medium", "hard", "expert"];

  function searchText(item) {
    return [item.task_id, item.key, item.suite, item.domain, item.difficulty, item.status,
      item.error || "", item.reasons.join(" "), item.notes.join(" ")].join(" ").toLowerCase();
  }

  function choices(items, key, order) {
    var seen = [];
    items.forEach(function (item) { if (seen.indexOf(item[key]) < 0) seen.push(item[key]); });
    if (order) seen.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    else seen.sort();
    return seen;
  }

  function select(name, label, values) {
    var node = el("select", { "aria-label": label, "data-filter": name },
      [el("option", { value: "" }, ["every " + label])]);
    values.forEach(function (value) { node.appendChild(el("option", { value: value }, [value])); });
    return node;
  }

  function drawItems(items) {
    var host = document.getElementById("item-table");
    if (!host) return;
    var rows = items.map(function (item) {
      var status = el("span", { "class": "status " + item.status }, [item.status.replace("_", " ")]);
      var open = el("button", { "class": "open-item", type: "button", "aria-expanded": "false" },
        [item.task_id + (item.repeat ? " #" + item.repeat : "")]);
      var tr = el("tr", { "class": "row", "data-key": item.key }, [
        el("td", {}, [open]), el("td", {}, [item.suite]), el("td", {}, [item.domain]),
        el("td", {}, [item.difficulty]), el("td", { "class": "num" }, [item.quality]),
        el("td", {}, [status]), el("td", { "class": "num" },
          [item.status === "infra_error" ? "—" : fixed(item.score, 1)])  // left out, not 0
      ]);
      return { item: item, tr: tr, button: open, detail: null, text: searchText(item) };
    });
    var text = el("input", { type: "search", placeholder: "Filter: task, domain, reason, error…",
      "aria-label": "filter items" });
    var filters = [
      select("suite", "suite", choices(items, "suite")),
      select("status", "status", choices(items, "status")),
      select("difficulty", "difficulty", choices(items, "difficulty", DIFFICULTIES))
    ];
    var count = el("span", { "class": "count" });
    var head = el("tr", {}, COLUMNS.map(function (column) {
      return el("th", { "class": column.num ? "num" : null, "data-key": column.key, scope: "col" },
        [column.title]);
    }));
    var body = el("tbody");
    var sort = { key: null, direction: 1 };

    function apply() {
      var words = text.value.trim().toLowerCase();
      var wanted = {};
      filters.forEach(function (node) { wanted[node.getAttribute("data-filter")] = node.value; });
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!words || row.text.indexOf(words) >= 0) &&
          Object.keys(wanted).every(function (key) { return !wanted[key] || row.item[key] === wanted[key]; });
        row.tr.hidden = !visible;
        if (row.detail) row.detail.hidden = !visible || row.tr.className.indexOf("open") < 0;
        if (visible) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " items";
    }

    function place() {
      rows.forEach(function (row) {
        body.appendChild(row.tr);
        if (row.detail) body.appendChild(row.detail);
      });
    }

    function toggle(row) {
      var opening = row.tr.className.indexOf("open") < 0;
      if (!row.detail) {
        row.detail = el("tr", { "class": "detail" },
          [el("td", { colspan: String(COLUMNS.length) }, [itemDetail(row.item)])]);
        row.tr.parentNode.insertBefore(row.detail, row.tr.nextSibling);
      }
      row.detail.hidden = !opening;
      row.tr.className = opening ? "row open" : "row";
      row.button.setAttribute("aria-expanded", String(opening));
    }

    rows.forEach(function (row) {
      row.tr.addEventListener("click", function () { toggle(row); });
    });
    head.querySelectorAll("th").forEach(function (th) {
      th.addEventListener("click", function () {
        var key = th.getAttribute("data-key");
        sort.direction = sort.key === key ? -sort.direction : 1;
        sort.key = key;
        head.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", sort.direction > 0 ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.item[key], y = b.item[key];
          if (key === "difficulty") { x = DIFFICULTIES.indexOf(x); y = DIFFICULTIES.indexOf(y); }
          return (x < y ? -1 : x > y ? 1 : 0) * sort.direction;
        });
        place();
      });
    });
    text.addEventListener("input", apply);
    filters.forEach(function (node) { node.addEventListener("change", apply); });
    host.appendChild(el("div", { "class": "filters" }, [text].concat(filters, [count])));
    host.appendChild(el("div", { "class": "items" },
      [el("table", {}, [el("thead", {}, [head]), body])]));
    place();
    apply();
  }

  function block(title, content, wide) {
    return el("div", { "class": wide ? "span" : null }, [el("h4", {}, [title]), content]);
  }

  function list(values) {
    return el("ul", {}, values.map(function (value) { return el("li", {}, [value]); }));
  }

  function pre(value) {
    return el("pre", {}, [value]);
  }

  function itemDetail(item) {
    var parts = [];
    var prompt = item.prompt === null ? el("p", { "class": "empty" }, ["prompt not available"])
      : pre(item.prompt);
    var promptBlock = block("Prompt (quality " + item.quality + ")", prompt);
    if (data.prompts_note && item.prompt !== null) {
      promptBlock.insertBefore(el("p", { "class": "note" }, [data.prompts_note]), prompt);
    }
    parts.push(promptBlock);
    if (item.suite === "charts") {
      var answer = [];
      if (item.chart_href) {
        answer.push(el("p", {}, [el("a", { href: item.chart_href, rel: "noopener noreferrer" },
          ["Open the chart"]), " (in a sandbox: no network, no access to your files)"]));
      }
      if (item.image && data.images[item.image]) {
        answer.push(el("img", { src: data.images[item.image], alt: "Screenshot of " + item.key }));
      }
      answer.push(item.answer === null ? el("p", { "class": "empty" }, ["no answer"]) : pre(item.answer));
      parts.push(block("Chart answer", el("div", {}, answer)));
    } else {
      var messages = item.trajectory.map(function (message) {
        var body = [el("div", { "class": "role" }, [message.role +
          (message.tool_call_id ? " (" + message.tool_call_id + ")" : "")])];
        if (message.reasoning) body.push(pre("reasoning: " + message.reasoning));
        message.calls.forEach(function (call) { body.push(pre(call.name + "(" + call.arguments + ")")); });
        if (message.content) body.push(pre(message.content));
        return el("div", { "class": "message" }, body);
      });
      if (!messages.length) messages.push(el("p", { "class": "empty" }, ["no tool call was made"]));
      parts.push(block("Tool trajectory", el("div", {}, messages)));
    }
    var maxima = data.criteria[item.suite] || {};
    var criteria = Object.keys(item.criteria).map(function (name) {
      return name + ": " + fixed(item.criteria[name], 1) +
        (maxima[name] !== undefined ? " of " + maxima[name] : "");
    });
    var facts = [
      "score " + fixed(item.score, 1) + " × weight " + item.weight,
      "latency " + fixed(item.latency_s, 2) + " s, " + item.attempts + " attempts, " + item.turns + " turns",
      item.usage.prompt_tokens + " prompt + " + item.usage.completion_tokens + " completion tokens" +
        (item.usage.cost === null || item.usage.cost === undefined ? "" : ", $" + fixed(item.usage.cost, 5))
    ];
    if (item.providers.length) facts.push("served by " + item.providers.join(", "));
    if (item.error) facts.push(item.error);
    parts.push(block("Score", el("div", {}, [list(facts), list(criteria)])));
    parts.push(block("Lost points", item.reasons.length ? list(item.reasons)
      : el("p", { "class": "empty" }, ["none"])));
    if (item.notes.length) parts.push(block("Notes", list(item.notes)));
    if (item.normalized.length) parts.push(block("Normalised", list(item.normalized)));
    if (item.judges.length) {
      parts.push(block("Judge verdicts", el("div", {}, item.judges.map(function (verdict) {
        var scores = Object.keys(verdict.scores).map(function (name) {
          return name + " " + fixed(verdict.scores[name], 0);
        }).join(", ");
        var line = verdict.judge + " judge (" + verdict.judge_model + ", from " +
          (verdict.input_kind || "?") + "): " + (verdict.status === "ok" ? fixed(verdict.score, 0)
            : verdict.status + (verdict.error ? ": " + verdict.error : "")) +
          (scores ? " — " + scores : "");
        return el("div", { "class": "message" }, [el("div", { "class": "role" }, [line]),
          verdict.reason ? pre(verdict.reason) : null]);
      })), true));
    }
    return el("div", { "class": "detail-grid" }, parts);
  }

  // ---- the gallery -----------------------------------------------------------------------

  function drawGallery(items) {
    var host = document.getElementById("gallery-cards");
    if (!host) return;
    items.filter(function (item) { return item.image && data.images[item.image]; })
      .slice().sort(function (a, b) {
        return a.task_id < b.task_id ? -1 : a.task_id > b.task_id ? 1
          : a.quality - b.quality || a.repeat - b.repeat;
      })
      .forEach(function (item) {
        var image = el("img", { src: data.images[item.image], alt: "Screenshot of " + item.key });
        var caption = el("figcaption", {}, [
          el("b", {}, [item.task_id]), "Q" + item.quality + (item.repeat ? " #" + item.repeat : ""),
          item.chart_href ? el("a", { href: item.chart_href, rel: "noopener noreferrer" }, ["HTML"]) : null,
          el("span", { "class": "score" }, [fixed(item.score, 1)])
        ]);
        host.appendChild(el("figure", { "class": "shot", id: "shot-" + item.key,
          "data-score": String(item.score) }, [image, caption]));
      });
  }

  drawFigures();
  if (data.items) {
    drawItems(data.items);
    drawGallery(data.items);
  }
})();
