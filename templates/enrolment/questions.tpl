{{%AUTOESCAPE context="HTML"}}{{#QUESTION}}<div class="field">
  <label for="{{NAME}}">{{LABEL}}{{#REQUIRED}}（必填）{{/REQUIRED}}</label>
  {{#TEXT}}<input id="{{NAME}}" name="{{NAME}}" type="text" maxlength="{{MAX}}" value="{{VALUE}}"{{#INVALID}} aria-describedby="{{NAME}}-error" aria-invalid="true"{{/INVALID}}>{{/TEXT}}
  {{#CHOICE}}<select id="{{NAME}}" name="{{NAME}}"{{#INVALID}} aria-describedby="{{NAME}}-error" aria-invalid="true"{{/INVALID}}>
    <option value="">請選擇</option>
    {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/OPTION}}
  </select>{{/CHOICE}}
  {{>ERROR}}
</div>{{/QUESTION}}
