{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>重設登入密碼</h1>
<p class="hint">設定新密碼後，所有已登入的裝置都會登出。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="password">新密碼</label>
    <p class="hint" id="password-hint">至少 10 個字元，不可包含身分證字號或出生日期。</p>
    <input id="password" name="password" type="password" autocomplete="new-password" required
      aria-describedby="password-hint{{#PASSWORD_INVALID}} password-error{{/PASSWORD_INVALID}}"{{#PASSWORD_INVALID}} aria-invalid="true"{{/PASSWORD_INVALID}}>
    {{>PASSWORD_ERROR}}
  </div>
  <div class="field">
    <label for="password_again">再次輸入新密碼</label>
    <input id="password_again" name="password_again" type="password" autocomplete="new-password" required{{#PASSWORD_AGAIN_INVALID}} aria-describedby="password_again-error" aria-invalid="true"{{/PASSWORD_AGAIN_INVALID}}>
    {{>PASSWORD_AGAIN_ERROR}}
  </div>
  <div class="actions"><button type="submit">設定新密碼</button></div>
</form>
</section>
