{{%AUTOESCAPE context="HTML"}}<h1>意見交流</h1>
<p>對本網站有任何問題或建議，請留言給系統管理者；回覆會寄到您的電子郵件，也會顯示在這裡。常見問題請先看<a href="/faq">問答集</a>。</p>
<h2>我的留言</h2>
{{#NO_THREADS}}<p>您還沒有留言。</p>{{/NO_THREADS}}
<ul class="threads">
{{#THREAD}}<li data-state="{{STATE_CODE}}"><a href="{{URL}}">{{CATEGORY}}</a> <span class="meta">{{STATE}}｜{{MESSAGES}} 則｜{{UPDATED}}</span></li>{{/THREAD}}
</ul>
<h2 id="new">留言</h2>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}#new" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="category">類別</label>
    <select id="category" name="category" required{{#CATEGORY_INVALID}} aria-describedby="category-error" aria-invalid="true"{{/CATEGORY_INVALID}}><option value="">請選擇</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>{{>CATEGORY_ERROR}}</div>
  <div class="field"><label for="body">內容</label><textarea id="body" name="body" rows="6" maxlength="2000" required{{#BODY_INVALID}} aria-describedby="body-error" aria-invalid="true"{{/BODY_INVALID}}>{{BODY:pre_escape}}</textarea>{{>BODY_ERROR}}</div>
  <div class="field"><label for="contact">聯絡方式（選填：電子郵件或電話；空白則寄到帳號的電子郵件）</label><input id="contact" name="contact" type="text" maxlength="100" value="{{CONTACT}}"{{#CONTACT_INVALID}} aria-describedby="contact-error" aria-invalid="true"{{/CONTACT_INVALID}}>{{>CONTACT_ERROR}}</div>
  <div class="actions"><button type="submit">送出</button></div>
</form>
