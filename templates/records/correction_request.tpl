{{%AUTOESCAPE context="HTML"}}<p><a href="{{TEACHER_URL}}">回我的專屬首頁</a></p>
<h1>申請更正</h1>
<dl class="facts">
  <dt>研習名稱</dt><dd>{{COURSE_TITLE}}</dd>
  <dt>研習課程代碼</dt><dd>{{COURSE_CODE}}</dd>
  <dt>開課單位</dt><dd>{{UNIT}}</dd>
  <dt>研習日期</dt><dd>{{DATES}}</dd>
</dl>
{{#ALREADY}}<p class="form-error" role="status" data-requested="1">已送出更正申請，開課單位查核研習名單中，請勿重複申請。</p>{{/ALREADY}}
{{#FORM}}
<p>這堂研習已結案，但沒有核發您的研習時數，所以列入「報名但未參與研習」燈號。若您確有參與，請說明情形，系統會寄信請開課單位查核研習名單；補發時數後，燈號即不再計入此課程。</p>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" class="narrow" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field">
    <label for="reason">更正說明（必填，300 字以內）</label>
    <p class="hint" id="reason-hint">例如：當天全程參加並已簽到，簽到表第 2 頁。</p>
    <textarea id="reason" name="reason" rows="4" maxlength="300" required
      aria-describedby="reason-hint{{#REASON_INVALID}} reason-error{{/REASON_INVALID}}"{{#REASON_INVALID}} aria-invalid="true"{{/REASON_INVALID}}>{{REASON}}</textarea>
    {{>REASON_ERROR}}
  </div>
  <div class="actions"><button type="submit">送出更正申請</button></div>
</form>
{{/FORM}}
