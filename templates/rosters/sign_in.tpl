{{%AUTOESCAPE context="HTML"}}<p><a href="{{COURSE_URL}}">回課程資料</a></p>
<article class="sign-in" data-code="{{CODE}}" data-approved="{{APPROVED}}">
<h1>研習簽到表</h1>
<div class="actions">
  <a class="button" href="{{XLSX_URL}}">研習名單匯出（Excel）</a>
  <a class="button" href="{{CSV_URL}}">研習名單匯出（CSV）</a>
</div>
<p class="hint actions">請用瀏覽器的「列印」（Ctrl+P）以 A4 直式印出；每班一張，按鈕與選單不會印出。簽到表不列身分證字號等個人資料。</p>
<dl class="facts sign-in-facts">
  <dt>研習課程代碼</dt><dd class="course-code">{{CODE}}</dd>
  <dt>研習名稱</dt><dd>{{COURSE_TITLE}}</dd>
  <dt>開課單位</dt><dd>{{UNIT}}</dd>
  <dt>研習時數</dt><dd>{{HOURS}}</dd>
  <dt>日期、時間與地點</dt><dd><ul class="sign-in-sessions">{{#SESSION}}<li>{{LINE}}</li>{{/SESSION}}</ul></dd>
  <dt>審核通過</dt><dd>{{APPROVED}} 人</dd>
</dl>
{{#CLASS}}
<section class="sign-in-class" aria-labelledby="class-{{NUMBER}}-heading" data-class="{{NUMBER}}">
<h2 id="class-{{NUMBER}}-heading">{{CLASS_NAME}}<span class="sign-in-count">　{{COUNT}} 人</span></h2>
<p class="sign-in-course">研習課程代碼 {{CODE}}　{{COURSE_TITLE}}<br>{{SESSIONS}}</p>
<table class="sign-in-table stack">
  <caption class="visually-hidden">{{CLASS_NAME}}：{{COURSE_TITLE}}</caption>
  <colgroup><col class="col-seq"><col class="col-school"><col class="col-title"><col class="col-name"><col class="col-sign"><col class="col-note"></colgroup>
  <thead><tr><th scope="col">序號</th><th scope="col">服務學校</th><th scope="col">職稱</th><th scope="col">姓名</th><th scope="col">簽名</th><th scope="col">備註</th></tr></thead>
  <tbody>{{#ROW}}<tr><td data-label="序號">{{SEQ}}</td><td data-label="服務學校">{{SCHOOL}}</td><td data-label="職稱">{{TITLE_NAME}}</td><td data-label="姓名" class="sign-in-name">{{NAME}}</td><td data-label="簽名" class="sign-in-signature"></td><td data-label="備註" class="sign-in-note"></td></tr>{{/ROW}}</tbody>
</table>
{{#EMPTY}}<p class="empty">尚無審核通過的報名者。</p>{{/EMPTY}}
</section>
{{/CLASS}}
</article>
