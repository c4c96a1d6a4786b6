{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回公佈欄</a></p>
<article class="post">
  <h1>{{TITLE}}</h1>
  <p class="meta">公告時間 {{DATE}}｜對象：{{AUDIENCE}}</p>
  {{! The body was escaped by domain::paragraphs_html, which writes only <p>, <br> and links. }}
  <div class="post-body">{{BODY_HTML:none}}</div>
</article>
