{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回研習資料管理</a></p>
<h1>{{TITLE}}</h1>
<p class="meta">研習課程代碼 <strong id="course-code">{{CODE}}</strong>｜處理狀態：<strong id="course-state" data-state="{{STATE_CODE}}">{{STATE}}</strong>｜承辦人：{{ORGANIZER}}</p>
{{#PUBLIC}}<p>公開頁面：<a href="{{PUBLIC_URL}}">{{PUBLIC_URL}}</a></p>{{/PUBLIC}}

{{#RETURNED}}
<section class="notice" aria-labelledby="returned-heading">
  <h2 id="returned-heading">審課單位退回理由</h2>
  <ul class="reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
</section>
{{/RETURNED}}

{{#CAN_EDIT}}<p><a class="button" href="{{URL}}">{{LABEL}}</a></p>{{/CAN_EDIT}}

<h2>課程資料</h2>
<dl class="facts">
  <dt>研習日期</dt><dd>{{DATES}}</dd>
  <dt>研習時數</dt><dd>{{HOURS}}</dd>
  <dt>研習型態</dt><dd>{{SCOPE}}</dd>
  <dt>依據文號</dt><dd>{{BASIS_DOC}}</dd>
</dl>
<h3>課程內容大綱</h3>
<p class="outline">{{OUTLINE:pre_escape}}</p>
<div class="table-wrap">
<table>
  <caption>場次</caption>
  <thead><tr><th scope="col">日期</th><th scope="col">時間</th><th scope="col">休息</th><th scope="col">地點</th></tr></thead>
  <tbody>{{#SESSION}}<tr><td>{{DATE}}</td><td>{{TIME}}</td><td>{{BREAKS}}</td><td>{{PLACE}}</td></tr>{{/SESSION}}</tbody>
</table>
</div>

<h2>處理歷程</h2>
<div class="table-wrap">
<table class="history stack">
  <caption class="visually-hidden">處理歷程</caption>
  <thead><tr><th scope="col">時間</th><th scope="col">由</th><th scope="col">變為</th><th scope="col">處理人</th><th scope="col">理由</th></tr></thead>
  <tbody>{{#HISTORY}}<tr><td data-label="時間">{{AT}}</td><td data-label="由">{{FROM}}</td><td data-label="變為">{{TO}}</td><td data-label="處理人">{{ACTOR}}</td><td data-label="理由">{{REASONS}}</td></tr>{{/HISTORY}}</tbody>
</table>
</div>

{{#CAN_TRANSFER}}
<h2>課程移轉</h2>
<form method="post" action="{{URL}}" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="transfer-to">移轉給本單位承辦人</label>
    <select id="transfer-to" name="to">
      <option value="">請選擇</option>
      {{#ORGANIZER}}<option value="{{ID}}">{{NAME}}</option>{{/ORGANIZER}}
    </select>
  </div>
  <div class="actions"><button type="submit">移轉課程</button></div>
</form>
{{/CAN_TRANSFER}}

{{#CAN_DELETE}}
<h2 id="delete">課程登錄錯誤（刪除）</h2>
<form method="post" action="{{URL}}" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="delete-reason">刪除理由（例如：未開班、重複登錄）</label>
    <input id="delete-reason" name="reason" type="text" maxlength="200" required>
  </div>
  <p class="hint">刪除後課程不再公開，資料與歷程仍保留備查。</p>
  <div class="actions"><button type="submit" class="danger">刪除課程</button></div>
</form>
{{/CAN_DELETE}}
