{{%AUTOESCAPE context="HTML"}}<p><a href="{{ROSTER_URL}}">回研習名單</a></p>
<h1>研習紀錄更正</h1>
<p class="meta">研習課程代碼 <strong>{{CODE}}</strong>｜{{TITLE}}｜{{DATES}}｜{{COURSE_UNITS}}｜處理狀態：<strong>{{STATE}}</strong></p>
<p class="hint">已核發的研習紀錄不會被改寫：更正會另立一筆新紀錄並連結原紀錄，教師的研習紀錄上顯示更正理由與更正人。</p>
{{>FORM_ERRORS}}
<h2>已核發的研習紀錄</h2>
<div class="table-wrap">
<table class="stack" id="issued-records">
  <caption class="visually-hidden">已核發的研習紀錄</caption>
  <thead><tr><th scope="col">姓名</th><th scope="col">服務學校</th><th scope="col">身分證字號</th><th scope="col">核發</th><th scope="col">更正</th></tr></thead>
  <tbody>
  {{#RECORD}}<tr data-record="{{ID}}" data-units="{{RECORD_UNITS}}">
    <td data-label="姓名">{{NAME}}</td>
    <td data-label="服務學校">{{UNIT}}</td>
    <td data-label="身分證">{{NATIONAL_ID}}</td>
    <td data-label="核發"><div><strong>{{RECORD_UNITS}} {{UNIT_WORD}}</strong>{{#NOTE}}<span class="meta">{{KIND}}：{{REASON}}（{{BY}}）</span>{{/NOTE}}</div></td>
    <td data-label="更正">
      <form method="post" action="{{ACTION}}" class="correct-form" novalidate>
        <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
        <label for="units-{{ID}}">更正後{{UNIT_WORD}}（0–{{MOST}}）</label>
        <input id="units-{{ID}}" name="units" type="number" min="0" max="{{MOST}}" inputmode="numeric" value="{{UNITS}}"{{#UNITS_INVALID}} aria-invalid="true"{{/UNITS_INVALID}}>
        {{>UNITS_ERROR}}
        <label for="reason-{{ID}}">理由</label>
        <input id="reason-{{ID}}" name="reason" type="text" maxlength="300" value="{{REASON}}"{{#REASON_INVALID}} aria-invalid="true"{{/REASON_INVALID}}>
        {{>REASON_ERROR}}
        <button type="submit" class="secondary">更正</button>
      </form>
    </td>
  </tr>{{/RECORD}}
  </tbody>
</table>
</div>
{{#LATE}}
<h2 id="late">補登（審核通過但沒有紀錄的報名者）</h2>
<p class="hint">例如教師申請更正、確有出席但漏列名單。補登後教師的「報名但未參與」燈號隨即更新。</p>
<form method="post" action="{{ACTION}}#late" id="late-form" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="enrolment">教師</label>
    <select id="enrolment" name="enrolment"{{#ENROLMENT_INVALID}} aria-describedby="enrolment-error" aria-invalid="true"{{/ENROLMENT_INVALID}}>
      <option value="">請選擇</option>
      {{#TEACHER}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEACHER}}
    </select>
    {{>ENROLMENT_ERROR}}
  </div>
  <div class="field">
    <label for="units">核發{{UNIT_WORD}}</label>
    <input id="units" name="units" type="number" min="1" max="{{MOST}}" inputmode="numeric" value="{{UNITS}}"{{#UNITS_INVALID}} aria-describedby="units-error" aria-invalid="true"{{/UNITS_INVALID}}>
    {{>UNITS_ERROR}}
  </div>
  <div class="field">
    <label for="reason">補登理由</label>
    <input id="reason" name="reason" type="text" maxlength="300" value="{{REASON}}"{{#REASON_INVALID}} aria-describedby="reason-error" aria-invalid="true"{{/REASON_INVALID}}>
    {{>REASON_ERROR}}
  </div>
  <div class="actions"><button type="submit">補登研習紀錄</button></div>
</form>
{{/LATE}}
