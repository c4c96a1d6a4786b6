{{%AUTOESCAPE context="HTML"}}<p><a href="{{QUEUE_URL}}">回待審課程</a></p>
<h1>{{TITLE}}</h1>
<p class="meta">研習課程代碼 <strong>{{CODE}}</strong>｜處理狀態：<strong id="course-state">{{STATE}}</strong>｜{{UNIT}}｜承辦人 {{ORGANIZER}}</p>
<section aria-labelledby="flags-heading">
  <h2 id="flags-heading">系統提醒</h2>
  <ul class="flags">{{#FLAG}}<li class="flag">{{TEXT}}</li>{{/FLAG}}</ul>
  {{#NO_FLAGS}}<p>沒有系統提醒。</p>{{/NO_FLAGS}}
</section>
<h2>課程資料</h2>
<dl class="facts">
  <dt>班別性質</dt><dd>{{CLASS_KIND}}</dd>
  <dt>研習型態</dt><dd>{{SCOPE}}</dd>
  <dt>參加對象</dt><dd>{{LEVELS}}</dd>
  <dt>屬性標籤</dt><dd>{{#TAG}}<span class="tag">{{NAME}}</span> {{/TAG}}</dd>
  <dt>依據文號</dt><dd>{{BASIS_DOC}}</dd>
  <dt>專案核准文號</dt><dd>{{SPECIAL_APPROVAL_DOC}}</dd>
  <dt>申報時數</dt><dd>{{HOURS}}（依第10條計算 {{COMPUTED_HOURS}} 小時）</dd>
  <dt>名額</dt><dd>{{SEATS}}</dd>
  <dt>聯絡人</dt><dd>{{CONTACT1}}{{#HAS_CONTACT2}}<br>{{CONTACT2}}{{/HAS_CONTACT2}}</dd>
</dl>
<h3>課程內容大綱</h3>
<p class="outline">{{OUTLINE:pre_escape}}</p>
<h2>場次</h2>
{{>SESSIONS}}
<h2>處理歷程</h2>
{{>HISTORY}}
{{#DECIDED}}<p class="note">此課程已審核（目前為「{{STATE}}」）。{{#ROSTER}}研習名單：<a href="{{ROSTER_URL}}" id="roster-link">名單審核</a>{{/ROSTER}}</p>{{/DECIDED}}
{{#DECIDE}}
<h2>審核</h2>
<form method="post" action="{{APPROVE_URL}}" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="actions"><button type="submit" id="approve">課程確認通過</button></div>
</form>
<form method="post" action="{{RETURN_URL}}#return-form" class="return-form" id="return-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FORM_ERRORS}}
  <fieldset id="reason"{{#REASON_INVALID}} aria-describedby="reason-error"{{/REASON_INVALID}}>
    <legend>退回（課程確認未通過）：請勾選理由，可複選</legend>
    {{#REASON}}<label class="choice"><input type="checkbox" name="reason" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/REASON}}
    {{>REASON_ERROR}}
  </fieldset>
  <div class="field">
    <label for="note">說明（選「其他」時必填）</label>
    <textarea id="note" name="note" rows="3" maxlength="1000"{{#NOTE_INVALID}} aria-describedby="note-error" aria-invalid="true"{{/NOTE_INVALID}}>{{NOTE:pre_escape}}</textarea>
    {{>NOTE_ERROR}}
  </div>
  <div class="actions"><button type="submit" id="return" class="danger">退回並通知聯絡人</button></div>
</form>
{{/DECIDE}}
