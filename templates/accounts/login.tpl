{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>登入</h1>
{{#FORM_ERROR}}<p class="form-error" role="alert" id="form-error">{{MESSAGE}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <div class="field">
    <label for="account">帳號</label>
    <p class="hint" id="account-hint">教師請輸入身分證字號（或居留證號），業務帳號請輸入帳號名稱。</p>
    <input id="account" name="account" type="text" value="{{ACCOUNT}}" autocomplete="username" autocapitalize="none" spellcheck="false" required
      aria-describedby="account-hint{{#ACCOUNT_INVALID}} account-error{{/ACCOUNT_INVALID}}"{{#ACCOUNT_INVALID}} aria-invalid="true"{{/ACCOUNT_INVALID}}>
    {{>ACCOUNT_ERROR}}
  </div>
  <div class="field">
    <label for="password">密碼</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required
      {{#PASSWORD_INVALID}}aria-describedby="password-error" aria-invalid="true"{{/PASSWORD_INVALID}}>
    {{>PASSWORD_ERROR}}
  </div>
  <div class="actions"><button type="submit">登入</button></div>
</form>
<p><a href="{{FORGOT_URL}}">忘記密碼</a>｜教師尚無帳號？<a href="{{SIGNUP_URL}}">使用者帳號申請</a>｜學校或機關的承辦人、總負責人：<a href="{{APPLY_URL}}">業務帳號申請</a></p>
</section>
