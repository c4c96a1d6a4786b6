{{%AUTOESCAPE context="HTML"}}<h1>研習資訊進階搜尋</h1>
{{#JUMP}}<p class="jump-to-results"><a href="#results">看搜尋結果（共 {{TOTAL}} 筆）</a></p>{{/JUMP}}
<form method="get" action="{{ACTION}}" class="search-form" role="search">
  <div class="field">
    <label for="q">關鍵字</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="200">
  </div>
  <div class="field">
    <label for="unit">開課單位</label>
    <input id="unit" name="unit" type="text" value="{{UNIT}}" maxlength="100">
  </div>
  <div class="field">
    <label for="county">縣市</label>
    <select id="county" name="county">
      <option value="0">不限</option>
      {{#COUNTY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/COUNTY}}
    </select>
  </div>
  <div class="field">
    <label for="category">課程類別</label>
    <select id="category" name="category">
      <option value="0">不限</option>
      {{#CATEGORY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY}}
    </select>
  </div>
  <div class="field">
    <label for="level">適用層級</label>
    <select id="level" name="level">
      <option value="">不限</option>
      {{#LEVEL}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEVEL}}
    </select>
  </div>
  <div class="field">
    <label for="tag">屬性標籤</label>
    <select id="tag" name="tag">
      <option value="0">不限</option>
      {{#TAG}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TAG}}
    </select>
  </div>
  <div class="field">
    <label for="from">研習日期（起）</label>
    <input id="from" name="from" type="date" value="{{FROM}}">
  </div>
  <div class="field">
    <label for="to">研習日期（迄）</label>
    <input id="to" name="to" type="date" value="{{TO}}">
  </div>
  <div class="field checkbox">
    <input id="open" name="open" type="checkbox" value="1"{{#OPEN_CHECKED}} checked{{/OPEN_CHECKED}}>
    <label for="open">只顯示目前開放報名</label>
  </div>
  <div class="actions"><button type="submit">搜尋</button></div>
</form>

{{#NOTE}}<p class="note" role="status">{{TEXT}}</p>{{/NOTE}}
<h2 id="results">搜尋結果：共 <span id="total">{{TOTAL}}</span> 筆</h2>
<p class="hint feeds">這個搜尋也可以：<a href="{{ATOM_URL}}">訂閱（Atom）</a>｜<a href="{{ICS_URL}}">加入行事曆（.ics）</a>｜<a href="{{API_URL}}">JSON</a></p>
{{#SUBSCRIBE}}<form method="post" action="{{ACTION}}" class="subscribe-search">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">{{#FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/FIELD}}
  <button type="submit" class="secondary">訂閱此搜尋</button> <span class="hint">每天以電子郵件通知新核准的相符研習</span>
</form>{{/SUBSCRIBE}}
{{#NO_RESULTS}}<p class="empty">找不到符合條件的研習，請試試較少的條件或其他關鍵字。</p>{{/NO_RESULTS}}
<ul class="courses results">
{{#COURSE}}
  <li>
    <a href="{{URL}}">{{TITLE}}</a>
    <span class="meta">{{UNIT}}（{{COUNTY}}）｜{{FIRST_DATE}}–{{LAST_DATE}}｜{{HOURS}}｜代碼 {{CODE}}</span>
    <span class="course-status" data-public-status="{{STATUS_CODE}}">{{STATUS}}</span>{{#SEATS}}<span class="badge">剩 {{SEATS_LEFT}} 名</span>{{/SEATS}}
  </li>
{{/COURSE}}
</ul>
{{#PAGER}}
<nav class="pager" aria-label="分頁">
  {{#PREV}}<a href="{{URL}}" rel="prev">上一頁</a>{{/PREV}}
  <span>第 {{PAGE}} / {{PAGES}} 頁</span>
  {{#NEXT}}<a href="{{URL}}" rel="next">下一頁</a>{{/NEXT}}
</nav>
{{/PAGER}}
