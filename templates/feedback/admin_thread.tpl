{{%AUTOESCAPE context="HTML"}}<p><a href="{{INBOX_URL}}">回收件匣</a></p>
<h1>意見交流：{{CATEGORY}}</h1>
<p class="meta">{{WRITER}}（{{WRITER_KIND}}，{{UNIT}}）｜留言時間 {{CREATED}}｜<span data-state="{{STATE_CODE}}">{{STATE}}</span>{{#HAS_CONTACT}}｜聯絡方式：{{CONTACT}}{{/HAS_CONTACT}}</p>
{{>MESSAGES}}
<h2 id="reply">回覆</h2>
{{#HAS_ADDRESS}}<p>回覆會寄到 <strong>{{REPLY_TO}}</strong>，並保留在這則留言的往來紀錄中。</p>{{/HAS_ADDRESS}}
{{#NO_ADDRESS}}<p>這位使用者沒有可用的電子郵件，回覆只會顯示在網站上。</p>{{/NO_ADDRESS}}
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#reply" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="body">回覆內容</label><textarea id="body" name="body" rows="6" maxlength="2000" required{{#BODY_INVALID}} aria-describedby="body-error" aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>{{>BODY_ERROR}}</div>
  <div class="actions"><button type="submit">送出回覆</button></div>
</form>
