{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回公佈欄管理</a></p>
<h1>{{HEADING}}</h1>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="title">標題</label><input id="title" name="title" type="text" maxlength="200" required value="{{TITLE}}"{{#TITLE_INVALID}} aria-describedby="title-error" aria-invalid="true"{{/TITLE_INVALID}}>{{>TITLE_ERROR}}</div>
  <div class="field"><label for="body">內容</label>
    <p class="hint" id="body-hint">純文字：空一行分段，網址（http:// 或 https://）會成為連結。</p>
    <textarea id="body" name="body" rows="10" maxlength="5000" required aria-describedby="body-hint{{#BODY_INVALID}} body-error{{/BODY_INVALID}}"{{#BODY_INVALID}} aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>{{>BODY_ERROR}}</div>
  <fieldset class="field" id="audience"><legend>對象</legend>
    {{#AUDIENCE_OPTION}}<label class="inline-choice"><input type="radio" name="audience" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/AUDIENCE_OPTION}}
    {{>AUDIENCE_ERROR}}
  </fieldset>
  <div class="field"><label for="publish_at">公告時間</label><input id="publish_at" name="publish_at" type="datetime-local" required value="{{PUBLISH_AT}}"{{#PUBLISH_AT_INVALID}} aria-describedby="publish_at-error" aria-invalid="true"{{/PUBLISH_AT_INVALID}}>{{>PUBLISH_AT_ERROR}}</div>
  <div class="field"><label for="expires_at">下架時間（選填，空白則不下架）</label><input id="expires_at" name="expires_at" type="datetime-local" value="{{EXPIRES_AT}}"{{#EXPIRES_AT_INVALID}} aria-describedby="expires_at-error" aria-invalid="true"{{/EXPIRES_AT_INVALID}}>{{>EXPIRES_AT_ERROR}}</div>
  <div class="field checkbox"><input id="pinned" name="pinned" type="checkbox" value="1"{{#PINNED_CHECKED}} checked{{/PINNED_CHECKED}}><label for="pinned">置頂</label></div>
  <div class="actions"><button type="submit">儲存公告</button></div>
</form>
{{#EXISTING}}
<form method="post" action="{{DELETE_URL}}" class="danger-zone">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <button type="submit" class="secondary">刪除此公告</button>
</form>
{{/EXISTING}}
