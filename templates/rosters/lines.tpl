{{%AUTOESCAPE context="HTML"}}{{#EMPTY}}<p class="empty" id="roster-empty">名單上還沒有教師。</p>{{/EMPTY}}
<div class="table-wrap">
<table class="roster stack" id="roster-lines">
  <caption class="visually-hidden">等待核發時數名單</caption>
  <thead><tr><th scope="col">#</th><th scope="col">姓名</th><th scope="col">服務學校／職稱</th><th scope="col">身分證字號</th><th scope="col">出席情形</th><th scope="col">核發</th><th scope="col">來源</th>{{#EDITABLE_HEAD}}<th scope="col">操作</th>{{/EDITABLE_HEAD}}</tr></thead>
  <tbody>
  {{#LINE}}<tr data-line="{{ID}}" data-attendance="{{ATTENDANCE_CODE}}" data-units="{{UNITS_VALUE}}">
    <td data-label="#">{{INDEX}}</td>
    <td data-label="姓名">{{NAME}}</td>
    <td data-label="服務學校">{{UNIT}}{{#TITLE_NAME}}<span class="meta">{{TITLE_NAME}}</span>{{/TITLE_NAME}}</td>
    <td data-label="身分證">{{NATIONAL_ID}}</td>
    <td data-label="出席">{{ATTENDANCE}}{{#HAS_ABSENT}}（缺 {{ABSENT}} 小時）{{/HAS_ABSENT}}{{#PER_SESSION}}<span class="meta">依逐場出席</span>{{/PER_SESSION}}</td>
    <td data-label="核發"><div><strong>{{UNITS}}</strong>{{#TYPED}}<span class="meta typed-reason">自行填寫：{{TYPED_REASON}}</span>{{/TYPED}}{{#WARNING}}<span class="flag">{{TEXT}}</span> {{/WARNING}}</div></td>
    <td data-label="來源">{{SOURCE}}</td>
    {{#EDITABLE}}<td data-label="操作"><a href="{{EDIT_URL}}">修改</a></td>{{/EDITABLE}}
  </tr>{{/LINE}}
  </tbody>
</table>
</div>
