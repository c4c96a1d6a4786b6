{{%AUTOESCAPE context="HTML"}}<h1>下載專區</h1>
<p class="meta">使用手冊、表單範本與相關法規函文。檔案一律以下載方式提供。</p>
{{#NO_FILES}}<p>目前沒有可下載的檔案。</p>{{/NO_FILES}}
{{#GROUP}}
<section aria-labelledby="dl-{{CATEGORY_CODE}}">
  <h2 id="dl-{{CATEGORY_CODE}}">{{CATEGORY}}</h2>
  <ul class="downloads">
  {{#FILE}}<li data-download-id="{{ID}}"><a href="{{URL}}" download>{{TITLE}}</a> <span class="meta">{{KIND}}｜{{SIZE}}｜{{DATE}}</span></li>{{/FILE}}
  </ul>
</section>
{{/GROUP}}
