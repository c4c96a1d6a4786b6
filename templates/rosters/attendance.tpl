{{%AUTOESCAPE context="HTML"}}<p><a href="{{ROSTER_URL}}">回等待核發時數名單</a></p>
<h1>逐場登錄出席</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}｜{{COURSE_UNITS}}</p>
{{>FORM_ERRORS}}
<p class="hint">勾選每位教師出席的場次；缺席的場次依第10條計算缺席時數。缺席屬請假者，勾選「請假」：核發出席時數；未勾選即為曠課，曠課超過課程時數三分之一不核發。</p>
{{#EMPTY}}<p class="empty">名單上還沒有教師，請先轉換線上報名資料或輸入。</p>{{/EMPTY}}
<form method="post" action="{{ACTION}}" id="grid-form">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="table-wrap">
  <table class="attendance-grid">
    <caption class="visually-hidden">逐場出席</caption>
    <thead><tr><th scope="col">姓名</th>{{#SESSION}}<th scope="col">{{DATE}}<br>{{TIME}}<br><span class="meta">{{HOURS}} 小時</span> <a href="{{ALL_URL}}">全選</a></th>{{/SESSION}}<th scope="col">缺席為請假</th><th scope="col">目前核發</th></tr></thead>
    <tbody>
    {{#LINE}}<tr data-line="{{ID}}">
      <th scope="row">{{NAME}}<span class="meta">{{UNIT}}</span></th>
      {{#CELL}}<td><input type="checkbox" name="p" value="{{VALUE}}" aria-label="{{LABEL}} 出席"{{#CHECKED}} checked{{/CHECKED}}></td>{{/CELL}}
      <td><input type="checkbox" name="excused" value="{{ID}}" aria-label="{{NAME}} 缺席為請假"{{#EXCUSED}} checked{{/EXCUSED}}></td>
      <td>{{UNITS}}</td>
    </tr>{{/LINE}}
    </tbody>
  </table>
  </div>
  <div class="actions"><button type="submit">儲存並計算核發時數</button></div>
</form>
