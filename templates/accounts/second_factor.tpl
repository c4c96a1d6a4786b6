{{%AUTOESCAPE context="HTML"}}<p><a href="{{HOME_URL}}">回首頁</a></p>
<h1>雙因素驗證</h1>
<p class="status-on"><strong>已啟用</strong>（{{ENABLED_AT}} 起）：登入時除了密碼，還要輸入驗證器 App 顯示的驗證碼。</p>
<p>尚未使用的備用復原碼：<strong>{{UNUSED_CODES}}</strong> 組。手機遺失或更換時，可用一組備用復原碼登入。</p>
{{>FORM_ERRORS}}
<section aria-labelledby="renew-title">
  <h2 id="renew-title">產生新的備用復原碼</h2>
  <p>新的一組（10 組）產生後，舊的備用復原碼全部失效。</p>
  <form method="post" action="{{RENEW_ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="renew_code">驗證碼或備用復原碼</label><input id="renew_code" name="renew_code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" maxlength="40" required{{#RENEW_CODE_INVALID}} aria-describedby="renew_code-error" aria-invalid="true"{{/RENEW_CODE_INVALID}}>{{>RENEW_CODE_ERROR}}</div>
    <div class="actions"><button type="submit">產生新的備用復原碼</button></div>
  </form>
</section>
<section aria-labelledby="disable-title">
  {{#REQUIRED}}<h2 id="disable-title">更換手機（重新設定驗證器）</h2>
  <p>審課人員與系統管理者必須使用雙因素驗證，無法關閉。更換手機時，輸入舊手機的驗證碼（或一組備用復原碼）清除原有設定，再以新手機完成設定。</p>{{/REQUIRED}}
  {{#OPTIONAL}}<h2 id="disable-title">關閉雙因素驗證</h2>
  <p>關閉後，登入只需要密碼；其他裝置上的登入會全部登出。</p>{{/OPTIONAL}}
  <form method="post" action="{{DISABLE_ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="disable_code">驗證碼或備用復原碼</label><input id="disable_code" name="disable_code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" maxlength="40" required{{#DISABLE_CODE_INVALID}} aria-describedby="disable_code-error" aria-invalid="true"{{/DISABLE_CODE_INVALID}}>{{>DISABLE_CODE_ERROR}}</div>
    <div class="actions"><button type="submit">{{#REQUIRED}}清除設定並重新設定{{/REQUIRED}}{{#OPTIONAL}}關閉雙因素驗證{{/OPTIONAL}}</button></div>
  </form>
</section>
