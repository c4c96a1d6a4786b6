{{%AUTOESCAPE context="HTML"}}<h1>問答集</h1>
{{>FORM_ERRORS}}
<form method="get" action="{{ACTION}}" role="search" class="faq-search">
  <div class="field"><label for="q">關鍵字</label><input id="q" name="q" type="search" maxlength="50" value="{{Q}}"{{#Q_INVALID}} aria-describedby="q-error" aria-invalid="true"{{/Q_INVALID}}>{{>Q_ERROR}}</div>
  <div class="field"><label for="category">分類</label>
    <select id="category" name="category"><option value="">全部分類</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>{{>CATEGORY_ERROR}}</div>
  <div class="actions"><button type="submit">查詢</button></div>
</form>
{{#SEARCHED}}<p role="status">找到 <strong id="faq-found">{{FOUND}}</strong> 則問答。</p>{{/SEARCHED}}
{{#NOTHING_FOUND}}<p>沒有符合的問答，請換個關鍵字或分類。</p>{{/NOTHING_FOUND}}
{{#GROUP}}
<section class="faq-group" aria-labelledby="faq-{{CATEGORY_CODE}}">
  <h2 id="faq-{{CATEGORY_CODE}}">{{CATEGORY}}</h2>
  {{#ENTRY}}
  <details class="faq" id="faq-entry-{{ID}}"{{#OPEN}} open{{/OPEN}}>
    <summary>{{QUESTION}}</summary>
    {{! The answer was escaped by domain::paragraphs_html, which writes only <p>, <br> and links. }}
    <div class="faq-answer">{{ANSWER_HTML:none}}</div>
  </details>
  {{/ENTRY}}
</section>
{{/GROUP}}
