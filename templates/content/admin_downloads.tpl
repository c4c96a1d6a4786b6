{{%AUTOESCAPE context="HTML"}}<p><a href="{{ADMIN_URL}}">回系統管理</a></p>
<h1>下載專區管理</h1>
<div class="table-wrap">
<table class="stack">
  <caption class="visually-hidden">檔案</caption>
  <thead><tr><th scope="col">名稱</th><th scope="col">分類</th><th scope="col">檔名</th><th scope="col">大小</th><th scope="col">上傳日期</th><th scope="col">操作</th></tr></thead>
  <tbody>
  {{#FILE}}<tr data-download-id="{{ID}}"><td data-label="名稱"><a href="{{URL}}">{{TITLE}}</a></td><td data-label="分類">{{CATEGORY}}</td><td data-label="檔名">{{FILENAME}}</td><td data-label="大小">{{SIZE}}</td><td data-label="上傳日期">{{DATE}}</td><td data-label="操作">
    <form method="post" action="{{DELETE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit" class="secondary">刪除</button></form>
  </td></tr>{{/FILE}}
  </tbody>
</table>
</div>
<h2 id="upload">上傳檔案</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#upload" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="title">檔案名稱</label><input id="title" name="title" type="text" maxlength="200" required value="{{TITLE}}"{{#TITLE_INVALID}} aria-describedby="title-error" aria-invalid="true"{{/TITLE_INVALID}}>{{>TITLE_ERROR}}</div>
  <div class="field"><label for="category">分類</label>
    <select id="category" name="category" required{{#CATEGORY_INVALID}} aria-describedby="category-error" aria-invalid="true"{{/CATEGORY_INVALID}}><option value="">請選擇</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>{{>CATEGORY_ERROR}}</div>
  <div class="field"><label for="file">檔案</label>
    <p class="hint" id="file-hint">PDF、ODT、DOCX、XLSX 或 PNG，{{MAX_SIZE}} 以內；副檔名須與檔案內容相符。</p>
    <input id="file" name="file" type="file" required accept=".pdf,.odt,.docx,.xlsx,.png" aria-describedby="file-hint{{#FILE_INVALID}} file-error{{/FILE_INVALID}}"{{#FILE_INVALID}} aria-invalid="true"{{/FILE_INVALID}}>{{>FILE_ERROR}}</div>
  <div class="actions"><button type="submit">上傳</button></div>
</form>
