{{%AUTOESCAPE context="HTML"}}<h1>專長審核與瀏覽</h1>
<h2>待審核的專長申請</h2>
{{#NO_PENDING}}<p>目前沒有待審核的申請。</p>{{/NO_PENDING}}
{{#PENDING}}
<section class="card" data-application-id="{{ID}}">
  <h3>{{TEACHER}}：{{SPECIALTY}}</h3>
  <p>{{CERTIFICATE}}｜證號 {{NUMBER}}｜發證日期 {{DATE}}｜申請 {{APPLIED}}{{#HAS_FILE}}｜<a href="{{FILE_URL}}">證書 PDF</a>{{/HAS_FILE}}</p>
  <form method="post" action="{{APPROVE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">審核通過</button></form>
  {{>FORM_ERRORS}}
  <form method="post" action="{{RETURN_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="reason-{{ID}}">退回理由</label><input id="reason-{{ID}}" name="reason" type="text" maxlength="300" value="{{REASON}}"{{#REASON_INVALID}} aria-describedby="reason-error" aria-invalid="true"{{/REASON_INVALID}}>{{>REASON_ERROR}}</div>
    <div class="actions"><button type="submit" class="secondary">退回</button></div>
  </form>
</section>
{{/PENDING}}
<h2 id="browse">專長瀏覽</h2>
<form method="get" action="{{LIST_URL}}#browse" class="inline-filter">
  <label for="filter-specialty">專長</label>
  <select id="filter-specialty" name="specialty"><option value="">全部</option>{{#SPECIALTY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SPECIALTY_OPTION}}</select>
  <label for="filter-state">狀態</label>
  <select id="filter-state" name="state"><option value="">審核通過</option>{{#STATE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPTION}}</select>
  <button type="submit" class="secondary">篩選</button>
</form>
{{#NONE_LISTED}}<p>沒有符合的教師專長。</p>{{/NONE_LISTED}}
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">本校教師專長</caption>
  <thead><tr><th scope="col">專長</th><th scope="col">教師</th><th scope="col">證照（證書）</th><th scope="col">證號</th><th scope="col">狀態</th></tr></thead>
  <tbody>
  {{#LISTED}}<tr data-application-id="{{ID}}" data-state="{{STATE_CODE}}"><td data-label="專長">{{SPECIALTY}}</td><td data-label="教師">{{TEACHER}}</td><td data-label="證照（證書）">{{CERTIFICATE}}{{#HAS_FILE}} <a href="{{FILE_URL}}">PDF</a>{{/HAS_FILE}}</td><td data-label="證號">{{NUMBER}}</td><td data-label="狀態">{{STATE}}{{#HAS_REASON}}：{{REASON}}{{/HAS_REASON}}</td></tr>{{/LISTED}}
  </tbody>
</table>
</div>
