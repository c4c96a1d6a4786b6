{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>公佈欄管理</h1>
<p><a class="button" href="{{NEW_URL}}">新增公告</a></p>
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">公告</caption>
  <thead><tr><th scope="col">標題</th><th scope="col">對象</th><th scope="col">公告時間</th><th scope="col">下架時間</th><th scope="col">狀態</th></tr></thead>
  <tbody>
  {{#POST}}<tr data-post-id="{{ID}}"><td data-label="標題"><a href="{{EDIT_URL}}">{{TITLE}}</a>{{#PINNED}} <span class="badge">置頂</span>{{/PINNED}}</td><td data-label="對象">{{AUDIENCE}}</td><td data-label="公告時間">{{PUBLISH_AT}}</td><td data-label="下架時間">{{EXPIRES_AT}}</td><td data-label="狀態">{{STATE}}</td></tr>{{/POST}}
  </tbody>
</table>
</div>
