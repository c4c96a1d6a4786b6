{{%AUTOESCAPE context="HTML"}}<section class="narrow enrolment-result" data-enrolment-status="{{STATUS}}"{{#REFUSED}} data-reason="{{REASON}}"{{/REFUSED}}>
<h1>{{HEADING}}</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}</p>
<p class="{{MESSAGE_CLASS}}" role="status">{{MESSAGE}}</p>
{{#WAITLIST}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="key" value="{{KEY}}">
  <input type="hidden" name="waitlist" value="1">
  {{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/KEEP}}
  <div class="actions"><button type="submit">加入候補</button></div>
</form>
{{/WAITLIST}}
{{#AGAIN}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="key" value="{{KEY}}">
  {{#WAITLIST_ASKED}}<input type="hidden" name="waitlist" value="1">{{/WAITLIST_ASKED}}
  {{>QUESTIONS}}
  <div class="actions"><button type="submit">報名</button></div>
</form>
{{/AGAIN}}
<p><a href="{{COURSE_URL}}">回研習課程頁面</a>｜<a href="{{TEACHER_URL}}">我的專屬首頁</a></p>
</section>
