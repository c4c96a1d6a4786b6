{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>登出</h1>
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <p>確定要登出嗎？</p>
  <div class="actions"><button type="submit">確認登出</button></div>
</form>
</section>
