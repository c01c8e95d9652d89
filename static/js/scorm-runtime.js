/*
 * The SCORM runtime of a lesson that plays a package (courses/scorm): the API object of SCORM 1.2
 * (window.API) and of SCORM 2004 (window.API_1484_11), found by the package in this window, its
 * frame's parent. The package reads and sets CMI data here; a commit, and the end of the session,
 * send what the portal keeps (status, score, location, suspend data, session time) to the server as
 * JSON with the page's CSRF token. The frame is given its address only once the API exists.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("scorm-config");
  var frame = document.querySelector("[data-scorm-src]");
  if (!configElement || !frame) {
    return;
  }
  var config = JSON.parse(configElement.textContent);
  var state = config.state || {};
  var is12 = config.version === "1.2";
  var statusLine = document.querySelector("[data-scorm-status]");

  // The portal's keys, and the CMI element each is in either version.
  var ELEMENTS = is12
    ? {
        lesson_status: "cmi.core.lesson_status",
        score_raw: "cmi.core.score.raw",
        score_min: "cmi.core.score.min",
        score_max: "cmi.core.score.max",
        location: "cmi.core.lesson_location",
        suspend_data: "cmi.suspend_data",
        session_time: "cmi.core.session_time"
      }
    : {
        completion_status: "cmi.completion_status",
        success_status: "cmi.success_status",
        score_raw: "cmi.score.raw",
        score_min: "cmi.score.min",
        score_max: "cmi.score.max",
        score_scaled: "cmi.score.scaled",
        location: "cmi.location",
        suspend_data: "cmi.suspend_data",
        session_time: "cmi.session_time"
      };
  var KEY_OF = {};
  Object.keys(ELEMENTS).forEach(function (key) {
    KEY_OF[ELEMENTS[key]] = key;
  });
  var WRITE_ONLY = is12
    ? ["cmi.core.session_time", "cmi.core.exit"]
    : ["cmi.session_time", "cmi.exit", "adl.nav.request"];

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  function totalTime(seconds) {
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    if (is12) {
      return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(rest, 2);
    }
    return "PT" + hours + "H" + minutes + "M" + rest + "S";
  }

  function shown(value) {
    return value === null || value === undefined ? "" : String(value);
  }

  // What the package reads: the kept data, then what it set in this session.
  var values = {};
  Object.keys(ELEMENTS).forEach(function (key) {
    if (key !== "session_time") {
      values[ELEMENTS[key]] = shown(state[key]);
    }
  });
  if (is12) {
    values["cmi.core.lesson_status"] = state.lesson_status || "not attempted";
    values["cmi.core.student_id"] = config.learnerId;
    values["cmi.core.student_name"] = config.learnerName;
    values["cmi.core.entry"] = shown(state.entry);
    values["cmi.core.credit"] = "credit";
    values["cmi.core.lesson_mode"] = "normal";
    values["cmi.core.total_time"] = totalTime(state.total_seconds || 0);
    values["cmi.launch_data"] = "";
    values["cmi.student_data.mastery_score"] = shown(config.masteryScore);
    values["cmi.core._children"] =
      "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time";
    values["cmi.core.score._children"] = "raw,min,max";
    values["cmi._version"] = "3.4";
    values["cmi.interactions._count"] = "0";
    values["cmi.objectives._count"] = "0";
  } else {
    values["cmi.completion_status"] = state.completion_status || "unknown";
    values["cmi.success_status"] = state.success_status || "unknown";
    values["cmi.learner_id"] = config.learnerId;
    values["cmi.learner_name"] = config.learnerName;
    values["cmi.entry"] = shown(state.entry);
    values["cmi.credit"] = "credit";
    values["cmi.mode"] = "normal";
    values["cmi.total_time"] = totalTime(state.total_seconds || 0);
    values["cmi.launch_data"] = "";
    values["cmi._version"] = "1.0";
    values["cmi.score._children"] = "scaled,raw,min,max";
    values["cmi.interactions._count"] = "0";
    values["cmi.objectives._count"] = "0";
    values["cmi.comments_from_learner._count"] = "0";
  }
  var READ_ONLY = is12
    ? ["cmi.core.student_id", "cmi.core.student_name", "cmi.core.entry", "cmi.core.credit", "cmi.core.lesson_mode",
       "cmi.core.total_time", "cmi.launch_data", "cmi.student_data.mastery_score", "cmi.core._children",
       "cmi.core.score._children", "cmi._version", "cmi.interactions._count", "cmi.objectives._count"]
    : ["cmi.learner_id", "cmi.learner_name", "cmi.entry", "cmi.credit", "cmi.mode", "cmi.total_time",
       "cmi.launch_data", "cmi._version", "cmi.score._children", "cmi.interactions._count", "cmi.objectives._count",
       "cmi.comments_from_learner._count"];
  // Elements the package may set that the portal does not keep (they stay in this page).
  var KEPT_HERE = /^(cmi\.interactions\.|cmi\.objectives\.|cmi\.comments|cmi\.student_preference\.|cmi\.learner_preference\.|cmi\.progress_measure$|cmi\.core\.exit$|cmi\.exit$|adl\.nav\.request$)/;

  var changed = {};
  var initialized = false;
  var finished = false;
  var lastError = "0";

  function say(text) {
    if (statusLine) {
      statusLine.textContent = text;
    }
  }

  // Once the package is done, the note under it becomes the way on (the next lesson, or the course).
  function showNext(url) {
    var pending = document.querySelector("[data-testid=scorm-pending]");
    if (!pending || !url) {
      return;
    }
    var link = document.createElement("a");
    link.className = "button";
    link.href = url;
    link.textContent = config.messages.next;
    pending.textContent = "";
    pending.appendChild(link);
  }

  function send(keepalive) {
    var keys = Object.keys(changed);
    if (!keys.length) {
      return true;
    }
    var body = {};
    keys.forEach(function (key) {
      body[key] = changed[key];
    });
    changed = {};
    fetch(config.commitUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "X-CSRFToken": config.csrfToken },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok || !answer.ok) {
            throw new Error(answer.error || response.status);
          }
          say(answer.completed ? config.messages.completed : config.messages.saved);
          if (answer.completed) {
            showNext(answer.next_url);
          }
        });
      })
      .catch(function (error) {
        say(config.messages.failed + " " + error.message);
      });
    return true;
  }

  var ERRORS = is12
    ? { 0: "No error", 101: "General exception", 201: "Invalid argument error", 301: "Not initialized",
        401: "Not implemented error", 403: "Element is read only", 404: "Element is write only",
        405: "Incorrect data type" }
    : { 0: "No error", 101: "General exception", 103: "Already initialized", 104: "Content instance terminated",
        112: "Termination before initialization", 113: "Termination after termination",
        122: "Retrieve data before initialization", 123: "Retrieve data after termination",
        132: "Store data before initialization", 133: "Store data after termination",
        142: "Commit before initialization", 143: "Commit after termination", 201: "General argument error",
        401: "Undefined data model element", 403: "Data model element value not initialized",
        404: "Data model element is read only", 405: "Data model element is write only",
        406: "Data model element type mismatch" };

  function fail(code) {
    lastError = String(code);
    return "false";
  }

  function initialize() {
    if (finished && !is12) {
      return fail(104);
    }
    if (initialized) {
      return fail(is12 ? 101 : 103);
    }
    initialized = true;
    lastError = "0";
    return "true";
  }

  function terminate() {
    if (!initialized) {
      return fail(is12 ? 301 : 112);
    }
    if (finished) {
      return fail(is12 ? 101 : 113);
    }
    send(true);
    finished = true;
    initialized = !is12 ? false : initialized;
    lastError = "0";
    return "true";
  }

  function getValue(element) {
    if (!initialized || finished) {
      fail(is12 ? 301 : finished ? 123 : 122);
      return "";
    }
    if (WRITE_ONLY.indexOf(element) !== -1) {
      fail(is12 ? 404 : 405);
      return "";
    }
    if (Object.prototype.hasOwnProperty.call(values, element)) {
      lastError = "0";
      return values[element];
    }
    fail(is12 ? 401 : KEPT_HERE.test(element) ? 403 : 401);
    return "";
  }

  function setValue(element, value) {
    if (!initialized || finished) {
      return fail(is12 ? 301 : finished ? 133 : 132);
    }
    value = String(value);
    if (READ_ONLY.indexOf(element) !== -1) {
      return fail(is12 ? 403 : 404);
    }
    if (Object.prototype.hasOwnProperty.call(KEY_OF, element)) {
      values[element] = value;
      changed[KEY_OF[element]] = value;
      lastError = "0";
      return "true";
    }
    if (KEPT_HERE.test(element)) {
      values[element] = value;
      lastError = "0";
      return "true";
    }
    return fail(is12 ? 401 : 401);
  }

  function commit() {
    if (!initialized) {
      return fail(is12 ? 301 : 142);
    }
    if (finished) {
      return fail(is12 ? 301 : 143);
    }
    send(false);
    lastError = "0";
    return "true";
  }

  function errorString(code) {
    return ERRORS[parseInt(code, 10)] || "";
  }

  if (is12) {
    window.API = {
      LMSInitialize: function () { return initialize(); },
      LMSFinish: function () { return terminate(); },
      LMSGetValue: getValue,
      LMSSetValue: setValue,
      LMSCommit: function () { return commit(); },
      LMSGetLastError: function () { return lastError; },
      LMSGetErrorString: errorString,
      LMSGetDiagnostic: function (code) { return errorString(code || lastError); }
    };
  } else {
    window.API_1484_11 = {
      Initialize: function () { return initialize(); },
      Terminate: function () { return terminate(); },
      GetValue: getValue,
      SetValue: setValue,
      Commit: function () { return commit(); },
      GetLastError: function () { return lastError; },
      GetErrorString: errorString,
      GetDiagnostic: function (code) { return errorString(code || lastError); }
    };
  }
  // A learner who leaves without the package finishing: what it set is still sent.
  window.addEventListener("pagehide", function () {
    if (initialized && !finished) {
      send(true);
    }
  });
  frame.src = frame.getAttribute("data-scorm-src");
})();
