{{%AUTOESCAPE context="HTML"}}<h1>「全國教師在職進修資訊網」帳號漫遊合作申請</h1>
<p class="hint">請依申請表填寫；送出後由全國推廣中心審核。核准後將提供 client_id 與密鑰。</p>
{{#HAS_ERRORS}}<div class="form-error" role="alert"><p>有 {{ERROR_COUNT}} 處需要修正，請見各欄位旁的說明；已填寫的內容都保留。</p></div>{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <fieldset>
    <legend>基本資料與網站資料</legend>
    {{#FIELD}}
    <div class="field">
      <label for="f-{{NAME}}">{{LABEL}}{{#OPTIONAL}}（選填）{{/OPTIONAL}}</label>
      {{#INPUT}}<input id="f-{{NAME}}" name="{{NAME}}" type="text" value="{{VALUE}}"{{#HAS_ERROR}} aria-describedby="e-{{NAME}}" aria-invalid="true"{{/HAS_ERROR}}>{{/INPUT}}
      {{#TEXTAREA}}<textarea id="f-{{NAME}}" name="{{NAME}}" rows="3"{{#HAS_ERROR}} aria-describedby="e-{{NAME}}" aria-invalid="true"{{/HAS_ERROR}}>{{VALUE:pre_escape}}</textarea>{{/TEXTAREA}}
      {{#HAS_ERROR}}<p class="field-error" id="e-{{NAME}}">{{ERROR}}</p>{{/HAS_ERROR}}
    </div>
    {{/FIELD}}
  </fieldset>
  <fieldset>
    <legend>使用者資料需求項目（勾選並說明用途；使用者識別碼一律提供）</legend>
    {{#CLAIM}}
    <div class="field claim-row">
      <div class="checkbox"><input id="claim-{{CODE}}" name="claim_{{CODE}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}><label for="claim-{{CODE}}">{{LABEL}}</label></div>
      <label for="use-{{CODE}}">「{{LABEL}}」的用途說明</label>
      <input id="use-{{CODE}}" name="use_{{CODE}}" type="text" value="{{USE}}" maxlength="300"{{#HAS_ERROR}} aria-describedby="e-use-{{CODE}}" aria-invalid="true"{{/HAS_ERROR}}>
      {{#HAS_ERROR}}<p class="field-error" id="e-use-{{CODE}}">{{ERROR}}</p>{{/HAS_ERROR}}
    </div>
    {{/CLAIM}}
  </fieldset>
  <fieldset>
    <legend>已詳閱並同意以下事項</legend>
    {{#TERM}}<div class="field checkbox"><input id="agree-{{N}}" name="agree_{{N}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}><label for="agree-{{N}}">{{N}}. {{TEXT}}</label></div>{{/TERM}}
    {{#HAS_AGREEMENTS_ERROR}}<p class="field-error">{{AGREEMENTS_ERROR}}</p>{{/HAS_AGREEMENTS_ERROR}}
  </fieldset>
  <div class="actions"><button type="submit">送出申請</button></div>
</form>
