/* mkdocs-okr: the set page's copy buttons and its check-in and grading dialog.

   The site is static and this script sends nothing anywhere: it builds a link to the
   repository's issue form, prefilled, and opens it in a new tab (GitHub), or shows the lines to
   add to the OKR file (any other host). Its facts come from the page's
   <script type="application/json" id="okr-checkin-facts"> (render/checkin_dialog.py). Text
   that people wrote (titles, notes) is only ever set with textContent, never as HTML. */
(function () {
  "use strict";

  var STATUSES = ["on track", "at risk", "off track"];
  var dialogs = {};
  var counter = 0;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function uid(prefix) {
    counter += 1;
    return "okr-" + prefix + "-" + counter;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // Copy buttons ----------------------------------------------------------------------------

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(text, button, source, labels) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains("okr-copy__status")) {
      status = element("span", { class: "okr-copy__status", role: "status" });
      button.after(status);
    }
    function say(message) {
      status.textContent = message;
      window.clearTimeout(status.okrTimer);
      status.okrTimer = window.setTimeout(function () { status.textContent = ""; }, 3000);
    }
    function fallback() {
      if (source) selectText(source);
      say(labels.copy_failed);
    }
    if (!navigator.clipboard || !window.isSecureContext) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(text).then(function () { say(labels.copied); }, fallback);
  }

  function setUpCopyButtons(labels) {
    document.querySelectorAll("button[data-okr-copy]").forEach(function (button) {
      if (button.dataset.okrReady) return;
      button.dataset.okrReady = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = button.parentNode.querySelector(".okr-reference__text");
        copy(button.dataset.okrCopy, button, source, labels);
      });
    });
  }

  // Numbers ---------------------------------------------------------------------------------

  function decimals(value) {
    var text = String(value);
    var dot = text.indexOf(".");
    return dot < 0 ? 0 : text.length - dot - 1;
  }

  // The value at `percent` of the way from start to target; a target below the start (a metric
  // that should fall) works the same way. Rounded to what a 1 % step can give, so dragging to
  // 60 % of 0 -> 10000 writes 6000, not 6000.000000001.
  function valueAt(kr, percent) {
    var places = Math.min(Math.max(decimals(kr.start), decimals(kr.target)) + 2, 6);
    var value = kr.start + (percent / 100) * (kr.target - kr.start);
    return parseFloat(value.toFixed(places));
  }

  function percentOf(kr, value) {
    var share = (value - kr.start) / (kr.target - kr.start);
    if (!isFinite(share)) return 0;
    return Math.round(Math.min(Math.max(share, 0), 1) * 100);
  }

  function number(input) {
    var text = input.value.trim();
    if (text === "") return null;
    var value = Number(text);
    return isFinite(value) ? value : null;
  }

  // One key result's fields -----------------------------------------------------------------

  function field(labelText, control, className) {
    var label = element("label", { class: "okr-dialog__field" + (className ? " " + className : "") });
    label.appendChild(element("span", { class: "okr-dialog__label" }, labelText));
    label.appendChild(control);
    return label;
  }

  function checkinFields(kr, labels, box) {
    var entry = { kr: kr };
    if (kr.kind === "numeric") {
      var slider = element("input", { type: "range", min: "0", max: "100", step: "1" });
      var value = element("input", { type: "number", step: "any", inputmode: "decimal" });
      value.value = String(kr.current);
      slider.value = String(percentOf(kr, kr.current));
      // The percent beside the slider, for the eye; screen readers hear aria-valuetext.
      var percent = element("span", { class: "okr-dialog__percent", "aria-hidden": "true" });
      var describe = function () {
        var shown = number(value);
        percent.textContent = slider.value + " %";
        slider.setAttribute(
          "aria-valuetext",
          slider.value + " % · " + (shown === null ? "" : shown) + (kr.unit ? " " + kr.unit : "")
        );
      };
      slider.addEventListener("input", function () {
        value.value = String(valueAt(kr, Number(slider.value)));
        describe();
      });
      value.addEventListener("input", function () {
        var typed = number(value);
        if (typed !== null) slider.value = String(percentOf(kr, typed));
        describe();
      });
      describe();
      var unit = kr.unit ? element("span", { class: "okr-dialog__unit" }, kr.unit) : null;
      var sliderField = field(labels.progress, slider, "okr-dialog__field--slider");
      sliderField.appendChild(percent);
      box.appendChild(sliderField);
      var valueField = field(labels.value, value, "okr-dialog__field--value");
      if (unit) valueField.appendChild(unit);
      box.appendChild(valueField);
      entry.slider = slider;
      entry.value = value;
    } else {
      var done = element("input", { type: "checkbox" });
      done.checked = Boolean(kr.done);
      var doneField = element("label", { class: "okr-dialog__field okr-dialog__field--check" });
      doneField.appendChild(done);
      doneField.appendChild(element("span", {}, labels.done));
      box.appendChild(doneField);
      entry.done = done;
    }
    var status = element("select");
    status.appendChild(element("option", { value: "" }, labels.status_none));
    STATUSES.forEach(function (key) {
      status.appendChild(element("option", { value: key }, labels[key]));
    });
    box.appendChild(field(labels.status, status));
    var note = element("input", { type: "text", maxlength: "500" });
    box.appendChild(field(labels.note, note, "okr-dialog__field--note"));
    entry.status = status;
    entry.note = note;
    return entry;
  }

  function gradeFields(kr, labels, box) {
    var score = element("input", { type: "number", min: "0", max: "1", step: "0.1", inputmode: "decimal" });
    score.value = String(kr.score);
    box.appendChild(field(labels.score, score, "okr-dialog__field--value"));
    return { kr: kr, score: score };
  }

  // What the dialog submits -----------------------------------------------------------------

  function oneLine(text) {
    return text.replace(/[\r\n\t]+/g, " ").trim();
  }

  // The check-in of one key result, or null when the reader changed nothing of it.
  function checkinOf(entry) {
    var kr = entry.kr;
    var status = entry.status.value;
    var note = oneLine(entry.note.value);
    var value;
    var moved;
    if (kr.kind === "numeric") {
      var typed = number(entry.value);
      value = typed === null ? kr.current : typed;
      moved = value !== kr.current;
    } else {
      value = entry.done.checked;
      moved = value !== Boolean(kr.done);
    }
    if (!moved && !status && !note) return null;
    return { id: kr.id, kr: kr, value: value, status: status, note: note };
  }

  function updatesText(checkins, labels) {
    return checkins.map(function (c) {
      var value = typeof c.value === "boolean"
        ? (c.value ? labels.milestone_done : labels.milestone_not_done)
        : String(c.value);
      var line = c.id + " = " + value;
      if (c.status) line += " [" + labels[c.status] + "]";
      if (c.note) line += " # " + c.note;
      return line;
    }).join("\n");
  }

  // The same check-ins as YAML lines of the OKR file (for repositories without issue forms).
  // A JSON string is a valid YAML double-quoted scalar, so a note never needs more care.
  // The file has no status field: a status goes at the start of the note, in brackets.
  function checkinYaml(checkins, date, labels) {
    return checkins.map(function (c) {
      var note = ((c.status ? "[" + labels[c.status] + "] " : "") + c.note).trim();
      var item = "- {date: " + date + ", value: " + String(c.value);
      if (note) item += ", note: " + JSON.stringify(note);
      item += "}";
      // A key result without check-ins needs the `checkins:` key itself.
      return c.kr.checkins ? "# " + c.id + " checkins:\n" + item : "# " + c.id + "\ncheckins:\n  " + item;
    }).join("\n");
  }

  function scoresOf(entries) {
    var found = [];
    entries.forEach(function (entry) {
      var score = number(entry.score);
      if (score === null) return;
      score = Math.min(Math.max(score, 0), 1);
      if (entry.kr.scored !== null && score === entry.kr.scored) return;  // already given
      found.push({ id: entry.kr.id, score: score });
    });
    return found;
  }

  function byteLength(text) {
    return new TextEncoder().encode(text).length;
  }

  function localToday() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The dialog ------------------------------------------------------------------------------

  function buildDialog(facts, kind, opener) {
    var labels = facts.labels;
    var grading = kind === "grade";
    var titleId = uid("dialog-title");
    var dialog = element("dialog", { class: "okr-dialog", "aria-labelledby": titleId });
    dialog.dataset.okrKind = kind;
    var form = element("form", { method: "dialog", novalidate: "" });
    dialog.appendChild(form);

    var header = element("div", { class: "okr-dialog__header" });
    header.appendChild(
      element("h2", { id: titleId }, format(labels[grading ? "grade_title" : "checkin_title"], { name: facts.name }))
    );
    form.appendChild(header);
    form.appendChild(element("p", { class: "okr-dialog__intro" }, labels[grading ? "grade_intro" : "checkin_intro"]));
    form.appendChild(element("p", { class: "okr-dialog__hint" }, facts.github ? labels.github_note : labels.lines_note));

    var today = localToday();
    var date = null;
    if (!grading) {
      date = element("input", { type: "date", min: facts.cycle.start, max: facts.cycle.end });
      date.value = today < facts.cycle.start ? facts.cycle.start : today > facts.cycle.end ? facts.cycle.end : today;
      form.appendChild(field(labels.date, date));
    }
    var defaultDate = date ? date.value : today;

    var entries = [];
    facts.objectives.forEach(function (objective) {
      var group = element("fieldset", { class: "okr-dialog__objective" });
      var legend = element("legend");
      legend.appendChild(element("span", { class: "okr-dialog__id" }, objective.id));
      legend.appendChild(document.createTextNode(" " + objective.title));
      group.appendChild(legend);
      objective.key_results.forEach(function (kr) {
        if (!grading && kr.kind !== "numeric" && kr.kind !== "milestone") return;  // nothing to measure
        var box = element("fieldset", { class: "okr-dialog__kr" });
        box.dataset.okrKr = kr.id;
        var krLegend = element("legend");
        krLegend.appendChild(element("span", { class: "okr-dialog__id" }, kr.id));
        krLegend.appendChild(document.createTextNode(" " + kr.title));
        box.appendChild(krLegend);
        entries.push(grading ? gradeFields(kr, labels, box) : checkinFields(kr, labels, box));
        group.appendChild(box);
      });
      form.appendChild(group);
    });

    var retrospective = null;
    if (grading) {
      retrospective = element("textarea", { rows: "6" });
      var retroField = field(labels.retrospective, retrospective, "okr-dialog__field--wide");
      retroField.appendChild(element("span", { class: "okr-dialog__hint" }, labels.retrospective_hint));
      form.appendChild(retroField);
    }

    var message = element("p", { class: "okr-dialog__message", role: "status" });
    form.appendChild(message);
    var output = element("div", { class: "okr-dialog__output" });
    output.hidden = true;
    form.appendChild(output);

    var footer = element("div", { class: "okr-dialog__footer" });
    var submit = element(
      "button",
      { type: "submit", class: "md-button md-button--primary" },
      facts.github ? labels.submit_github : labels.submit_lines
    );
    var close = element("button", { type: "button", class: "md-button" }, labels.close);
    footer.appendChild(submit);
    footer.appendChild(close);
    form.appendChild(footer);

    close.addEventListener("click", function () { dialog.close(); });
    // Escape closes the dialog natively; focus goes back to the button that opened it.
    dialog.addEventListener("close", function () { opener.focus(); });

    function showLines(blocks) {
      output.replaceChildren();
      blocks.forEach(function (block) {
        var pre = element("pre", { class: "okr-dialog__lines" });
        var code = element("code", {}, block.text);
        pre.appendChild(code);
        output.appendChild(element("p", {}, block.label));
        output.appendChild(pre);
        var copyButton = element("button", { type: "button", class: "md-button" }, labels.copy_lines);
        copyButton.addEventListener("click", function () { copy(block.text, copyButton, code, labels); });
        output.appendChild(copyButton);
      });
      if (facts.edit_url) {
        var edit = element("a", { href: facts.edit_url, target: "_blank", rel: "noopener", class: "md-button" }, labels.edit_file);
        output.appendChild(element("p")).appendChild(edit);
      } else {
        var where = element("p", {}, labels.file + ": ");
        where.appendChild(element("code", {}, facts.file));
        output.appendChild(where);
      }
      output.hidden = false;
    }

    function openLink(url) {
      window.open(url, "_blank", "noopener");
      message.textContent = labels.opened;
      output.replaceChildren();
      // With "noopener" the browser does not say whether the tab opened: offer the link too.
      output.appendChild(element("p", {}, labels.fallback));
      var link = element("a", { href: url, target: "_blank", rel: "noopener", class: "okr-dialog__link" }, url);
      output.appendChild(element("p")).appendChild(link);
      output.hidden = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      message.textContent = "";
      output.hidden = true;
      var url;
      if (grading) {
        var scores = scoresOf(entries);
        var retro = retrospective.value.trim();
        if (!scores.length && !retro) {
          message.textContent = labels.nothing;
          return;
        }
        var scoreLines = scores.map(function (s) { return s.id + " = " + s.score; }).join("\n");
        if (!facts.github) {
          var blocks = [];
          if (scores.length) {
            blocks.push({
              label: labels.score,
              text: scores.map(function (s) { return "# " + s.id + "\nscore: " + s.score; }).join("\n"),
            });
          }
          if (retro) blocks.push({ label: labels.retrospective, text: "## " + labels.retrospective + "\n\n" + retro });
          showLines(blocks);
          return;
        }
        url = facts.grade_url + "&scores=" + encodeURIComponent(scoreLines);
        if (retro) url += "&retrospective=" + encodeURIComponent(retro);
      } else {
        var checkins = entries.map(checkinOf).filter(Boolean);
        if (!checkins.length) {
          message.textContent = labels.nothing;
          return;
        }
        var day = date.value || defaultDate;
        if (!facts.github) {
          showLines([{ label: labels.lines_note, text: checkinYaml(checkins, day, labels) }]);
          return;
        }
        url = facts.checkin_url + "&updates=" + encodeURIComponent(updatesText(checkins, labels));
        if (day !== defaultDate) url += "&date=" + encodeURIComponent(day);
      }
      var size = byteLength(url);
      // GitHub refuses longer links (414); a Chinese character costs 9 bytes percent-encoded.
      if (size > facts.max_url_bytes) {
        message.textContent = format(labels.too_long, { size: (size / 1024).toFixed(1) });
        return;
      }
      openLink(url);
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  function openDialog(facts, kind, opener) {
    var dialog = dialogs[kind];
    if (!dialog || !dialog.isConnected) {
      dialog = buildDialog(facts, kind, opener);
      dialogs[kind] = dialog;
    }
    dialog.showModal();
    var first = dialog.querySelector("fieldset input, fieldset select, textarea");
    if (first) first.focus();
  }

  function init() {
    var source = document.getElementById("okr-checkin-facts");
    if (!source || source.dataset.okrReady) return;
    source.dataset.okrReady = "1";
    var facts;
    try {
      facts = JSON.parse(source.textContent);
    } catch (error) {
      return;  // the buttons stay plain links
    }
    dialogs = {};
    setUpCopyButtons(facts.labels);
    if (typeof HTMLDialogElement !== "function") return;  // a very old browser: plain links
    document.querySelectorAll("[data-okr-dialog]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function (event) {
        event.preventDefault();
        openDialog(facts, button.dataset.okrDialog, button);
      });
    });
  }

  // Material's instant navigation swaps pages without reloading scripts: it announces each
  // page on `document$`. Without it, the page is ready once parsed.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
