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
      var refs = alertBox.querySelector("[data-refs]");
      refs.textContent = "";
      pending.forEach(function (ref) {
        var link = document.createElement("a");
        link.href = "/console/tickets/" + encodeURIComponent(ref);
        link.textContent = ref;
        refs.appendChild(link);
      });
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

  // Live updates (Server-Sent Events): unread counts, and — when the caseworker turned them on — a browser
  // notification and a short sound for a new urgent ticket, a ticket assigned to them, and a message from a
  // person whose ticket they hold. Both are opt-in and remembered in this browser only.
  if (body.dataset.live && window.EventSource) {
    var NOTIFY = "lentera.console.notify";
    var SOUND = "lentera.console.sound";
    var notifyButton = document.getElementById("live-notify");
    var soundButton = document.getElementById("live-sound");
    var unreadBadge = document.getElementById("live-unread");
    var baseTitle = document.title.replace(/^\(\d+\) /, "");
    var label = function (button, on) {
      if (button) button.textContent = on ? button.dataset.off : button.dataset.on;
    };
    var notifyOn = function () {
      return localStorage.getItem(NOTIFY) === "1" && window.Notification && Notification.permission === "granted";
    };
    var soundOn = function () {
      return localStorage.getItem(SOUND) === "1";
    };
    if (notifyButton && window.Notification) {
      notifyButton.hidden = false;
      label(notifyButton, notifyOn());
      notifyButton.addEventListener("click", function () {
        if (notifyOn()) {
          localStorage.removeItem(NOTIFY);
          label(notifyButton, false);
          return;
        }
        Notification.requestPermission().then(function (permission) {
          if (permission === "granted") localStorage.setItem(NOTIFY, "1");
          label(notifyButton, notifyOn());
        });
      });
    }
    if (soundButton) {
      soundButton.hidden = false;
      label(soundButton, soundOn());
      soundButton.addEventListener("click", function () {
        if (soundOn()) localStorage.removeItem(SOUND);
        else localStorage.setItem(SOUND, "1");
        label(soundButton, soundOn());
        wakeAudio();
      });
    }
    // One audio context for the page, made or resumed on a click or a key (browsers keep audio silent until
    // the person has used the page), so a beep later, from the live stream, is heard.
    var audio = null;
    var wakeAudio = function () {
      if (!soundOn()) return;
      try {
        var Audio = window.AudioContext || window.webkitAudioContext;
        if (!audio && Audio) audio = new Audio();
        if (audio && audio.state === "suspended") audio.resume();
      } catch {
        // no sound where audio is not allowed
      }
    };
    document.addEventListener("pointerdown", wakeAudio, { passive: true });
    document.addEventListener("keydown", wakeAudio);
    var beep = function () {
      wakeAudio();
      if (!audio) return;
      try {
        var ctx = audio;
        var osc = ctx.createOscillator();
        var gain = ctx.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.15;
        osc.connect(gain);
        gain.connect(ctx.destination);
        osc.start();
        osc.stop(ctx.currentTime + 0.25);
      } catch {
        // no sound where audio is not allowed
      }
    };
    var tell = function (kind, reference) {
      var text = (body.dataset["msg" + kind.charAt(0).toUpperCase() + kind.slice(1)] || "").replace("{ref}", reference);
      document.dispatchEvent(
        new CustomEvent("lentera:live", { detail: { kind: kind, reference: reference, text: text } }),
      );
      if (notifyOn()) {
        var note = new Notification(body.dataset.notifyTitle || "Lentera", { body: text, tag: kind + ":" + reference });
        note.onclick = function () {
          window.focus();
          location.href = "/console/tickets/" + encodeURIComponent(reference);
        };
      }
      if (soundOn()) beep();
    };
    var showCounts = function (tickets) {
      var total = 0;
      tickets.forEach(function (t) {
        total += t.unread;
        var cell = document.querySelector('[data-unread="' + t.reference + '"]');
        if (cell) {
          cell.textContent = String(t.unread);
          cell.hidden = t.unread === 0;
        }
      });
      if (unreadBadge) {
        unreadBadge.textContent = total + " " + unreadBadge.dataset.label;
        unreadBadge.hidden = total === 0;
      }
      document.title = (total ? "(" + total + ") " : "") + baseTitle;
      body.dataset.unreadTotal = String(total);
    };
    var source = new EventSource(body.dataset.live, { withCredentials: true });
    source.addEventListener("snapshot", function (e) {
      showCounts(JSON.parse(e.data).mine);
    });
    source.addEventListener("counts", function (e) {
      showCounts(JSON.parse(e.data).tickets);
    });
    ["urgent", "assigned", "message"].forEach(function (kind) {
      source.addEventListener(kind, function (e) {
        tell(kind, JSON.parse(e.data).reference);
        if (kind === "urgent" && body.dataset.page === "queue") {
          var pending = JSON.parse(sessionStorage.getItem("lentera.console.urgentNew") || "[]");
          pending.push(JSON.parse(e.data).reference);
          sessionStorage.setItem("lentera.console.urgentNew", JSON.stringify(pending));
        }
      });
    });
    source.addEventListener("signed_out", function () {
      source.close();
      location.reload();
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });

  if (body.dataset.page === "ticket") {
    var list = document.getElementById("transcript");
    // The person answered a share question (or consented otherwise): the referrals card is fetched afresh
    // and swapped in, unless the caseworker is filling in one of its forms.
    var refreshShare = function (state) {
      var asks = document.getElementById("share-asks");
      var card = document.getElementById("referrals-card");
      if (state === null || !asks || !card || asks.dataset.shareState === state) return;
      if (document.activeElement && card.contains(document.activeElement)) return;
      fetch(location.pathname, { headers: POLL, credentials: "same-origin" })
        .then(function (res) {
          return res.ok ? res.text() : null;
        })
        .then(function (html) {
          if (!html) return;
          var fresh = new window.DOMParser().parseFromString(html, "text/html").getElementById("referrals-card");
          if (fresh) card.replaceWith(fresh);
        })
        .catch(function () {});
    };
    if (list) {
      list.scrollTop = list.scrollHeight;
      // One poll at a time: the timer's and the live stream's never both insert the same messages.
      var polling = false;
      var pollTranscript = function () {
        if (polling) return;
        polling = true;
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
            refreshShare(res.headers.get("x-share-state"));
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
          .catch(function () {})
          .then(function () {
            polling = false;
          });
      };
      setInterval(pollTranscript, Number(list.dataset.interval || 4000));
      // The person wrote on this ticket (the live stream says so at once): the transcript is read now.
      var here = decodeURIComponent(location.pathname.split("/").pop() || "");
      document.addEventListener("lentera:live", function (e) {
        if (e.detail && e.detail.kind === "message" && e.detail.reference === here) pollTranscript();
      });
    }
  }
})();
