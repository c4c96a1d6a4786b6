{{%AUTOESCAPE context="HTML"}}<h1>備用復原碼</h1>
<p>{{INTRO}}</p>
<p><strong>請現在抄下或列印這 10 組備用復原碼，妥善保存：</strong>手機遺失或不在身邊時，每組可代替驗證碼登入一次。離開此頁後將無法再次顯示。</p>
<ol class="recovery-codes">
{{#CODE}}  <li><code>{{VALUE}}</code></li>
{{/CODE}}</ol>
<p class="actions"><a class="button" href="{{CONTINUE_URL}}">我已保存，繼續</a></p>
