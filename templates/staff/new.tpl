{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回本單位教師帳號管理</a></p>
<h1>教師資料登錄</h1>
<p class="hint">登錄為{{UNIT}}的在職教師。已有帳號而目前沒有服務學校（或原學校已登錄轉校、離職）的教師，只要填身分證字號；還沒有帳號的，另填姓名、性別、出生日期與電子郵件，系統會建立帳號並寄信請教師以「忘記密碼」設定密碼。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" id="register" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="national_id">身分證字號（或居留證號）</label><input id="national_id" name="national_id" type="text" maxlength="10" autocomplete="off" required value="{{NATIONAL_ID}}"{{#NATIONAL_ID_INVALID}} aria-describedby="national_id-error" aria-invalid="true"{{/NATIONAL_ID_INVALID}}>{{>NATIONAL_ID_ERROR}}</div>
  <fieldset>
    <legend>還沒有帳號時（建立新帳號）</legend>
    <div class="field"><label for="name">姓名</label><input id="name" name="name" type="text" maxlength="50" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>{{>NAME_ERROR}}</div>
    <fieldset class="field" id="gender"><legend>性別</legend>
      {{#GENDER_OPTION}}<label class="inline-choice"><input type="radio" name="gender" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/GENDER_OPTION}}
      {{>GENDER_ERROR}}
    </fieldset>
    <div class="field"><label for="birth_date">出生日期</label><input id="birth_date" name="birth_date" type="date" value="{{BIRTH_DATE}}"{{#BIRTH_DATE_INVALID}} aria-describedby="birth_date-error" aria-invalid="true"{{/BIRTH_DATE_INVALID}}>{{>BIRTH_DATE_ERROR}}</div>
    <div class="field"><label for="email">電子郵件</label><input id="email" name="email" type="email" maxlength="254" value="{{EMAIL}}"{{#EMAIL_INVALID}} aria-describedby="email-error" aria-invalid="true"{{/EMAIL_INVALID}}>{{>EMAIL_ERROR}}</div>
  </fieldset>
  <fieldset>
    <legend>職務（可以之後再填）</legend>
    <div class="field"><label for="position">職位類別</label>
      <select id="position" name="position">
        {{#POSITION_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/POSITION_OPTION}}
      </select>{{>POSITION_ERROR}}</div>
    <div class="field"><label for="title_name">職稱</label><input id="title_name" name="title_name" type="text" maxlength="30" value="{{TITLE_NAME}}"{{#TITLE_NAME_INVALID}} aria-describedby="title_name-error" aria-invalid="true"{{/TITLE_NAME_INVALID}}>{{>TITLE_NAME_ERROR}}</div>
    <div class="field"><label for="subject">任教科目</label><input id="subject" name="subject" type="text" maxlength="60" value="{{SUBJECT}}"{{#SUBJECT_INVALID}} aria-describedby="subject-error" aria-invalid="true"{{/SUBJECT_INVALID}}>{{>SUBJECT_ERROR}}</div>
  </fieldset>
  <div class="actions"><button type="submit">登錄</button></div>
</form>
