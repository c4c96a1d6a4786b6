{{%AUTOESCAPE context="HTML"}}<div class="table-wrap">
<table class="history stack">
  <caption class="visually-hidden">處理歷程</caption>
  <thead><tr><th scope="col">時間</th><th scope="col">由</th><th scope="col">變為</th><th scope="col">處理人</th><th scope="col">理由</th></tr></thead>
  <tbody>{{#LINE}}<tr><td data-label="時間">{{AT}}</td><td data-label="由">{{FROM}}</td><td data-label="變為">{{TO}}</td><td data-label="處理人">{{ACTOR}}</td><td data-label="理由">{{REASONS}}</td></tr>{{/LINE}}</tbody>
</table>
</div>
