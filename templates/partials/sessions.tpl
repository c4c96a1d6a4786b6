{{%AUTOESCAPE context="HTML"}}<div class="table-wrap">
<table class="session-list stack">
  <caption class="visually-hidden">研習場次</caption>
  <thead><tr><th scope="col">日期</th><th scope="col">時間</th><th scope="col">休息（不計時數）</th><th scope="col">地點</th></tr></thead>
  <tbody>{{#SESSION}}<tr><td data-label="日期">{{DATE}}</td><td data-label="時間">{{TIME}}</td><td data-label="休息">{{BREAKS}}</td><td data-label="地點">{{PLACE}}</td></tr>{{/SESSION}}</tbody>
</table>
</div>
