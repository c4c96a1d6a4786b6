{{%AUTOESCAPE context="HTML"}}<p><a href="{{HOME_URL}}">回首頁</a></p>
<h1>修改個人基本資料</h1>
<section aria-labelledby="registered-heading">
  <h2 id="registered-heading">帳號登記資料</h2>
  <p class="hint" id="not-editable">身分證字號與姓名是申請帳號時登記的資料，不能在此修改；服務單位與職稱由服務學校的總負責人登錄。如有錯誤，請洽服務單位的總負責人。</p>
  <dl class="facts">
    <dt>身分證字號</dt><dd id="national-id">{{NATIONAL_ID}}</dd>
    <dt>姓名</dt><dd id="registered-name">{{NAME}}</dd>
    <dt>服務單位</dt><dd>{{UNIT}}</dd>
    <dt>職稱</dt><dd>{{TITLE_NAME}}</dd>
  </dl>
</section>
<section aria-labelledby="contact-heading">
  <h2 id="contact-heading">聯絡資料</h2>
  <p>目前的電子郵件信箱：<span id="current-email">{{CURRENT_EMAIL}}</span>{{#EMAIL_CONFIRMED}}（已確認）{{/EMAIL_CONFIRMED}}{{#EMAIL_UNCONFIRMED}}（尚未確認）{{/EMAIL_UNCONFIRMED}}</p>
  {{#PENDING}}<p class="note" id="pending-email">新的電子郵件信箱 <strong>{{PENDING_EMAIL}}</strong> 尚待確認：請開啟寄到該信箱的確認信，在 {{PENDING_UNTIL}} 前按下連結。確認之前，帳號仍使用目前的信箱。</p>{{/PENDING}}
  {{>FORM_ERRORS}}
  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="phone">聯絡電話（可留空）</label>
      <p class="hint" id="phone-hint">手機如 0912-345-678；市話請加區碼，如 03-4512345，分機寫在 # 之後，如 03-4512345#123。</p>
      <input id="phone" name="phone" type="tel" autocomplete="tel" value="{{PHONE}}" aria-describedby="phone-hint{{#PHONE_INVALID}} phone-error{{/PHONE_INVALID}}"{{#PHONE_INVALID}} aria-invalid="true"{{/PHONE_INVALID}}>{{>PHONE_ERROR}}</div>
    <div class="field"><label for="email">電子郵件</label>
      <p class="hint" id="email-hint">改成新的信箱時，確認信會寄到新信箱，24 小時內按下信中的連結才會生效；原來的信箱會收到通知。</p>
      <input id="email" name="email" type="email" autocomplete="email" required value="{{EMAIL}}" aria-describedby="email-hint{{#EMAIL_INVALID}} email-error{{/EMAIL_INVALID}}"{{#EMAIL_INVALID}} aria-invalid="true"{{/EMAIL_INVALID}}>{{>EMAIL_ERROR}}</div>
    <div class="field"><label for="current_password">目前的密碼（變更電子郵件時必填）</label>
      <input id="current_password" name="current_password" type="password" autocomplete="current-password"{{#CURRENT_PASSWORD_INVALID}} aria-describedby="current_password-error" aria-invalid="true"{{/CURRENT_PASSWORD_INVALID}}>{{>CURRENT_PASSWORD_ERROR}}</div>
    <div class="actions"><button type="submit">儲存</button></div>
  </form>
</section>
