// The plain-JavaScript reference of "make bench": the floor Stancemark is
// compared with. It reads the same plain-text file (?src=URL: first line
// the title, blank lines between paragraphs), splits it into sentences
// with Intl.Segmenter, mounts vanilla spans in one append, and tags with
// one delegated click listener and one key listener. It follows the app's
// DOM contract: article#document[data-ready=true], span[data-sid],
// aria-selected, data-label.
"use strict";

const LABELS = {
  "1": ["supports", "Supports"], "2": ["opposes", "Opposes"],
  "3": ["neutral", "Neutral"], "4": ["unrelated", "Unrelated"],
};

function parse(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blank = (l) => l.replace(/[\s\u00a0\ufeff]+/g, "") === "";
  let i = 0;
  while (i < lines.length && blank(lines[i])) i++;
  const title = (lines[i] || "").trim();
  const body = lines.slice(i + 1);
  const paras = [];
  const hasBlank = body.some((l, j) => blank(l) && body.slice(0, j).some((x) => !blank(x)) && body.slice(j).some((x) => !blank(x)));
  let cur = [];
  for (const l of body) {
    if (blank(l)) {
      if (cur.length) paras.push(cur.join(" "));
      cur = [];
    } else if (!hasBlank) {
      paras.push(l.trim());
    } else {
      cur.push(l.trim());
    }
  }
  if (cur.length) paras.push(cur.join(" "));
  return { title, paras };
}

async function main() {
  const src = new URLSearchParams(location.search).get("src");
  const text = await (await fetch(src)).text();
  const { title, paras } = parse(text);
  const seg = new Intl.Segmenter("en", { granularity: "sentence" });
  const article = document.getElementById("document");
  const list = document.getElementById("sentences");
  document.getElementById("doc-title").textContent = title;
  const frag = document.createDocumentFragment();
  let n = 0;
  for (const p of paras) {
    const el = document.createElement("p");
    el.className = "para";
    for (const { segment } of seg.segment(p)) {
      const s = segment.trim();
      if (!s) continue;
      if (el.firstChild) el.append(" ");
      const span = document.createElement("span");
      n++;
      span.id = "sent-s" + n;
      span.className = "sentence";
      span.setAttribute("role", "option");
      span.dataset.sid = "s" + n;
      span.textContent = s;
      el.append(span);
    }
    frag.append(el);
  }
  list.append(frag);

  let selected = null;
  list.addEventListener("click", (e) => {
    const el = e.target.closest("[data-sid]");
    if (!el) return;
    if (selected) selected.setAttribute("aria-selected", "false");
    selected = el;
    el.setAttribute("aria-selected", "true");
  });
  document.addEventListener("keydown", (e) => {
    const l = LABELS[e.key];
    if (!l || !selected) return;
    selected.dataset.label = l[0];
    selected.dataset.labelName = l[1];
  });
  article.dataset.ready = "true";
}

main();
