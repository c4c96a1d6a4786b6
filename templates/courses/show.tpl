{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回研習資料管理</a></p>
<h1>{{TITLE}}</h1>
<p class="meta">研習課程代碼 <strong id="course-code">{{CODE}}</strong>｜處理狀態：<strong id="course-state" data-state="{{STATE_CODE}}">{{STATE}}</strong>｜承辦人：{{ORGANIZER}}</p>
{{#PUBLIC}}<p>公開頁面：<a href="{{PUBLIC_URL}}">{{PUBLIC_URL}}</a></p>{{/PUBLIC}}
<p class="functions">{{#SETTINGS}}<a class="button" href="{{SETTINGS_URL}}">線上報名設定</a> {{/SETTINGS}}{{#ENROLMENTS}}<a class="button" href="{{ENROLMENTS_URL}}">報名資格審核</a> {{/ENROLMENTS}}{{#BATCH}}<a class="button" href="{{BATCH_URL}}">校內批次報名</a> {{/BATCH}}{{#EXPORTS}}<a class="button" href="{{SIGN_IN_URL}}">列印簽到表</a> <a class="button" href="{{XLSX_URL}}">研習名單匯出（Excel）</a> <a class="button" href="{{CSV_URL}}">研習名單匯出（CSV）</a>{{/EXPORTS}} {{#ROSTER}}<a class="button" href="{{ROSTER_URL}}" id="roster-link">編輯研習教師資料</a>{{/ROSTER}}{{#RECORDS}} <a class="button" href="{{RECORDS_URL}}">研習紀錄更正</a>{{/RECORDS}}</p>

{{#RETURNED}}
<section class="notice" aria-labelledby="returned-heading">
  <h2 id="returned-heading">審課單位退回理由</h2>
  <ul class="reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
</section>
{{/RETURNED}}

{{#CORRECTIONS}}
<section class="notice" aria-labelledby="corrections-heading">
  <h2 id="corrections-heading">教師更正申請（{{COUNT}} 件待查核）</h2>
  <p class="hint">以下教師報名錄取但未獲核發時數，請查核研習名單；如確有參與，請補發時數。</p>
  <ul class="correction-requests">{{#REQUEST}}<li><strong>{{NAME}}</strong> <span class="meta">{{AT}}</span><br>{{REASON}}</li>{{/REQUEST}}</ul>
</section>
{{/CORRECTIONS}}

{{#CAN_EDIT}}<p><a class="button" href="{{URL}}">{{LABEL}}</a></p>{{/CAN_EDIT}}

<h2>課程資料</h2>
<dl class="facts">
  <dt>研習日期</dt><dd>{{DATES}}</dd>
  <dt>研習時數</dt><dd>{{HOURS}}</dd>
  <dt>班別性質</dt><dd>{{CLASS_KIND}}</dd>
  <dt>研習型態</dt><dd>{{SCOPE}}</dd>
  <dt>參加對象</dt><dd>{{LEVELS}}</dd>
  <dt>依據文號</dt><dd>{{BASIS_DOC}}</dd>
  <dt>名額</dt><dd>{{SEATS}}</dd>
  <dt>聯絡人</dt><dd>{{#CONTACT}}{{NAME}}｜{{PHONE}}｜{{EMAIL}}<br>{{/CONTACT}}</dd>
</dl>
<h3>課程內容大綱</h3>
<p class="outline">{{OUTLINE:pre_escape}}</p>
<h2>場次</h2>
{{>SESSIONS}}

<h2>處理歷程</h2>
{{>HISTORY}}

{{#CAN_TRANSFER}}
<h2>課程移轉</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{URL}}#transfer" class="inline-form" id="transfer">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="to">移轉給本單位承辦人</label>
    <select id="to" name="to"{{#TO_INVALID}} aria-describedby="to-error" aria-invalid="true"{{/TO_INVALID}}>
      <option value="">請選擇</option>
      {{#ORGANIZER}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORGANIZER}}
    </select>
    {{>TO_ERROR}}
  </div>
  <div class="actions"><button type="submit">移轉課程</button></div>
</form>
{{/CAN_TRANSFER}}

{{#CAN_DELETE}}
<h2 id="delete">課程登錄錯誤（刪除）</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{URL}}#delete" class="inline-form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="reason">刪除理由（例如：未開班、重複登錄）</label>
    <input id="reason" name="reason" type="text" maxlength="200" required value="{{REASON}}"{{#REASON_INVALID}} aria-describedby="reason-error" aria-invalid="true"{{/REASON_INVALID}}>
    {{>REASON_ERROR}}
  </div>
  <p class="hint">刪除後課程不再公開，資料與歷程仍保留備查。</p>
  <div class="actions"><button type="submit" class="danger">刪除課程</button></div>
</form>
{{/CAN_DELETE}}
