{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回意見交流</a></p>
<h1>意見交流：{{CATEGORY}}</h1>
<p class="meta">留言時間 {{CREATED}}｜<span data-state="{{STATE_CODE}}">{{STATE}}</span></p>
{{>MESSAGES}}
<h2 id="more">再留言</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#more" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="body">內容</label><textarea id="body" name="body" rows="4" maxlength="2000" required{{#BODY_INVALID}} aria-describedby="body-error" aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>{{>BODY_ERROR}}</div>
  <div class="actions"><button type="submit">送出</button></div>
</form>
