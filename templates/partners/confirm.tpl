{{%AUTOESCAPE context="HTML"}}<section class="narrow confirm">
<h1>確定要{{VERB}}「{{SITE_NAME}}」嗎？</h1>
<p class="notice">{{CONSEQUENCE}}</p>
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="confirm" value="1">
  {{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/KEEP}}
  <div class="actions"><button type="submit" class="danger">確定{{VERB}}</button> <a href="{{BACK_URL}}">取消，回合作網站頁面</a></div>
</form>
</section>
