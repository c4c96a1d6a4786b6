{{%AUTOESCAPE context="HTML"}}<h1>本單位教師帳號管理</h1>
<p class="meta">{{UNIT}}</p>
{{#CAN_REGISTER}}<p><a href="{{NEW_URL}}" class="button">教師資料登錄</a> <span class="hint">新進或轉入本校的教師，以身分證字號登錄。</span></p>{{/CAN_REGISTER}}
{{#FED}}
<section class="notice" aria-labelledby="feed-heading" id="kindergarten-feed">
<h2 id="feed-heading">資料來源：全國教保資訊網</h2>
<p id="fed-message">{{FED_MESSAGE}}</p>
{{#NO_RUN}}<p class="empty">全國教保資訊網的資料還沒有匯入過。</p>{{/NO_RUN}}
{{#RUN}}
<p>最近一次匯入：{{AT}}（檔案 {{FILE}}）{{#REJECTED}}：<strong>檔案格式不符，整份未套用</strong>（{{ERROR}}）{{/REJECTED}}</p>
{{#NO_LINES}}<p class="empty" id="feed-no-lines">這次匯入本園沒有異動。</p>{{/NO_LINES}}
{{#HAS_LINES}}<ul class="feed-lines">
{{#LINE}}<li data-feed-line="{{LINE_NO}}" data-outcome="{{OUTCOME}}">第 {{LINE_NO}} 行 {{NAME}}（{{MASKED_ID}}）：{{WHAT}}</li>{{/LINE}}
</ul>{{/HAS_LINES}}
{{/RUN}}
</section>
{{/FED}}

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

<h2 id="teachers">本校教師：共 <span id="total">{{TOTAL}}</span> 位{{#FILTERED}}（姓名含「{{Q}}」，<a href="{{CLEAR_FILTER_URL}}">看全部</a>）{{/FILTERED}}</h2>
{{#NO_TEACHERS}}<p class="empty">{{EMPTY}}</p>{{/NO_TEACHERS}}
{{#HAS_TEACHERS}}
<p class="hint">第 {{FROM}}–{{TO}} 位。離職、轉校等異動的教師仍列在本校，直到新學校登錄。</p>
<div class="table-wrap">
<table class="staff-list stack">
  <caption class="visually-hidden">本校教師</caption>
  <thead><tr><th scope="col">姓名</th><th scope="col">身分證字號</th><th scope="col">職位類別</th><th scope="col">職稱</th><th scope="col">任教科目</th><th scope="col">在職狀態</th></tr></thead>
  <tbody>
  {{#TEACHER}}<tr data-teacher="{{ID}}" data-employment="{{EMPLOYMENT_CODE}}">
    <td data-label="姓名"><a href="{{URL}}">{{NAME}}</a></td>
    <td data-label="身分證字號">{{MASKED_ID}}</td>
    <td data-label="職位類別">{{POSITION}}</td>
    <td data-label="職稱">{{TITLE_NAME}}</td>
    <td data-label="任教科目">{{SUBJECT}}</td>
    <td data-label="在職狀態">{{EMPLOYMENT}}</td>
  </tr>{{/TEACHER}}
  </tbody>
</table>
</div>
{{/HAS_TEACHERS}}
{{#PAGER}}
<nav class="pager" aria-label="分頁">
  {{#PREV}}<a href="{{URL}}" rel="prev">上一頁</a>{{/PREV}}
  <span>第 {{PAGE}} / {{PAGES}} 頁</span>
  {{#NEXT}}<a href="{{URL}}" rel="next">下一頁</a>{{/NEXT}}
</nav>
{{/PAGER}}
