{{%AUTOESCAPE context="HTML"}}<h1>研習資料管理</h1>
<p><a class="button" href="{{NEW_URL}}">研習課程登錄（新增課程）</a></p>
<form method="get" action="{{ACTION}}" class="filters">
  <div class="field">
    <label for="state">處理狀態</label>
    <select id="state" name="state">
      <option value="">全部</option>
      {{#STATE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPTION}}
    </select>
  </div>
  <div class="field checkbox">
    <input id="unfinished" name="unfinished" type="checkbox" value="1"{{#UNFINISHED_CHECKED}} checked{{/UNFINISHED_CHECKED}}>
    <label for="unfinished">只看尚未結案</label>
  </div>
  <div class="field">
    <label for="year">年度（民國）</label>
    <input id="year" name="year" type="text" inputmode="numeric" maxlength="3" value="{{YEAR_FILTER}}">
  </div>
  <div class="field">
    <label for="title-filter">研習名稱</label>
    <input id="title-filter" name="title" type="text" value="{{TITLE_FILTER}}" maxlength="200">
  </div>
  <div class="actions"><button type="submit">篩選</button></div>
</form>
<h2>本單位研習課程（{{COUNT}} 筆）</h2>
{{#NO_COURSES}}<p>沒有符合條件的課程。</p>{{/NO_COURSES}}
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">本單位研習課程</caption>
  <thead><tr><th scope="col">代碼</th><th scope="col">研習名稱</th><th scope="col">日期</th><th scope="col">處理狀態</th><th scope="col">承辦人</th><th scope="col">功能選擇</th></tr></thead>
  <tbody>
  {{#COURSE}}<tr><td data-label="代碼">{{CODE}}</td><td data-label="研習名稱"><a href="{{URL}}">{{TITLE}}</a></td><td data-label="日期">{{DATES}}</td><td data-label="處理狀態">{{STATE}}</td><td data-label="承辦人">{{ORGANIZER}}</td><td data-label="功能選擇" class="row-actions"><div><a href="{{URL}}">檢視</a>{{#ACTION}} ｜ <a href="{{URL}}">{{LABEL}}</a>{{/ACTION}}</div></td></tr>{{/COURSE}}
  </tbody>
</table>
</div>
