{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>退回理由管理</h1>
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">退回理由</caption>
  <thead><tr><th scope="col">理由</th><th scope="col">用於</th><th scope="col">說明</th><th scope="col">狀態</th><th scope="col">操作</th></tr></thead>
  <tbody>
  {{#REASON}}<tr><td data-label="理由">{{LABEL}}</td><td data-label="用於">{{USED_FOR}}</td><td data-label="說明">{{NEEDS_TEXT}}</td><td data-label="狀態">{{STATUS}}</td><td data-label="操作">
    <form method="post" action="{{TOGGLE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">{{TOGGLE_LABEL}}</button></form>
  </td></tr>{{/REASON}}
  </tbody>
</table>
</div>
<h2>新增理由</h2>
{{#CREATE}}
{{>FORM_ERRORS}}
<form method="post" action="{{CREATE_URL}}#create" id="create" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="label">理由文字</label><input id="label" name="label" type="text" maxlength="100" required value="{{LABEL}}"{{#LABEL_INVALID}} aria-describedby="label-error" aria-invalid="true"{{/LABEL_INVALID}}>{{>LABEL_ERROR}}</div>
  <fieldset class="field" id="used_for"><legend>用於</legend>
    {{#USED_FOR_OPTION}}<label class="inline-choice"><input type="radio" name="used_for" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/USED_FOR_OPTION}}
    {{>USED_FOR_ERROR}}
  </fieldset>
  <div class="field checkbox"><input id="needs_text" name="needs_text" type="checkbox" value="1"{{#NEEDS_TEXT_CHECKED}} checked{{/NEEDS_TEXT_CHECKED}}><label for="needs_text">審課人員須另填說明</label></div>
  <div class="actions"><button type="submit">新增</button></div>
</form>
{{/CREATE}}
