{{%AUTOESCAPE context="HTML"}}<h1>雙因素驗證</h1>
<p>密碼正確。請打開手機上的驗證器 App（如 Google Authenticator、Microsoft Authenticator、FreeOTP），輸入「全國教師在職進修資訊網」目前顯示的 6 位數驗證碼。</p>
<p>手機不在身邊時，可改輸入一組備用復原碼（每組只能使用一次）。5 分鐘內未完成，須重新輸入帳號與密碼。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="code">驗證碼或備用復原碼</label><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="40" required autofocus{{#CODE_INVALID}} aria-describedby="code-error" aria-invalid="true"{{/CODE_INVALID}}>{{>CODE_ERROR}}</div>
  <div class="actions"><button type="submit">驗證並登入</button> <a href="{{CANCEL_URL}}">取消，重新登入</a></div>
</form>
