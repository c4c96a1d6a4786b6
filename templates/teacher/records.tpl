{{%AUTOESCAPE context="HTML"}}<p><a href="{{TEACHER_URL}}">回我的專屬首頁</a></p>
<h1>研習紀錄</h1>
<dl class="facts transcript-head">
  <dt>姓名</dt><dd>{{NAME}}</dd>
  <dt>服務單位</dt><dd>{{UNIT}}</dd>
  <dt>身分證統一編號</dt><dd>{{MASKED_ID}}</dd>
</dl>

{{#PROGRESS}}
<section aria-labelledby="progress-heading">
  <h2 id="progress-heading">{{ROC_YEAR}} 年度應修時數</h2>
  <ul class="progress-list">
  {{#GOAL}}<li data-goal="{{STATE}}">
    <span class="goal-name">{{NAME}}</span>
    <span class="goal-figures">{{DONE}} / {{REQUIRED}} 小時{{#MET}}，已達成{{/MET}}{{#SHORT}}，尚差 {{SHORT_BY}} 小時{{/SHORT}}</span>
    <progress max="{{REQUIRED}}" value="{{DONE}}" aria-hidden="true"></progress>
  </li>{{/GOAL}}
  </ul>
</section>
{{/PROGRESS}}

<form method="get" action="{{RECORDS_URL}}" class="filters records-filter" novalidate>
  {{>FORM_ERRORS}}
  <div class="field">
    <label for="year">年度</label>
    <select id="year" name="year"{{#YEAR_INVALID}} aria-describedby="year-error" aria-invalid="true"{{/YEAR_INVALID}}>
      <option value="">全部年度</option>
      {{#YEAR_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>民國 {{CODE}} 年</option>{{/YEAR_OPTION}}
    </select>
    {{>YEAR_ERROR}}
  </div>
  <div class="field">
    <label for="source">來源</label>
    <select id="source" name="source"{{#SOURCE_INVALID}} aria-describedby="source-error" aria-invalid="true"{{/SOURCE_INVALID}}>
      <option value="">全部來源</option>
      {{#SOURCE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SOURCE_OPTION}}
    </select>
    {{>SOURCE_ERROR}}
  </div>
  <div class="field">
    <label for="tag">屬性標籤</label>
    <select id="tag" name="tag"{{#TAG_INVALID}} aria-describedby="tag-error" aria-invalid="true"{{/TAG_INVALID}}>
      <option value="">全部標籤</option>
      {{#TAG_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TAG_OPTION}}
    </select>
    {{>TAG_ERROR}}
  </div>
  <div class="field">
    <label for="q">研習名稱關鍵字</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="50"{{#Q_INVALID}} aria-describedby="q-error" aria-invalid="true"{{/Q_INVALID}}>
    {{>Q_ERROR}}
  </div>
  <div class="actions"><button type="submit">篩選</button>{{#FILTERED}} <a href="{{RECORDS_URL}}">清除篩選</a>{{/FILTERED}} <a href="{{CSV_URL}}" class="csv-link">下載 CSV</a></div>
</form>
<p class="hint screen-only">列印本頁即為研習紀錄表（瀏覽器的「列印」；篩選後只印出篩選結果）。</p>

<section aria-labelledby="totals-heading">
  <h2 id="totals-heading">{{#FILTERED}}篩選結果{{/FILTERED}}合計</h2>
  {{#OVERALL}}<p class="totals" id="overall">共 <strong data-total="records">{{RECORDS}}</strong> 筆，<strong data-total="hours">{{HOURS}}</strong> 小時、<strong data-total="credits">{{CREDITS}}</strong> 學分，合計 <strong data-total="all-hours">{{ALL_HOURS}}</strong> 小時（1 學分以 18 小時計）</p>{{/OVERALL}}
</section>
{{#NO_RECORDS}}<p>尚無研習紀錄。</p>{{/NO_RECORDS}}
{{#NONE_MATCH}}<p>沒有符合篩選條件的研習紀錄。</p>{{/NONE_MATCH}}

{{#YEAR}}
<section class="record-year" aria-labelledby="year-{{ROC_YEAR}}" data-year="{{ROC_YEAR}}">
  <h2 id="year-{{ROC_YEAR}}">民國 {{ROC_YEAR}} 年</h2>
  <p class="meta year-totals">{{RECORDS}} 筆｜{{HOURS}} 小時｜{{CREDITS}} 學分｜合計 {{ALL_HOURS}} 小時</p>
  <div class="table-wrap">
  <table class="stack records-table">
    <caption class="visually-hidden">民國 {{ROC_YEAR}} 年研習紀錄</caption>
    <thead><tr><th scope="col">完成日期</th><th scope="col">研習名稱</th><th scope="col">課程代碼</th><th scope="col">來源</th><th scope="col">時數</th><th scope="col">研習證明</th></tr></thead>
    <tbody>
    {{! One line a record, labels from the stylesheet (.records-table): 400 records stay small. }}
    {{#RECORD}}<tr data-record="{{ID}}"><td>{{DATE}}</td><td><div class="record-title">{{TITLE}}{{#CORRECTED}}<p class="correction">已更正：原 {{OLD_HOURS}}。理由：{{REASON}}（{{BY}}）</p>{{/CORRECTED}}</div></td><td>{{#COURSE}}<a href="{{URL}}">{{CODE}}</a>{{/COURSE}}{{#NO_COURSE}}—{{/NO_COURSE}}</td><td>{{SOURCE}}</td><td class="hours">{{HOURS}}</td><td class="row-actions"><a href="{{CERTIFICATE_URL}}">PDF</a></td></tr>
{{/RECORD}}
    </tbody>
  </table>
  </div>
</section>
{{/YEAR}}
