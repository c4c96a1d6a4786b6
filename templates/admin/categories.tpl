{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>課程類別管理</h1>
<p class="hint">課程登錄「課程性質」與研習搜尋所用的課程類別。新增、改名或停用後，課程登錄與研習搜尋的表單立即反映。類別不會刪除：停用的類別不再供新課程選擇，已登錄的課程保留原類別。</p>
{{#REFUSED}}<p class="form-error" role="alert" id="form-errors"><a href="#category-row-{{REFUSED_ID}}">「{{REFUSED_CATEGORY}}」</a>的名稱沒有變更：請見該列欄位旁的說明，您輸入的內容都已保留。</p>{{/REFUSED}}
<div class="table-wrap">
<table class="categories stack">
  <caption class="visually-hidden">課程類別</caption>
  <thead><tr><th scope="col">課程類別</th><th scope="col">名稱</th><th scope="col">課程數</th><th scope="col">狀態</th></tr></thead>
  <tbody>
  {{#CATEGORY}}<tr id="category-row-{{ID}}" data-category="{{ID}}">
    <th scope="row">{{LABEL}}</th>
    <td data-label="名稱"><form method="post" action="{{RENAME_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><label for="name-{{ID}}" class="visually-hidden">{{LABEL}} 的新名稱</label><input id="name-{{ID}}" name="name" type="text" maxlength="40" size="14" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}> <button type="submit" class="secondary">改名</button>{{>NAME_ERROR}}</form></td>
    <td data-label="課程數">{{COURSES}}</td>
    <td data-label="狀態"><span class="status">{{STATUS}}</span>
      <form method="post" action="{{TOGGLE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">{{TOGGLE_LABEL}}<span class="visually-hidden"> {{LABEL}}</span></button></form>
    </td>
  </tr>{{/CATEGORY}}
  </tbody>
</table>
</div>
<h2>新增課程類別</h2>
{{#CREATE}}
{{>FORM_ERRORS}}
<form method="post" action="{{CREATE_URL}}#create" id="create" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="new-name">名稱</label><input id="new-name" name="name" type="text" maxlength="40" required value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>{{>NAME_ERROR}}</div>
  <div class="actions"><button type="submit">新增</button></div>
</form>
{{/CREATE}}
