{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>忘記密碼</h1>
<p class="hint">請輸入申請帳號時的身分證字號（或居留證號）與電子郵件，資料相符時將寄送重設密碼連結（30 分鐘內有效）。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="national_id">身分證字號（或居留證號）</label>
    <input id="national_id" name="national_id" type="text" value="{{NATIONAL_ID}}" maxlength="10" autocomplete="username" autocapitalize="characters" spellcheck="false" required{{#NATIONAL_ID_INVALID}} aria-describedby="national_id-error" aria-invalid="true"{{/NATIONAL_ID_INVALID}}>
    {{>NATIONAL_ID_ERROR}}
  </div>
  <div class="field">
    <label for="email">電子郵件</label>
    <input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" spellcheck="false" required{{#EMAIL_INVALID}} aria-describedby="email-error" aria-invalid="true"{{/EMAIL_INVALID}}>
    {{>EMAIL_ERROR}}
  </div>
  <div class="actions"><button type="submit">寄送重設連結</button></div>
</form>
</section>
