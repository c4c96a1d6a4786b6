{{%AUTOESCAPE context="HTML"}}<p><a href="{{HOME_URL}}">回首頁</a></p>
<h1>變更登入密碼</h1>
<p>新密碼至少 10 個字元，不可包含身分證字號（或帳號）與出生日期。變更後，其他裝置上的登入會全部登出。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="current">目前的密碼</label><input id="current" name="current" type="password" autocomplete="current-password" required{{#CURRENT_INVALID}} aria-describedby="current-error" aria-invalid="true"{{/CURRENT_INVALID}}>{{>CURRENT_ERROR}}</div>
  <div class="field"><label for="password">新密碼</label><input id="password" name="password" type="password" autocomplete="new-password" required{{#PASSWORD_INVALID}} aria-describedby="password-error" aria-invalid="true"{{/PASSWORD_INVALID}}>{{>PASSWORD_ERROR}}</div>
  <div class="field"><label for="password_again">再輸入一次新密碼</label><input id="password_again" name="password_again" type="password" autocomplete="new-password" required{{#PASSWORD_AGAIN_INVALID}} aria-describedby="password_again-error" aria-invalid="true"{{/PASSWORD_AGAIN_INVALID}}>{{>PASSWORD_AGAIN_ERROR}}</div>
  <div class="actions"><button type="submit">變更密碼</button></div>
</form>
