{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>專長項目管理</h1>
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">專長項目</caption>
  <thead><tr><th scope="col">專長</th><th scope="col">狀態</th><th scope="col">操作</th></tr></thead>
  <tbody>
  {{#SPECIALTY}}<tr><td data-label="專長">{{NAME}}</td><td data-label="狀態">{{STATUS}}</td><td data-label="操作"><form method="post" action="{{TOGGLE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">{{TOGGLE_LABEL}}</button></form></td></tr>{{/SPECIALTY}}
  </tbody>
</table>
</div>
<h2 id="new">新增專長</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#new" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="name">專長名稱</label><input id="name" name="name" type="text" maxlength="60" required value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>{{>NAME_ERROR}}</div>
  <div class="actions"><button type="submit">新增</button></div>
</form>
