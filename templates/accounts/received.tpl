{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>{{TITLE}}</h1>
<p role="status" id="received">{{MESSAGE}}</p>
<p><a href="{{LOGIN_URL}}">前往登入</a>｜<a href="{{FORGOT_URL}}">忘記密碼</a></p>
</section>
