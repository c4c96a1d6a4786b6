{{%AUTOESCAPE context="HTML"}}<h1>公佈欄</h1>
<p class="meta">最新消息與公告，置頂者在前。<a href="{{ATOM_URL}}" type="application/atom+xml">訂閱公佈欄（Atom）</a></p>
{{#NO_POSTS}}<p>目前沒有公告。</p>{{/NO_POSTS}}
<ul class="bulletins">
{{#POST}}
  <li><span class="date">{{DATE}}</span> {{#PINNED}}<span class="badge">置頂</span> {{/PINNED}}<a href="{{URL}}"><strong>{{TITLE}}</strong></a><p>{{SUMMARY}}</p></li>
{{/POST}}
</ul>
{{#PAGER}}
<nav class="pager" aria-label="分頁">
  {{#PREV}}<a href="{{URL}}" rel="prev">上一頁</a>{{/PREV}}
  <span>第 {{PAGE}} / {{PAGES}} 頁</span>
  {{#NEXT}}<a href="{{URL}}" rel="next">下一頁</a>{{/NEXT}}
</nav>
{{/PAGER}}
