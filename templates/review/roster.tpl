{{%AUTOESCAPE context="HTML"}}<p><a href="{{QUEUE_URL}}#rosters">回待審清單</a>｜<a href="{{COURSE_URL}}">課程資料</a></p>
<h1>名單審核：{{TITLE}}</h1>
<p class="meta">研習課程代碼 <strong>{{CODE}}</strong>｜{{UNIT}}｜承辦人 {{ORGANIZER}}｜{{DATES}}｜{{COURSE_UNITS}}｜處理狀態：<strong id="course-state" data-state="{{STATE_CODE}}">{{STATE}}</strong></p>
<dl class="counts">
  <div><dt>名單人數</dt><dd id="line-count">{{LINE_COUNT}}</dd></div>
  <div><dt>核發合計</dt><dd id="unit-total">{{UNIT_TOTAL}}</dd></div>
  <div><dt>有提醒的教師</dt><dd id="warned">{{WARNED}}</dd></div>
</dl>
<p class="hint">提醒不會阻止確認通過，請逐一核對：非在職教師、未曾線上報名的參加者、核發少於課程時數（含理由）、單日跨課程超過 6 小時。</p>
{{>LINES}}

{{#DECIDED}}<p class="note" id="not-pending">{{NOT_PENDING}}</p>{{/DECIDED}}
{{#DECIDE}}
<h2>審核</h2>
<form method="post" action="{{APPROVE_URL}}" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint">確認通過後課程結案，名單上 {{LINE_COUNT}} 位教師的研習時數記入研習紀錄，之後不能再修改（更正另立紀錄）。</p>
  <div class="actions"><button type="submit" id="approve-roster">名單確認通過</button></div>
</form>
<form method="post" action="{{RETURN_URL}}#return-form" class="return-form" id="return-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FORM_ERRORS}}
  <fieldset id="reason"{{#REASON_INVALID}} aria-describedby="reason-error"{{/REASON_INVALID}}>
    <legend>退回（名單確認未通過）：請勾選理由，可複選</legend>
    {{#REASON}}<label class="choice"><input type="checkbox" name="reason" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/REASON}}
    {{>REASON_ERROR}}
  </fieldset>
  <div class="field">
    <label for="note">說明（選「其他」時必填）</label>
    <textarea id="note" name="note" rows="3" maxlength="1000"{{#NOTE_INVALID}} aria-describedby="note-error" aria-invalid="true"{{/NOTE_INVALID}}>{{NOTE:pre_escape}}</textarea>
    {{>NOTE_ERROR}}
  </div>
  <div class="actions"><button type="submit" id="return-roster" class="danger">退回並通知聯絡人</button></div>
</form>
{{/DECIDE}}

<h2>處理歷程</h2>
{{>HISTORY}}
