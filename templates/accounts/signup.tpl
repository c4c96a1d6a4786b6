{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>使用者帳號申請</h1>
<p class="hint">教師個人帳號以身分證字號（或居留證號）登入，申請後即可登入使用，帳號不可變更。已申請過帳號請勿重複申請，<a href="{{FORGOT_URL}}">忘記密碼</a>請由此重設。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <fieldset>
    <legend>基本資料</legend>
    <div class="field">
      <label for="national_id">身分證字號（或居留證號）</label>
      <p class="hint" id="national_id-hint">即登入帳號，請使用半形英文字母與數字。</p>
      <input id="national_id" name="national_id" type="text" value="{{NATIONAL_ID}}" maxlength="10" autocomplete="username" autocapitalize="characters" spellcheck="false" required
        aria-describedby="national_id-hint{{#NATIONAL_ID_INVALID}} national_id-error{{/NATIONAL_ID_INVALID}}"{{#NATIONAL_ID_INVALID}} aria-invalid="true"{{/NATIONAL_ID_INVALID}}>
      {{>NATIONAL_ID_ERROR}}
    </div>
    <div class="field">
      <label for="name">姓名</label>
      <input id="name" name="name" type="text" value="{{NAME}}" maxlength="50" autocomplete="name" required{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>
      {{>NAME_ERROR}}
    </div>
    <fieldset class="field" id="gender"{{#GENDER_INVALID}} aria-describedby="gender-error"{{/GENDER_INVALID}}>
      <legend>性別</legend>
      <label class="inline-choice"><input type="radio" name="gender" value="F"{{#GENDER_F}} checked{{/GENDER_F}}> 女</label>
      <label class="inline-choice"><input type="radio" name="gender" value="M"{{#GENDER_M}} checked{{/GENDER_M}}> 男</label>
      <label class="inline-choice"><input type="radio" name="gender" value="X"{{#GENDER_X}} checked{{/GENDER_X}}> 其他</label>
      {{>GENDER_ERROR}}
    </fieldset>
    <div class="field">
      <label for="birth_date">出生日期</label>
      <input id="birth_date" name="birth_date" type="date" value="{{BIRTH_DATE}}" autocomplete="bday" required{{#BIRTH_DATE_INVALID}} aria-describedby="birth_date-error" aria-invalid="true"{{/BIRTH_DATE_INVALID}}>
      {{>BIRTH_DATE_ERROR}}
    </div>
    <div class="field">
      <label for="email">電子郵件</label>
      <p class="hint" id="email-hint">將寄送確認連結至此信箱；忘記密碼時也由此重設。</p>
      <input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" spellcheck="false" required
        aria-describedby="email-hint{{#EMAIL_INVALID}} email-error{{/EMAIL_INVALID}}"{{#EMAIL_INVALID}} aria-invalid="true"{{/EMAIL_INVALID}}>
      {{>EMAIL_ERROR}}
    </div>
    <div class="field">
      <label for="phone">聯絡電話</label>
      <input id="phone" name="phone" type="tel" value="{{PHONE}}" maxlength="30" autocomplete="tel" required{{#PHONE_INVALID}} aria-describedby="phone-error" aria-invalid="true"{{/PHONE_INVALID}}>
      {{>PHONE_ERROR}}
    </div>
  </fieldset>
  <fieldset>
    <legend>服務資料</legend>
    <div class="field">
      <label for="school_code">服務單位學校代碼</label>
      <p class="hint" id="school_code-hint">教育部學校代碼（6 碼），可洽學校人事室或教務處。</p>
      <input id="school_code" name="school_code" type="text" value="{{SCHOOL_CODE}}" maxlength="10" inputmode="numeric" spellcheck="false" required
        aria-describedby="school_code-hint{{#SCHOOL_CODE_INVALID}} school_code-error{{/SCHOOL_CODE_INVALID}}"{{#SCHOOL_CODE_INVALID}} aria-invalid="true"{{/SCHOOL_CODE_INVALID}}>
      {{>SCHOOL_CODE_ERROR}}
    </div>
    <fieldset class="field" id="position_category"{{#POSITION_CATEGORY_INVALID}} aria-describedby="position_category-error"{{/POSITION_CATEGORY_INVALID}}>
      <legend>職位類別</legend>
      {{#POSITION}}<label class="inline-choice"><input type="radio" name="position_category" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/POSITION}}
      {{>POSITION_CATEGORY_ERROR}}
    </fieldset>
    <div class="field">
      <label for="title_name">職稱（選填）</label>
      <input id="title_name" name="title_name" type="text" value="{{TITLE_NAME}}" maxlength="30"{{#TITLE_NAME_INVALID}} aria-describedby="title_name-error" aria-invalid="true"{{/TITLE_NAME_INVALID}}>
      {{>TITLE_NAME_ERROR}}
    </div>
  </fieldset>
  <fieldset>
    <legend>登入密碼</legend>
    <div class="field">
      <label for="password">密碼</label>
      <p class="hint" id="password-hint">至少 10 個字元，不可包含身分證字號或出生日期。</p>
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
    <p>使用本網帳號需遵循帳號使用同意書之各項規範。本網帳號申請後即不可變更。教師個人帳號於網頁申請成功後，可立即登入使用。</p>
    <div class="field checkbox"><input id="agree" name="agree" type="checkbox" value="1"{{#AGREED}} checked{{/AGREED}}{{#AGREE_INVALID}} aria-describedby="agree-error" aria-invalid="true"{{/AGREE_INVALID}}><label for="agree">我已詳閱並同意帳號使用同意書</label></div>
    {{>AGREE_ERROR}}
  </fieldset>
  <div class="actions"><button type="submit">送出申請</button></div>
</form>
</section>
