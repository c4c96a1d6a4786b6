{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>單位管理</h1>
<p><a href="{{NEW_URL}}" class="button">新增單位</a> <span class="hint">審課單位與其審核範圍另見<a href="{{ORGANISATION_URL}}">組織架構</a>。</span></p>
<form method="get" action="{{LIST_URL}}" class="filters" role="search">
  <div class="field">
    <label for="q">單位代碼或名稱</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="100">
  </div>
  <div class="actions"><button type="submit" class="secondary">查詢</button></div>
</form>
<h2 id="units">單位：共 <span id="total">{{TOTAL}}</span> 個{{#FILTERED}}（代碼或名稱符合「{{Q}}」，<a href="{{CLEAR_URL}}">看全部</a>）{{/FILTERED}}</h2>
{{#NO_UNITS}}<p class="empty">{{EMPTY}}</p>{{/NO_UNITS}}
{{#HAS_UNITS}}
<p class="hint">第 {{FROM}}–{{TO}} 個。「審課單位」為目前設定下新登錄課程的送審單位。</p>
<div class="table-wrap">
<table class="units stack">
  <caption class="visually-hidden">單位</caption>
  <thead><tr><th scope="col">代碼</th><th scope="col">名稱</th><th scope="col">縣市</th><th scope="col">層級</th><th scope="col">審課單位</th></tr></thead>
  <tbody>
  {{#UNIT}}<tr data-unit="{{CODE}}">
    <td data-label="代碼">{{CODE}}</td>
    <td data-label="名稱"><a href="{{URL}}">{{NAME}}</a>{{#IS_REVIEWER}} <span class="badge">審課單位</span>{{/IS_REVIEWER}}</td>
    <td data-label="縣市">{{COUNTY}}</td>
    <td data-label="層級">{{LEVEL}}</td>
    <td data-label="審課單位"><span class="reviewer">{{REVIEWER}}</span> <span class="hint">（{{ROUTE_REASON}}）</span></td>
  </tr>{{/UNIT}}
  </tbody>
</table>
</div>
{{/HAS_UNITS}}
{{#PAGER}}<nav class="pager" aria-label="分頁">{{#PREV}}<a href="{{URL}}" rel="prev">上一頁</a>{{/PREV}} 第 {{PAGE}} / {{PAGES}} 頁 {{#NEXT}}<a href="{{URL}}" rel="next">下一頁</a>{{/NEXT}}</nav>{{/PAGER}}
