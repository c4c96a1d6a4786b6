{{%AUTOESCAPE context="HTML"}}<section class="notice-check">
<h1>錄取通知查驗</h1>
{{#FOUND}}
<div class="verdict verdict-{{VERDICT}}" data-notice="{{VERDICT}}" role="status">
  {{#VALID}}<p><strong>這份錄取通知確由本網發出，報名有效（{{STATUS}}）。</strong></p>{{/VALID}}
  {{#VOID}}<p><strong>這份錄取通知確由本網發出，但這筆報名目前為「{{STATUS}}」，通知已不再有效。</strong></p>{{/VOID}}
</div>
<dl class="facts">
  <dt>驗證碼</dt><dd>{{NOTICE_CODE}}</dd>
  <dt>研習課程代碼</dt><dd>{{COURSE_CODE}}</dd>
  <dt>研習名稱</dt><dd>{{COURSE_TITLE}}</dd>
  <dt>開課單位</dt><dd>{{UNIT}}</dd>
  <dt>研習日期</dt><dd>{{DATES}}</dd>
  <dt>錄取教師</dt><dd class="masked-name">{{MASKED_NAME}}</dd>
</dl>
<p class="hint">為保護個人資料，這裡只顯示教師姓名的部分文字，請與錄取通知上的姓名核對。</p>
<h2>查驗其他通知</h2>
{{/FOUND}}
{{#UNKNOWN}}<div class="form-error" data-notice="unknown" role="status"><p>查無驗證碼「{{TYPED}}」的錄取通知。請對照錄取通知再確認一次驗證碼（12 個英文字母或數字，不分大小寫）。</p></div>{{/UNKNOWN}}
<form method="get" action="{{LOOKUP_URL}}" class="narrow" novalidate>
  <div class="field">
    <label for="code">錄取通知上的驗證碼</label>
    <p class="hint" id="code-hint">12 個英文字母或數字，例如 K7QM-3XD2-P9TA；不分大小寫，可不打「-」。</p>
    <input id="code" name="code" type="text" value="{{CODE}}" maxlength="40" autocomplete="off" autocapitalize="characters" spellcheck="false" required
      aria-describedby="code-hint{{#CODE_INVALID}} code-error{{/CODE_INVALID}}"{{#CODE_INVALID}} aria-invalid="true"{{/CODE_INVALID}}>
    {{>CODE_ERROR}}
  </div>
  <div class="actions"><button type="submit">查驗</button></div>
</form>
</section>
