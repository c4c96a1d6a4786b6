{{%AUTOESCAPE context="HTML"}}{{#LOTTERY}}<section class="lottery" data-draw="{{DRAW_STATE}}" aria-labelledby="lottery-heading">
<h3 id="lottery-heading">名額分配方式：抽籤</h3>
{{#BEFORE}}<p>抽籤時間 <strong id="draw-at">{{DRAW_AT}}</strong>。在此之前報名者一同抽籤，報名先後不影響結果；今年沒有「報名但未參與」紀錄者優先。目前有 <strong id="draw-applied">{{APPLIED}}</strong> 人報名待抽籤。</p>{{/BEFORE}}
{{#AFTER}}<p>已於 {{DRAWN_AT}} 抽籤（公布的抽籤時間 <span id="draw-at">{{DRAW_AT}}</span>）：{{ENTRIES}} 人參加，{{WON}} 人錄取，其餘依抽籤順序候補。抽籤後仍可報名：有空額即錄取，否則排在候補名單之後。</p>{{/AFTER}}
<details>
<summary>抽籤種子與驗算方式</summary>
<dl class="facts">
  <dt>抽籤種子雜湊（SHA-256）</dt><dd><code id="draw-seed-hash" class="digest">{{SEED_HASH}}</code></dd>
  {{#AFTER}}<dt>抽籤種子</dt><dd><code id="draw-seed" class="digest">{{SEED}}</code></dd>{{/AFTER}}
</dl>
<p>種子在選定抽籤時就已固定，抽籤前只公布它的雜湊，抽籤時才公布種子本身。驗算方式：種子（文字）的 SHA-256 應等於上列雜湊；每位報名者取「種子:抽籤編號」這段文字的 SHA-256（十六進位），今年沒有報名但未參與者排在前面，各組內由小到大排列；依序錄取至額滿，其餘依序候補。抽籤編號即報名序號，不含個人資料，報名者可在研習頁面看到自己的編號。</p>
{{#AFTER}}<h4 id="draw-order-heading">抽籤順序</h4>
<div class="table-wrap"><table class="draw-order" aria-labelledby="draw-order-heading">
  <thead><tr><th scope="col">順序</th><th scope="col">抽籤編號</th><th scope="col">今年報名但未參與</th><th scope="col">結果</th></tr></thead>
  <tbody>{{#ENTRY}}<tr data-reference="{{REFERENCE}}" data-no-show="{{NO_SHOW_CODE}}" data-won="{{WON_CODE}}"><td data-label="順序">{{POSITION}}</td><td data-label="抽籤編號">{{REFERENCE}}</td><td data-label="今年報名但未參與">{{NO_SHOW}}</td><td data-label="結果">{{RESULT}}</td></tr>{{/ENTRY}}</tbody>
</table></div>{{/AFTER}}
</details>
</section>{{/LOTTERY}}
