{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>問答集管理</h1>
<p><a class="button" href="{{NEW_URL}}">新增問答</a></p>
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">問答</caption>
  <thead><tr><th scope="col">分類</th><th scope="col">排序</th><th scope="col">問題</th></tr></thead>
  <tbody>
  {{#ENTRY}}<tr data-faq-id="{{ID}}"><td data-label="分類">{{CATEGORY}}</td><td data-label="排序">{{POSITION}}</td><td data-label="問題"><a href="{{EDIT_URL}}">{{QUESTION}}</a></td></tr>{{/ENTRY}}
  </tbody>
</table>
</div>
