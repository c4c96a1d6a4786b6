{{%AUTOESCAPE context="HTML"}}<h1>待審課程與名單</h1>
<p class="meta">{{UNIT}}｜課程未確認 {{COUNT}} 門、資料上傳結束 {{#ROSTERS}}{{COUNT}}{{/ROSTERS}} 份（最早的在前）</p>
{{>FORM_ERRORS}}
<h2 id="courses">待審課程</h2>
{{#EMPTY}}<p>目前沒有待審的課程。</p>{{/EMPTY}}
<form method="post" action="{{APPROVE_MANY_URL}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint"><a href="{{CHECK_ALL_URL}}">全選本頁</a>｜<a href="{{UNCHECK_URL}}">全部取消勾選</a></p>
  <div class="table-wrap">
  <table class="queue stack">
    <caption class="visually-hidden">待審課程</caption>
    <thead><tr><th scope="col">選取</th><th scope="col">代碼</th><th scope="col">研習名稱／開課單位</th><th scope="col">日期</th><th scope="col">時數</th><th scope="col">登錄時間</th><th scope="col">提醒</th></tr></thead>
    <tbody>
    {{#COURSE}}
    <tr data-code="{{CODE}}">
      <td data-label="選取"><input type="checkbox" name="code" value="{{CODE}}" id="pick-{{CODE}}" aria-label="選取 {{CODE}}"{{#CHECKED}} checked{{/CHECKED}}></td>
      <td data-label="代碼">{{CODE}}</td>
      <td data-label="研習名稱"><div><a href="{{URL}}">{{TITLE}}</a><span class="meta">{{UNIT}}</span></div></td>
      <td data-label="日期">{{DATES}}</td>
      <td data-label="時數">{{HOURS}}</td>
      <td data-label="登錄時間">{{REGISTERED_AT}}</td>
      <td data-label="提醒"><div>{{#FLAG}}<span class="flag">{{TEXT}}</span> {{/FLAG}}{{#NO_FLAGS}}—{{/NO_FLAGS}}</div></td>
    </tr>
    {{/COURSE}}
    </tbody>
  </table>
  </div>
  {{#PAGER}}<p class="pager">第 {{PAGE}} / {{PAGES}} 頁 {{#PREV}}<a href="{{PREV_URL}}">上一頁</a>{{/PREV}} {{#NEXT}}<a href="{{NEXT_URL}}">下一頁</a>{{/NEXT}}</p>{{/PAGER}}
  <div class="actions"><button type="submit">勾選的課程確認通過</button></div>
</form>

{{#ROSTERS}}
<h2 id="rosters">待審名單（資料上傳結束）</h2>
{{#NO_ROSTERS}}<p id="no-rosters">目前沒有待審的名單。</p>{{/NO_ROSTERS}}
<form method="post" action="{{APPROVE_URL}}" id="rosters-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p class="hint"><a href="{{CHECK_ALL_URL}}">全選本頁</a>｜<a href="{{UNCHECK_URL}}">全部取消勾選</a>。確認通過前請開啟名單核對提醒。</p>
  <div class="table-wrap">
  <table class="queue stack">
    <caption class="visually-hidden">待審名單</caption>
    <thead><tr><th scope="col">選取</th><th scope="col">代碼</th><th scope="col">研習名稱／開課單位</th><th scope="col">日期</th><th scope="col">名單</th><th scope="col">送出時間</th></tr></thead>
    <tbody>
    {{#ROSTER}}
    <tr data-roster="{{CODE}}">
      <td data-label="選取"><input type="checkbox" name="code" value="{{CODE}}" id="pick-roster-{{CODE}}" aria-label="選取名單 {{CODE}}"{{#CHECKED}} checked{{/CHECKED}}></td>
      <td data-label="代碼">{{CODE}}</td>
      <td data-label="研習名稱"><div><a href="{{URL}}">{{TITLE}}</a><span class="meta">{{UNIT}}</span></div></td>
      <td data-label="日期">{{DATES}}</td>
      <td data-label="名單">{{LINES}} 人／{{UNITS}}</td>
      <td data-label="送出時間">{{SUBMITTED_AT}}</td>
    </tr>
    {{/ROSTER}}
    </tbody>
  </table>
  </div>
  {{#PAGER}}<p class="pager">第 {{PAGE}} / {{PAGES}} 頁 {{#PREV}}<a href="{{PREV_URL}}">上一頁</a>{{/PREV}} {{#NEXT}}<a href="{{NEXT_URL}}">下一頁</a>{{/NEXT}}</p>{{/PAGER}}
  <div class="actions"><button type="submit">勾選的名單確認通過</button></div>
</form>
{{/ROSTERS}}
