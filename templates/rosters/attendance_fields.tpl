{{%AUTOESCAPE context="HTML"}}<fieldset class="field" id="attendance"><legend>出席情形</legend>
  {{#ATTENDANCE_OPTION}}<label class="inline-choice"><input type="radio" name="attendance" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/ATTENDANCE_OPTION}}
  {{>ATTENDANCE_ERROR}}
</fieldset>
<div class="field">
  <label for="hours_absent">缺席時數（請假或曠課時填寫）</label>
  <input id="hours_absent" name="hours_absent" type="number" min="0" inputmode="numeric" value="{{HOURS_ABSENT}}"{{#HOURS_ABSENT_INVALID}} aria-describedby="hours_absent-error" aria-invalid="true"{{/HOURS_ABSENT_INVALID}}>
  {{>HOURS_ABSENT_ERROR}}
  <p class="hint">請假：核發實際出席的時數。曠課超過課程時數三分之一：不核發（恰為三分之一仍核發出席時數）。</p>
</div>
<details{{#TYPED_OPEN}} open{{/TYPED_OPEN}}>
  <summary>自行填寫核發{{UNIT_WORD}}（需寫明理由）</summary>
  <div class="field">
    <label for="typed">核發{{UNIT_WORD}}</label>
    <input id="typed" name="typed" type="number" min="0" inputmode="numeric" value="{{TYPED}}"{{#TYPED_INVALID}} aria-describedby="typed-error" aria-invalid="true"{{/TYPED_INVALID}}>
    {{>TYPED_ERROR}}
  </div>
  <div class="field">
    <label for="reason">理由（審課人員會看到）</label>
    <input id="reason" name="reason" type="text" maxlength="200" value="{{REASON}}"{{#REASON_INVALID}} aria-describedby="reason-error" aria-invalid="true"{{/REASON_INVALID}}>
    {{>REASON_ERROR}}
  </div>
</details>
