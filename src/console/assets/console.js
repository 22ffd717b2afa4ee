// Lentera console: the queue refreshes itself and alerts on new urgent tickets; a ticket's transcript
// updates while it is open; the WhatsApp page follows the link's state.
// Background requests carry x-lentera-poll so they do not keep a session alive.
(function () {
  "use strict";
  var body = document.body;
  var POLL = { "x-lentera-poll": "1" };

  if (body.dataset.page === "queue") {
    var KEY = "lentera.console.urgentSeen";
    var PENDING = "lentera.console.urgentNew";
    var seen = JSON.parse(sessionStorage.getItem(KEY) || "null");
    var current = JSON.parse(body.dataset.urgent || "[]");
    if (!seen) seen = current.slice();
    var pending = JSON.parse(sessionStorage.getItem(PENDING) || "[]");
    var alertBox = document.getElementById("urgent-alert");
    if (pending.length && alertBox) {
      alertBox.querySelector("[data-refs]").textContent = pending.join(", ");
      alertBox.hidden = false;
      document.title = "(!) " + document.title;
      var dismiss = alertBox.querySelector("button");
      if (dismiss)
        dismiss.addEventListener("click", function () {
          alertBox.hidden = true;
          sessionStorage.removeItem(PENDING);
          document.title = document.title.replace(/^\(!\) /, "");
        });
    }
    sessionStorage.setItem(KEY, JSON.stringify(seen));
    var signature = body.dataset.signature;
    var busy = function () {
      var el = document.activeElement;
      return el && el.closest && el.closest("form");
    };
    setInterval(
      function () {
        fetch(body.dataset.poll, { headers: POLL, credentials: "same-origin" })
          .then(function (res) {
            if (res.status === 401) {
              location.reload();
              return null;
            }
            return res.ok ? res.json() : null;
          })
          .then(function (data) {
            if (!data) return;
            var fresh = data.urgent.filter(function (ref) {
              return seen.indexOf(ref) < 0;
            });
            if (fresh.length) {
              sessionStorage.setItem(KEY, JSON.stringify(seen.concat(fresh)));
              sessionStorage.setItem(PENDING, JSON.stringify(pending.concat(fresh)));
            }
            if ((fresh.length || data.signature !== signature) && !busy()) location.reload();
          })
          .catch(function () {});
      },
      Number(body.dataset.interval || 15000),
    );
  }

  // The WhatsApp page (admins) reloads when the link's state or QR code changes; the poll never carries the code.
  if (body.dataset.page === "whatsapp") {
    var typing = function () {
      var el = document.activeElement;
      return el && el.closest && el.closest("form");
    };
    setInterval(
      function () {
        fetch(body.dataset.poll, { headers: POLL, credentials: "same-origin" })
          .then(function (res) {
            if (res.status === 401) {
              location.reload();
              return null;
            }
            return res.ok ? res.json() : null;
          })
          .then(function (data) {
            if (data && data.signature !== body.dataset.signature && !typing()) location.reload();
          })
          .catch(function () {});
      },
      Number(body.dataset.interval || 3000),
    );
  }

  if (body.dataset.page === "ticket") {
    var list = document.getElementById("transcript");
    if (list) {
      list.scrollTop = list.scrollHeight;
      setInterval(
        function () {
          fetch(list.dataset.poll + "?after=" + encodeURIComponent(list.dataset.cursor), {
            headers: POLL,
            credentials: "same-origin",
          })
            .then(function (res) {
              if (res.status === 401) {
                location.reload();
                return null;
              }
              if (res.status !== 200) return null;
              var cursor = res.headers.get("x-cursor");
              return res.text().then(function (html) {
                return { html: html, cursor: cursor };
              });
            })
            .then(function (data) {
              if (!data || !data.cursor) return;
              var empty = document.getElementById("transcript-empty");
              if (empty) empty.remove();
              list.insertAdjacentHTML("beforeend", data.html);
              list.dataset.cursor = data.cursor;
              list.scrollTop = list.scrollHeight;
            })
            .catch(function () {});
        },
        Number(list.dataset.interval || 4000),
      );
    }
  }
})();
