{{%AUTOESCAPE context="HTML"}}{{#SIGNED_IN}}<p><a href="{{HOME_URL}}">回首頁</a></p>{{/SIGNED_IN}}
<h1>設定雙因素驗證</h1>
{{#REQUIRED}}<p>審課人員與系統管理者的帳號必須使用雙因素驗證：登入時除了密碼，還要輸入手機驗證器 App 顯示的驗證碼。{{#AT_LOGIN}}請先完成設定，才能登入。{{/AT_LOGIN}}</p>{{/REQUIRED}}
{{#OPTIONAL}}<p>業務帳號可以選擇使用雙因素驗證：登入時除了密碼，還要輸入手機驗證器 App 顯示的驗證碼，密碼外洩時帳號仍受保護。</p>{{/OPTIONAL}}
<ol class="steps">
  <li>在手機安裝驗證器 App（如 Google Authenticator、Microsoft Authenticator、FreeOTP）。</li>
  <li>在 App 中新增帳號，掃描下方的 QR Code；無法掃描時，選擇「輸入設定金鑰」，帳號填 <strong>{{ACCOUNT_NAME}}</strong>，金鑰填 <code class="secret">{{SECRET}}</code>（依時間產生）。</li>
  <li>輸入 App 顯示的 6 位數驗證碼，按「完成設定」。</li>
</ol>
<p class="qr"><img src="{{QR_URL}}" width="246" height="246" alt="驗證器 App 掃描用的 QR Code（無法掃描時請輸入上方的設定金鑰）"></p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="code">驗證碼（6 位數字）</label><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" maxlength="40" required{{#CODE_INVALID}} aria-describedby="code-error" aria-invalid="true"{{/CODE_INVALID}}>{{>CODE_ERROR}}</div>
  <div class="actions"><button type="submit">完成設定</button>{{#AT_LOGIN}} <a href="{{CANCEL_URL}}">取消，重新登入</a>{{/AT_LOGIN}}</div>
</form>
