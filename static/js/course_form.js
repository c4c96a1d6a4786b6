// 研習課程登錄: shows the 第10條 creditable hours while the sessions are typed. The form works
// without this script; the server computes and checks the same figure on submit
// (fcgi/domain/study_hours.cpp is the rule of record).
(function () {
  'use strict';
  var form = document.querySelector('form.course-form');
  var out = document.getElementById('live-hours');
  if (!form || !out) return;

  function minutes(text) {
    var m = /^(\d{2}):(\d{2})$/.exec((text || '').trim());
    if (!m) return null;
    var h = +m[1], min = +m[2];
    return h < 24 && min < 60 ? h * 60 + min : null;
  }

  // One continuous block of m teaching minutes (第10條): <50 → 0, 50–89 → 1, 90–119 → 2,
  // then whole hours plus one when the remainder reaches 50 minutes.
  function blockHours(m) {
    if (m < 50) return 0;
    if (m < 90) return 1;
    if (m < 120) return 2;
    return Math.floor(m / 60) + (m % 60 >= 50 ? 1 : 0);
  }

  function sessionHours(start, end, breaksText) {
    var breaks = [];
    var parts = (breaksText || '').replace(/\s/g, '').split(',').filter(Boolean);
    for (var i = 0; i < parts.length; i++) {
      var b = parts[i].split('-');
      var s = minutes(b[0]), e = minutes(b[1]);
      if (s === null || e === null || e <= s) return null;
      breaks.push([Math.max(s, start), Math.min(e, end)]);
    }
    breaks.sort(function (a, b) { return a[0] - b[0]; });
    var total = 0, cursor = start;
    for (var j = 0; j < breaks.length; j++) {
      if (breaks[j][1] <= breaks[j][0]) continue;
      if (breaks[j][0] > cursor) total += blockHours(breaks[j][0] - cursor);
      cursor = Math.max(cursor, breaks[j][1]);
    }
    if (end > cursor) total += blockHours(end - cursor);
    return total;
  }

  function update() {
    var rows = form.querySelectorAll('.session-row');
    var total = 0, counted = 0;
    for (var i = 0; i < rows.length; i++) {
      var start = minutes(rows[i].querySelector('[name="session_start"]').value);
      var end = minutes(rows[i].querySelector('[name="session_end"]').value);
      if (start === null || end === null || end <= start) continue;
      var h = sessionHours(start, end, rows[i].querySelector('[name="session_breaks"]').value);
      if (h === null) continue;
      total += h;
      counted++;
    }
    out.textContent = counted ? '依第10條試算：目前場次可採計 ' + total + ' 小時（送出時由系統確認）。' : '';
  }

  form.addEventListener('input', update);
  update();
})();
