{{%AUTOESCAPE context="HTML"}}<article class="admission-notice" data-code="{{CODE}}">
<h1>研習錄取通知</h1>
<div class="actions">
  <a class="button" href="{{CALENDAR_URL}}">下載行事曆檔（.ics）</a>
  <a href="{{TEACHER_URL}}">回我的專屬首頁</a>
</div>
<p class="hint actions">請用瀏覽器的「列印」（Ctrl+P）印出本通知；按鈕與選單不會印出。</p>

<p class="lead">茲通知 <strong class="teacher-name">{{TEACHER_NAME}}</strong>（{{TEACHER_UNIT}}{{#HAS_TITLE}}　{{TITLE_NAME}}{{/HAS_TITLE}}）報名下列研習，業經開課單位審核通過，准予參加。本通知可供申請公假之用。</p>

<dl class="facts">
  <dt>研習課程代碼</dt><dd class="course-code">{{CODE}}</dd>
  <dt>研習名稱</dt><dd>{{COURSE_TITLE}}</dd>
  <dt>開課單位</dt><dd>{{UNIT}}</dd>
  <dt>研習日期</dt><dd>{{DATES}}（共 {{SESSION_COUNT}} 場）</dd>
  <dt>研習時數</dt><dd>{{HOURS}}</dd>
  <dt>依據文號</dt><dd>{{BASIS_DOC}}</dd>
  <dt>錄取日期</dt><dd>{{APPROVED_ON}}</dd>
  <dt>課程聯絡人</dt><dd>{{CONTACT}}</dd>
</dl>

<h2>研習場次</h2>
<div class="table-wrap">
<table class="notice-sessions stack">
  <caption class="visually-hidden">研習場次</caption>
  <thead><tr><th scope="col">日期</th><th scope="col">時間</th><th scope="col">地點</th></tr></thead>
  <tbody>{{#SESSION}}<tr><td data-label="日期">{{DATE}}</td><td data-label="時間">{{TIME}}</td><td data-label="地點">{{PLACE}}</td></tr>{{/SESSION}}</tbody>
</table>
</div>

<section class="verification" aria-labelledby="verify-heading">
<h2 id="verify-heading">查驗</h2>
<dl class="facts">
  <dt>驗證碼</dt><dd><strong class="notice-code" data-notice-code="{{NOTICE_CODE}}">{{NOTICE_CODE}}</strong></dd>
  <dt>查驗網址</dt><dd><a class="address" href="{{CHECK_PATH}}">{{CHECK_URL}}</a></dd>
</dl>
<p class="hint">本通知由全國教師在職進修資訊網產生。學校人事或教務單位可開啟查驗網址，或在本網「錄取通知查驗」（{{LOOKUP_URL}}）輸入驗證碼，確認本通知由本網發出，且報名目前仍然有效。</p>
</section>
</article>
