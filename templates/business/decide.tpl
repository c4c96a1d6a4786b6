{{%AUTOESCAPE context="HTML"}}<form method="post" action="{{APPROVE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><button type="submit">核准</button></form>
<form method="post" action="{{REFUSE_URL}}" class="inline" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  {{>FORM_ERRORS}}
  <label for="reason-{{ID}}">不核准的理由</label>
  <input id="reason-{{ID}}" name="reason" type="text" maxlength="200" value="{{REASON}}" required{{#REASON_INVALID}} aria-describedby="reason-error" aria-invalid="true"{{/REASON_INVALID}}>
  {{>REASON_ERROR}}
  <button type="submit">不核准</button>
</form>
