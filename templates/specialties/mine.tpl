{{%AUTOESCAPE context="HTML"}}<h1>專長登錄申請</h1>
<p>登錄您取得的專長證照，由服務學校的總負責人審核；審核結果會以電子郵件通知。</p>
<h2>我的專長</h2>
{{#NONE}}<p>尚未申請。</p>{{/NONE}}
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">我的專長申請</caption>
  <thead><tr><th scope="col">專長</th><th scope="col">證照（證書）</th><th scope="col">證號</th><th scope="col">發證日期</th><th scope="col">狀態</th></tr></thead>
  <tbody>
  {{#APPLICATION}}<tr data-application-id="{{ID}}" data-state="{{STATE_CODE}}"><td data-label="專長">{{SPECIALTY}}</td><td data-label="證照（證書）">{{CERTIFICATE}}{{#HAS_FILE}} <a href="{{FILE_URL}}">PDF</a>{{/HAS_FILE}}</td><td data-label="證號">{{NUMBER}}</td><td data-label="發證日期">{{DATE}}</td><td data-label="狀態">{{STATE}}{{#DECIDED}}（{{DECIDED_BY}}，{{DECIDED_AT}}）{{/DECIDED}}{{#HAS_REASON}}<br>退回理由：{{REASON}}{{/HAS_REASON}}</td></tr>{{/APPLICATION}}
  </tbody>
</table>
</div>
<h2 id="apply">申請登錄專長</h2>
{{#RECORDS_ONLY}}<p>您的帳號目前僅能查詢研習紀錄，無法申請專長登錄。</p>{{/RECORDS_ONLY}}
{{#MAY_APPLY}}
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#apply" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="specialty">專長</label>
    <select id="specialty" name="specialty" required{{#SPECIALTY_INVALID}} aria-describedby="specialty-error" aria-invalid="true"{{/SPECIALTY_INVALID}}><option value="">請選擇</option>{{#SPECIALTY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SPECIALTY_OPTION}}</select>{{>SPECIALTY_ERROR}}</div>
  <div class="field"><label for="certificate_name">證照（證書）名稱</label><input id="certificate_name" name="certificate_name" type="text" maxlength="100" required value="{{CERTIFICATE_NAME}}"{{#CERTIFICATE_NAME_INVALID}} aria-describedby="certificate_name-error" aria-invalid="true"{{/CERTIFICATE_NAME_INVALID}}>{{>CERTIFICATE_NAME_ERROR}}</div>
  <div class="field"><label for="certificate_no">證號</label><input id="certificate_no" name="certificate_no" type="text" maxlength="60" required value="{{CERTIFICATE_NO}}"{{#CERTIFICATE_NO_INVALID}} aria-describedby="certificate_no-error" aria-invalid="true"{{/CERTIFICATE_NO_INVALID}}>{{>CERTIFICATE_NO_ERROR}}</div>
  <div class="field"><label for="certificate_date">發證日期</label><input id="certificate_date" name="certificate_date" type="date" required value="{{CERTIFICATE_DATE}}"{{#CERTIFICATE_DATE_INVALID}} aria-describedby="certificate_date-error" aria-invalid="true"{{/CERTIFICATE_DATE_INVALID}}>{{>CERTIFICATE_DATE_ERROR}}</div>
  <div class="field"><label for="file">證書影本（選填，PDF，5 MB 以內）</label><input id="file" name="file" type="file" accept=".pdf"{{#FILE_INVALID}} aria-describedby="file-error" aria-invalid="true"{{/FILE_INVALID}}>{{>FILE_ERROR}}</div>
  <div class="actions"><button type="submit">送出申請</button></div>
</form>
{{/MAY_APPLY}}
