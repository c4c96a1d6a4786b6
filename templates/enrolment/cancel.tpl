{{%AUTOESCAPE context="HTML"}}<section class="narrow confirm">
<h1>取消報名</h1>
<p>研習課程代碼 {{CODE}}｜<strong>{{TITLE}}</strong>｜目前為「{{STATUS}}」</p>
{{#CAN_CANCEL}}
<p class="notice">取消後名額會讓給候補的教師；之後如想再參加，須洽承辦人。</p>
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="actions"><button type="submit" class="danger">確定取消報名</button> <a href="{{TEACHER_URL}}">不取消，回我的專屬首頁</a></div>
</form>
{{/CAN_CANCEL}}
{{#CANNOT_CANCEL}}<p class="form-error">這筆報名已不能取消：研習已經開始，或報名已結束。</p>
<p><a href="{{TEACHER_URL}}">回我的專屬首頁</a></p>{{/CANNOT_CANCEL}}
</section>
