{{%AUTOESCAPE context="HTML"}}<h1>「全國教師在職進修資訊網」帳號漫遊合作申請</h1>
<p class="hint">請依《教師進修網帳號漫遊合作申請表》填寫；送出後由全國推廣中心審核，並請依規定函文報部。核准後將提供 client_id 與密鑰。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <fieldset>
    <legend>基本資料與網站資料</legend>
    {{#FIELD}}
    {{#CHOICE}}<fieldset class="field" id="{{NAME}}"{{#INVALID}} aria-describedby="{{NAME}}-error"{{/INVALID}}>
      <legend>{{LABEL}}</legend>
      {{#OPTION}}<label class="inline-choice"><input type="radio" name="{{NAME}}" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/OPTION}}
      {{>ERROR}}
    </fieldset>{{/CHOICE}}
    {{#SINGLE}}<div class="field">
      <label for="{{NAME}}">{{LABEL}}{{#OPTIONAL}}（選填）{{/OPTIONAL}}</label>
      {{#INPUT}}<input id="{{NAME}}" name="{{NAME}}" type="text" value="{{VALUE}}"{{#INVALID}} aria-describedby="{{NAME}}-error" aria-invalid="true"{{/INVALID}}>{{/INPUT}}
      {{#DATE}}<input id="{{NAME}}" name="{{NAME}}" type="date" value="{{VALUE}}"{{#INVALID}} aria-describedby="{{NAME}}-error" aria-invalid="true"{{/INVALID}}>{{/DATE}}
      {{#TEXTAREA}}<textarea id="{{NAME}}" name="{{NAME}}" rows="3"{{#INVALID}} aria-describedby="{{NAME}}-error" aria-invalid="true"{{/INVALID}}>{{VALUE:pre_escape}}</textarea>{{/TEXTAREA}}
      {{>ERROR}}
    </div>{{/SINGLE}}
    {{/FIELD}}
  </fieldset>
  <fieldset>
    <legend>使用者資料需求項目（勾選並說明用途；使用者識別碼一律提供）</legend>
    {{#CLAIM}}
    <div class="field claim-row">
      <div class="checkbox"><input id="claim-{{CODE}}" name="claim_{{CODE}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}><label for="claim-{{CODE}}">{{LABEL}}</label></div>
      <label for="use_{{CODE}}">「{{LABEL}}」的用途說明</label>
      <input id="use_{{CODE}}" name="use_{{CODE}}" type="text" value="{{USE}}" maxlength="300"{{#INVALID}} aria-describedby="use_{{CODE}}-error" aria-invalid="true"{{/INVALID}}>
      {{>ERROR}}
    </div>
    {{/CLAIM}}
  </fieldset>
  <fieldset id="agreements"{{#AGREEMENTS_INVALID}} aria-describedby="agreements-error"{{/AGREEMENTS_INVALID}}>
    <legend>已詳閱並同意以下事項</legend>
    {{#TERM}}<div class="field checkbox"><input id="agree-{{N}}" name="agree_{{N}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}><label for="agree-{{N}}">{{N}}. {{TEXT}}</label></div>{{/TERM}}
    {{>AGREEMENTS_ERROR}}
  </fieldset>
  <div class="actions"><button type="submit">送出申請</button></div>
</form>
