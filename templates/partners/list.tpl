{{%AUTOESCAPE context="HTML"}}<h1>合作網站管理</h1>
<p>申請表網址：<a href="{{APPLY_URL}}">{{APPLY_URL}}</a></p>
<div class="table-wrap">
<table>
  <caption class="visually-hidden">合作網站</caption>
  <thead><tr><th scope="col">網站</th><th scope="col">營運單位</th><th scope="col">client_id</th><th scope="col">狀態</th><th scope="col">核准效期至</th><th scope="col">申請日</th></tr></thead>
  <tbody>
  {{#PARTNER}}<tr><td><a href="{{URL}}">{{SITE_NAME}}</a></td><td>{{OPERATOR}}</td><td>{{CLIENT_ID}}</td><td>{{STATUS}}</td><td>{{EXPIRES}}</td><td>{{APPLIED}}</td></tr>{{/PARTNER}}
  </tbody>
</table>
</div>
