{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回問答集管理</a></p>
<h1>{{HEADING}}</h1>
{{>FORM_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <div class="field"><label for="category">分類</label>
    <select id="category" name="category" required{{#CATEGORY_INVALID}} aria-describedby="category-error" aria-invalid="true"{{/CATEGORY_INVALID}}><option value="">請選擇</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>{{>CATEGORY_ERROR}}</div>
  <div class="field"><label for="question">問題</label><input id="question" name="question" type="text" maxlength="200" required value="{{QUESTION}}"{{#QUESTION_INVALID}} aria-describedby="question-error" aria-invalid="true"{{/QUESTION_INVALID}}>{{>QUESTION_ERROR}}</div>
  <div class="field"><label for="answer">回答</label>
    <p class="hint" id="answer-hint">純文字：空一行分段，網址（http:// 或 https://）會成為連結。</p>
    <textarea id="answer" name="answer" rows="8" maxlength="5000" required aria-describedby="answer-hint{{#ANSWER_INVALID}} answer-error{{/ANSWER_INVALID}}"{{#ANSWER_INVALID}} aria-invalid="true"{{/ANSWER_INVALID}}>{{ANSWER:pre_escape}}</textarea>{{>ANSWER_ERROR}}</div>
  <div class="field"><label for="position">排序（選填，小者在前）</label><input id="position" name="position" type="number" min="0" max="999" inputmode="numeric" value="{{POSITION}}"{{#POSITION_INVALID}} aria-describedby="position-error" aria-invalid="true"{{/POSITION_INVALID}}>{{>POSITION_ERROR}}</div>
  <div class="actions"><button type="submit">儲存問答</button></div>
</form>
{{#EXISTING}}
<form method="post" action="{{DELETE_URL}}" class="danger-zone">
  <input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
  <button type="submit" class="secondary">刪除此問答</button>
</form>
{{/EXISTING}}
