{{%AUTOESCAPE context="HTML"}}<p><a href="{{COURSE_URL}}">回課程頁面</a>｜<a href="{{ENROLMENTS_URL}}">報名資格審核</a></p>
<h1>校內批次報名</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}</p>
{{#RESULT}}
<div class="note batch-result" role="alert" id="batch-result">
  <p>{{SUMMARY}}</p>
  <p><strong>名額已滿，以下 {{NOT_ADDED_COUNT}} 位沒有報名（依勾選順序）：</strong></p>
  <ol class="not-added">{{#NOT_ADDED}}<li data-teacher="{{ID}}">{{NAME}}（{{MASKED_ID}}）</li>{{/NOT_ADDED}}</ol>
  <p>他們仍列在下方；有名額釋出（例如有人取消報名或審核不通過）後，可以再勾選送出。</p>
</div>
{{/RESULT}}
{{>FORM_ERRORS}}
<dl class="counts seat-counts">
  <div><dt>線上報名名額</dt><dd id="seats-online">{{ONLINE_SEATS}}</dd></div>
  <div><dt>已占用（待審核與審核通過）</dt><dd id="seats-taken">{{SEATS_TAKEN}}</dd></div>
  <div><dt>尚餘名額</dt><dd id="seats-left">{{SEATS_LEFT}}</dd></div>
</dl>
<p class="hint">勾選{{UNIT}}的在職教師送出，即為「審核通過」並各占一個線上報名名額；「待審核」的報名者改為審核通過，不另占名額。已審核通過的教師不列出。</p>

<form method="get" action="{{LIST_URL}}" class="filters" role="search">
  <div class="field">
    <label for="q">教師姓名（含這幾個字）</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="50">
  </div>
  <div class="field">
    <label for="size">每頁筆數</label>
    <select id="size" name="size">
      {{#SIZE_OPTION}}<option value="{{SIZE}}"{{#SELECTED}} selected{{/SELECTED}}>{{SIZE}}</option>{{/SIZE_OPTION}}
    </select>
  </div>
  <div class="actions"><button type="submit" class="secondary">篩選</button></div>
</form>

<h2 id="teachers">尚未審核通過的本校在職教師：共 <span id="total">{{TOTAL}}</span> 位{{#FILTERED}}（姓名含「{{Q}}」，<a href="{{CLEAR_FILTER_URL}}">看全部</a>）{{/FILTERED}}</h2>
{{#NO_TEACHERS}}<p class="empty">{{EMPTY}}</p>{{/NO_TEACHERS}}
{{#HAS_TEACHERS}}
<form method="post" action="{{ACTION}}" id="batch" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="q" value="{{Q}}">
  <input type="hidden" name="size" value="{{SIZE}}">
  <input type="hidden" name="page" value="{{PAGE}}">
  <p class="hint">第 {{FROM}}–{{TO}} 位。勾選只對這一頁有效，換頁前請先送出。<a href="{{CHECK_ALL_URL}}#teachers">勾選本頁全部</a>｜<a href="{{UNCHECK_URL}}#teachers">全部取消勾選</a></p>
  <div class="table-wrap">
  <table class="teachers stack" id="teacher"{{#TEACHER_INVALID}} aria-describedby="teacher-error"{{/TEACHER_INVALID}}>
    <caption class="visually-hidden">尚未審核通過的本校在職教師</caption>
    <thead><tr><th scope="col">選取</th><th scope="col">姓名</th><th scope="col">身分證字號</th><th scope="col">職稱</th><th scope="col">這門研習的報名</th></tr></thead>
    <tbody>
    {{#TEACHER}}<tr data-teacher="{{ID}}" data-status="{{STATUS_CODE}}">
      <td data-label="選取"><input type="checkbox" name="teacher" value="{{ID}}" id="pick-{{ID}}"{{#CHECKED}} checked{{/CHECKED}}></td>
      <td data-label="姓名"><label for="pick-{{ID}}">{{NAME}}</label></td>
      <td data-label="身分證">{{MASKED_ID}}</td>
      <td data-label="職稱">{{TITLE_NAME}}</td>
      <td data-label="報名">{{#PENDING}}<span class="status status-pending">已報名，待審核</span>{{/PENDING}}{{#OTHER}}{{STATUS}}{{/OTHER}}</td>
    </tr>{{/TEACHER}}
    </tbody>
  </table>
  </div>
  {{>TEACHER_ERROR}}
  <p class="hint" id="batch-rule">尚餘 {{SEATS_LEFT}} 個名額。勾選的人數多於名額時，依列表順序報名到名額用完為止，沒有報名的教師會在頁面上方列出。{{#FULL}}<strong>名額已滿：目前只有「待審核」的報名者還能改為審核通過。</strong>{{/FULL}}</p>
  <div class="actions"><button type="submit" aria-describedby="batch-rule">報名勾選的教師（審核通過）</button></div>
</form>
{{/HAS_TEACHERS}}
{{#PAGER}}
<nav class="pager" aria-label="分頁">
  {{#PREV}}<a href="{{URL}}" rel="prev">上一頁</a>{{/PREV}}
  <span>第 {{PAGE}} / {{PAGES}} 頁</span>
  {{#NEXT}}<a href="{{URL}}" rel="next">下一頁</a>{{/NEXT}}
</nav>
{{/PAGER}}
