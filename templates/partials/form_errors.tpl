{{%AUTOESCAPE context="HTML"}}<div class="form-error" role="alert" id="form-errors">
{{#FIELDS}}<p>有 {{COUNT}} 個欄位需要修正，請見各欄位旁的說明；您輸入的資料都已保留。</p>{{/FIELDS}}
{{#FORM_MESSAGE}}<p>{{TEXT}}</p>{{/FORM_MESSAGE}}
{{#FIELD_MESSAGE}}<p><a href="#{{FIELD}}">{{TEXT}}</a></p>{{/FIELD_MESSAGE}}
</div>
