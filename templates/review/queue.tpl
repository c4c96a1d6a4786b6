{{%AUTOESCAPE context="HTML"}}<h1>待審課程</h1>
<p class="meta">{{UNIT}}｜課程未確認 {{COUNT}} 門（最早登錄的在前）</p>
{{>FORM_ERRORS}}
{{#EMPTY}}<p>目前沒有待審的課程。</p>{{/EMPTY}}
<form method="post" action="{{APPROVE_MANY_URL}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="table-wrap">
  <table class="queue stack">
    <caption class="visually-hidden">待審課程</caption>
    <thead><tr><th scope="col">選取</th><th scope="col">代碼</th><th scope="col">研習名稱／開課單位</th><th scope="col">日期</th><th scope="col">時數</th><th scope="col">登錄時間</th><th scope="col">提醒</th></tr></thead>
    <tbody>
    {{#COURSE}}
    <tr data-code="{{CODE}}">
      <td data-label="選取"><input type="checkbox" name="code" value="{{CODE}}" id="pick-{{CODE}}" aria-label="選取 {{CODE}}"></td>
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
  <div class="actions"><button type="submit">勾選的課程確認通過</button></div>
</form>
