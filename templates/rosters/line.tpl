{{%AUTOESCAPE context="HTML"}}<p><a href="{{ROSTER_URL}}">回等待核發時數名單</a></p>
<h1>修改名單：{{NAME}}</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}｜{{COURSE_UNITS}}</p>
<p>{{UNIT}}｜身分證字號 {{NATIONAL_ID}}</p>
{{>FORM_ERRORS}}
{{#FROM_GRID}}<p class="note">這一行目前依逐場出席計算；在這裡儲存後改以下列出席情形為準。</p>{{/FROM_GRID}}
<form method="post" action="{{UPDATE_URL}}" id="line-form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>ATTENDANCE_FIELDS}}
  <div class="actions"><button type="submit">儲存</button></div>
</form>
<h2>從名單刪除</h2>
<form method="post" action="{{DELETE_URL}}" id="delete-line">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint">例如報名後沒有出席、或輸入錯人。刪除後這位教師不會由這門研習核發時數。</p>
  <div class="actions"><button type="submit" class="danger">刪除 {{NAME}}</button></div>
</form>
