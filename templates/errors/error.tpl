{{%AUTOESCAPE context="HTML"}}<section class="error-page" data-status="{{STATUS}}">
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p class="muted">請求編號：<code>{{REQUEST_ID}}</code>（狀態 {{STATUS}}）</p>
<p><a href="/">回首頁</a></p>
</section>
