{{%AUTOESCAPE context="HTML"}}<section class="narrow enrolment-result" data-enrolment-status="{{STATUS}}"{{#REFUSED}} data-reason="{{REASON}}"{{/REFUSED}}>
<h1>{{HEADING}}</h1>
<p class="meta">研習課程代碼 {{CODE}}｜{{TITLE}}</p>
<p class="{{MESSAGE_CLASS}}" role="status">{{MESSAGE}}</p>
{{#WAITLIST}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="key" value="{{KEY}}">
  <input type="hidden" name="waitlist" value="1">
  <div class="actions"><button type="submit">加入候補</button></div>
</form>
{{/WAITLIST}}
<p><a href="{{COURSE_URL}}">回研習課程頁面</a>｜<a href="{{TEACHER_URL}}">我的專屬首頁</a></p>
</section>
