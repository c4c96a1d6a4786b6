{{%AUTOESCAPE context="HTML"}}<p><a href="{{COURSE_URL}}">回課程頁面</a></p>
<h1>報名資格審核</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}｜線上報名名額 {{ONLINE_SEATS}}，已占用 {{SEATS_TAKEN}}（待審核與審核通過）</p>
<dl class="counts">
  <dt>報名總人數</dt><dd id="count-total">{{TOTAL}}</dd>
  <dt>已通過</dt><dd id="count-approved">{{APPROVED}}</dd>
  <dt>不通過</dt><dd id="count-refused">{{REFUSED}}</dd>
  <dt>未審核</dt><dd id="count-pending">{{PENDING}}</dd>
  <dt>候補</dt><dd id="count-waiting">{{WAITING}}</dd>
  {{#HAS_IN_DRAW}}<dt>待抽籤</dt><dd id="count-in-draw">{{IN_DRAW}}</dd>{{/HAS_IN_DRAW}}
  <dt>已取消</dt><dd id="count-cancelled">{{CANCELLED}}</dd>
</dl>
{{#HAS_NOTICE}}<p class="note" role="status">{{NOTICE}}</p>{{/HAS_NOTICE}}
<form method="get" class="filters" role="search" aria-label="篩選報名者">
  <div class="field"><label for="filter-status">狀態</label>
    <select id="filter-status" name="status">{{#STATUS_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></div>
  <div class="field"><label for="filter-q">姓名或服務單位</label>
    <input id="filter-q" name="q" type="search" maxlength="50" value="{{FILTER_Q}}"></div>
  <div class="field"><label for="filter-order">排序</label>
    <select id="filter-order" name="order">{{#ORDER_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ORDER_OPTION}}</select></div>
  <div class="actions"><button type="submit">篩選</button></div>
</form>
{{#NO_APPLICANTS}}<p>目前沒有人報名。</p>{{/NO_APPLICANTS}}
{{#NO_MATCH}}<p>沒有符合篩選條件的報名者。</p>{{/NO_MATCH}}
<form method="post" action="{{ACTION}}#decide" id="decide" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FORM_ERRORS}}
  <div class="table-wrap">
  <table class="applicants stack" id="enrolment"{{#ENROLMENT_INVALID}} aria-describedby="enrolment-error"{{/ENROLMENT_INVALID}}>
    <caption class="visually-hidden">報名者</caption>
    <thead><tr><th scope="col">選取</th><th scope="col">姓名／服務單位</th><th scope="col">職位類別／職稱</th><th scope="col">聯絡方式</th><th scope="col">報名時間</th><th scope="col">燈號</th><th scope="col">狀態</th></tr></thead>
    <tbody>
    {{#APPLICANT}}<tr data-enrolment="{{ID}}" data-status="{{STATUS_CODE}}">
      <td data-label="選取">{{#PICK}}<input type="checkbox" name="enrolment" value="{{ID}}" id="pick-{{ID}}" aria-label="選取 {{NAME}}"{{#CHECKED}} checked{{/CHECKED}}>{{/PICK}}</td>
      <td data-label="姓名"><div><strong>{{NAME}}</strong><span class="meta">{{UNIT}}</span></div></td>
      <td data-label="職位">{{POSITION}}</td>
      <td data-label="聯絡">{{CONTACT}}{{#ANSWER}}<br><span class="meta">{{LABEL}}：{{VALUE}}</span>{{/ANSWER}}</td>
      <td data-label="報名時間">{{APPLIED_AT}}</td>
      <td data-label="燈號"><span data-light="{{LIGHT_CODE}}">{{LIGHT}}</span>{{#MISSED}}<br><span class="meta">{{MISSED_COURSE}}</span>{{/MISSED}}</td>
      <td data-label="狀態">{{STATUS}}{{#REFUSED}}<br><span class="meta">理由：{{REFUSAL}}</span>{{/REFUSED}}</td>
    </tr>{{/APPLICANT}}
    </tbody>
  </table>
  </div>
  {{>ENROLMENT_ERROR}}
  <fieldset class="field" id="decision"{{#DECISION_INVALID}} aria-describedby="decision-error"{{/DECISION_INVALID}}>
    <legend>勾選的報名者</legend>
    {{#DECISION_OPTION}}<label class="inline-choice"><input type="radio" name="decision" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/DECISION_OPTION}}
    {{>DECISION_ERROR}}
  </fieldset>
  <div class="field">
    <label for="reason">不通過理由（會寄給教師）</label>
    <input id="reason" name="reason" type="text" maxlength="300" value="{{REASON}}"{{#REASON_INVALID}} aria-describedby="reason-error" aria-invalid="true"{{/REASON_INVALID}}>
    {{>REASON_ERROR}}
  </div>
  <div class="actions"><button type="submit">送出審核</button></div>
</form>
