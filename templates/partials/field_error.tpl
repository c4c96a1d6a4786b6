{{%AUTOESCAPE context="HTML"}}<p class="field-error" id="{{FIELD}}-error">{{MESSAGE}}</p>
