// Quick exit: the ✕ button, or Escape twice. Loaded as a page script of its own, before the rest of the
// chat, and it imports nothing: if any other module fails to load, quick exit still works.

const EXIT_URL = "https://www.google.com/search?q=cuaca";
const ESCAPE_WINDOW_MS = 1500;

let exiting = false;
let lastEscapeAt = 0;
const cleanups = [];

/** True once the person has chosen to leave: nothing should draw or fetch any more. */
export function isExiting() {
  return exiting;
}

/** Runs `cleanup` (stop polling, …) when the person leaves. */
export function onExit(cleanup) {
  cleanups.push(cleanup);
}

function quickExit() {
  exiting = true;
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Leaving matters more than tidying up.
    }
  }
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be blocked; leaving still matters more.
  }
  document.title = "";
  document.body.replaceChildren();
  location.replace(EXIT_URL);
}

function onKeydown(event) {
  if (event.key !== "Escape") return;
  const now = Date.now();
  if (now - lastEscapeAt <= ESCAPE_WINDOW_MS) {
    quickExit();
    return;
  }
  lastEscapeAt = now;
}

document.getElementById("exit").addEventListener("click", quickExit);
document.addEventListener("keydown", onKeydown);
