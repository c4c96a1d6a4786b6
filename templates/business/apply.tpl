{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>業務帳號申請</h1>
<p class="hint">業務帳號供學校、機關辦理研習的承辦人與總負責人使用，屬個人帳號，不可交接或沿用他人帳號。申請後須經核准才能登入：承辦人由貴單位的總負責人核准，總負責人由貴單位所屬的審課單位核准，核准與否都會寄信通知您。教師個人帳號請改用<a href="{{SIGNUP_URL}}">使用者帳號申請</a>。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <fieldset>
    <legend>帳號</legend>
    <div class="field">
      <label for="account_name">帳號名稱</label>
      <p class="hint" id="account_name-hint">登入時使用，4–40 個半形英文字母、數字或 . - _，以英文字母開頭；申請後不能變更。</p>
      <input id="account_name" name="account_name" type="text" value="{{ACCOUNT_NAME}}" maxlength="40" autocomplete="username" autocapitalize="none" spellcheck="false" required
        aria-describedby="account_name-hint{{#ACCOUNT_NAME_INVALID}} account_name-error{{/ACCOUNT_NAME_INVALID}}"{{#ACCOUNT_NAME_INVALID}} aria-invalid="true"{{/ACCOUNT_NAME_INVALID}}>
      {{>ACCOUNT_NAME_ERROR}}
    </div>
    <fieldset class="field" id="kind"{{#KIND_INVALID}} aria-describedby="kind-error"{{/KIND_INVALID}}>
      <legend>帳號類別</legend>
      {{#KIND_OPTION}}<label class="inline-choice"><input type="radio" name="kind" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/KIND_OPTION}}
      <p class="hint">總負責人負責全校業務帳號與教師帳號的管理，每校至少一位。</p>
      {{>KIND_ERROR}}
    </fieldset>
    <div class="field">
      <label for="unit">服務單位</label>
      <p class="hint" id="unit-hint">學校代碼（例如 034525）、校名或簡稱（例如 內壢國中）。不知道學校代碼可到<a href="{{UNITS_URL}}">各校業務帳號人員查詢</a>查詢。</p>
      <input id="unit" name="unit" type="text" value="{{UNIT}}" maxlength="100" required
        aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>
      {{>UNIT_ERROR}}
    </div>
  </fieldset>
  <fieldset>
    <legend>申請人</legend>
    <div class="field">
      <label for="display_name">姓名</label>
      <input id="display_name" name="display_name" type="text" value="{{DISPLAY_NAME}}" maxlength="50" autocomplete="name" required{{#DISPLAY_NAME_INVALID}} aria-describedby="display_name-error" aria-invalid="true"{{/DISPLAY_NAME_INVALID}}>
      {{>DISPLAY_NAME_ERROR}}
    </div>
    <div class="field">
      <label for="phone">辦公室電話</label>
      <p class="hint" id="phone-hint">公開於各校業務帳號人員查詢，例如 03-4512345#210。</p>
      <input id="phone" name="phone" type="tel" value="{{PHONE}}" maxlength="30" autocomplete="tel" required
        aria-describedby="phone-hint{{#PHONE_INVALID}} phone-error{{/PHONE_INVALID}}"{{#PHONE_INVALID}} aria-invalid="true"{{/PHONE_INVALID}}>
      {{>PHONE_ERROR}}
    </div>
    <div class="field">
      <label for="email">電子郵件</label>
      <p class="hint" id="email-hint">核准或不核准的通知寄到這裡；不公開。</p>
      <input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" spellcheck="false" required
        aria-describedby="email-hint{{#EMAIL_INVALID}} email-error{{/EMAIL_INVALID}}"{{#EMAIL_INVALID}} aria-invalid="true"{{/EMAIL_INVALID}}>
      {{>EMAIL_ERROR}}
    </div>
  </fieldset>
  <fieldset>
    <legend>登入密碼</legend>
    <div class="field">
      <label for="password">密碼</label>
      <p class="hint" id="password-hint">至少 10 個字元，不可包含帳號名稱。</p>
      <input id="password" name="password" type="password" autocomplete="new-password" required
        aria-describedby="password-hint{{#PASSWORD_INVALID}} password-error{{/PASSWORD_INVALID}}"{{#PASSWORD_INVALID}} aria-invalid="true"{{/PASSWORD_INVALID}}>
      {{>PASSWORD_ERROR}}
    </div>
    <div class="field">
      <label for="password_again">再次輸入密碼</label>
      <input id="password_again" name="password_again" type="password" autocomplete="new-password" required{{#PASSWORD_AGAIN_INVALID}} aria-describedby="password_again-error" aria-invalid="true"{{/PASSWORD_AGAIN_INVALID}}>
      {{>PASSWORD_AGAIN_ERROR}}
    </div>
  </fieldset>
  <fieldset id="agreement">
    <legend>帳號使用同意書</legend>
    <p>使用本網帳號需遵循帳號使用同意書之各項規範。本網帳號申請後即不可變更。業務帳號於網頁申請成功後，須經審核通過，方可登入使用。</p>
    <div class="field checkbox"><input id="agree" name="agree" type="checkbox" value="1"{{#AGREED}} checked{{/AGREED}}{{#AGREE_INVALID}} aria-describedby="agree-error" aria-invalid="true"{{/AGREE_INVALID}}><label for="agree">我已詳閱並同意帳號使用同意書</label></div>
    {{>AGREE_ERROR}}
  </fieldset>
  <div class="actions"><button type="submit">送出申請</button></div>
</form>
</section>
