// deckgen preview: draws /deck's slides, reloads on each build (server-sent events),
// grid and single-slide views, keyboard navigation, and the presenter view.
function deckgenPreview(view) {
  const slides = document.getElementById("slides");
  let deck = null;
  let current = 1;
  const started = Date.now();
  let startedAt = started;

  function count() { return slides.querySelectorAll(".slide").length; }
  function slide(n) { return slides.querySelector(`.slide[data-n="${n}"]`); }

  // Each slide's page is drawn in points at full size and scaled to the width it is shown at.
  function fit(section, widthPx) {
    const page = section.querySelector(".page");
    const w = parseFloat(page.style.width) * 4 / 3, h = parseFloat(page.style.height) * 4 / 3;
    const scale = widthPx / w;
    page.style.transform = `scale(${scale})`;
    let holder = section.querySelector(".holder");
    if (!holder) {
      holder = document.createElement("div");
      holder.className = "holder";
      section.insertBefore(holder, page);
      holder.appendChild(page);
    }
    holder.style.width = `${widthPx}px`;
    holder.style.height = `${h * scale}px`;
  }

  function layout() {
    if (view === "presenter") return presenter();
    const single = document.body.classList.contains("single");
    slides.querySelectorAll(".slide").forEach((s) => {
      s.classList.toggle("current", Number(s.dataset.n) === current);
      fit(s, single ? Math.min(window.innerWidth - 40, (window.innerHeight - 140) * 16 / 9) : 320);
    });
    if (single) document.title = `${current}/${count()} · ${deck.title || "deckgen preview"}`;
  }

  function copy(section, into, widthPx) {
    into.innerHTML = "";
    if (!section) return;
    const clone = section.cloneNode(true);
    into.appendChild(clone);
    fit(clone, widthPx);
  }

  function clockText(seconds) {
    const s = Math.abs(Math.round(seconds));
    return `${seconds < 0 ? "-" : ""}${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  function presenter() {
    const here = slide(current), next = slide(current + 1);
    const stage = document.getElementById("current");
    copy(here, stage, stage.clientWidth - 20);
    copy(next, document.getElementById("next"), document.querySelector("aside").clientWidth - 20);
    document.getElementById("notes").textContent = here ? here.querySelector(".notes").textContent : "";
    document.getElementById("where").textContent = `${current} / ${count()}`;
    tick();
  }

  function tick() {
    if (view !== "presenter") return;
    const now = new Date();
    document.getElementById("clock").textContent = now.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const elapsed = (Date.now() - startedAt) / 1000;
    document.getElementById("elapsed").textContent = clockText(elapsed);
    const left = document.getElementById("left");
    if (deck && deck.duration_minutes) {
      const rest = deck.duration_minutes * 60 - elapsed;
      left.textContent = clockText(rest);
      left.classList.toggle("over", rest < 0);
    }
    const here = slide(current);
    if (here) {
      const end = Number(here.dataset.running), own = Number(here.dataset.seconds);
      document.getElementById("plan").textContent =
        `${own} s, ${clockText(end - own)}–${clockText(end)}`;
    }
  }

  function go(n) {
    current = Math.max(1, Math.min(count(), n));
    layout();
    const here = slide(current);
    if (document.body.classList.contains("single")) window.scrollTo(0, 0);
    else if (here && view === "index") here.scrollIntoView({ block: "nearest" });
  }

  async function load() {
    const response = await fetch("/deck", { cache: "no-store" });
    deck = await response.json();
    const error = document.getElementById("error");
    error.hidden = !deck.error;
    error.querySelector("pre").textContent = deck.error;
    const status = document.getElementById("status");
    if (status) status.textContent = deck.error ? "error: showing the last good deck" : `build ${deck.version}`;
    if (deck.html) {
      slides.innerHTML = deck.html;
      const title = document.getElementById("title");
      if (title) title.textContent = deck.title || "deckgen preview";
      current = Math.min(current, count()) || 1;
    }
    document.body.dataset.version = deck.version;
    layout();
  }

  slides.addEventListener("click", (event) => {
    const source = event.target.closest(".source");
    if (source) {
      if (navigator.clipboard) navigator.clipboard.writeText(source.textContent);
      source.dataset.copied = "yes";
      return;
    }
    const section = event.target.closest(".slide");
    if (section && view === "index") {
      current = Number(section.dataset.n);
      document.body.classList.add("single");
      document.body.classList.remove("grid");
      layout();
    }
  });

  document.addEventListener("keydown", (event) => {
    const key = event.key;
    if (["ArrowRight", "ArrowDown", "PageDown", " "].includes(key)) go(current + 1);
    else if (["ArrowLeft", "ArrowUp", "PageUp", "Backspace"].includes(key)) go(current - 1);
    else if (key === "Home") go(1);
    else if (key === "End") go(count());
    else if (key === "Enter" && view === "index") {
      document.body.classList.add("single"); document.body.classList.remove("grid"); layout();
    } else if ((key === "Escape" || key === "g") && view === "index") {
      document.body.classList.remove("single"); document.body.classList.add("grid"); layout();
    } else if ((key === "r" || key === "R") && view === "presenter") { startedAt = Date.now(); tick(); }
    else return;
    event.preventDefault();
  });

  window.addEventListener("resize", layout);
  setInterval(tick, 1000);
  new EventSource("/events").onmessage = load;
  window.deckgen = { go: go, current: () => current, count: count };
}
