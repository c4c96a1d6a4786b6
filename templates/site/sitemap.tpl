{{%AUTOESCAPE context="HTML"}}<h1>網頁導覽</h1>
<h2>網頁</h2>
<ul class="sitemap" id="sitemap-pages">{{#PAGE}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/PAGE}}</ul>
<p class="hint">登入後：教師的「我的專屬首頁」（報名、研習紀錄、研習證明）；業務帳號的研習資料管理與審課。</p>
<h2>給程式與訂閱</h2>
<ul class="sitemap" id="sitemap-programs">{{#PROGRAM}}<li><a href="{{URL}}">{{LABEL}}</a>（<code>{{URL}}</code>）</li>{{/PROGRAM}}
  <li><a href="{{OPENAPI_URL}}">API 說明（OpenAPI）</a></li></ul>
