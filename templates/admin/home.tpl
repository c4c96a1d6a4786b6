{{%AUTOESCAPE context="HTML"}}<h1>系統管理</h1>
<p class="meta">{{NAME}}｜{{UNIT}}</p>
<ul class="admin-home">
  <li><a href="{{PARTNERS_URL}}">合作網站管理</a>：帳號漫遊與資訊傳報的申請、核准、停權與效期（待審核申請 <strong id="applications-waiting">{{APPLICATIONS}}</strong> 件）</li>
  <li><a href="{{REASONS_URL}}">退回理由管理</a>：審課人員退回課程時可勾選的理由</li>
  <li><a href="{{COUNTIES_URL}}">縣市登錄與燈號設定</a>：各縣市的登錄期限、逾期天數與紅燈門檻</li>
  <li><a href="{{UNITS_URL}}">單位管理</a>：單位的新增與修改、所屬主管機關與審課單位、審課單位的第11條角色（見組織架構）</li>
  <li><a href="{{TAGS_URL}}">屬性標籤管理</a>：新增、改名、停用標籤，以及特殊教育、家庭教育、幼兒園教保等標籤每年應修的時數與適用對象</li>
  <li><a href="{{CATEGORIES_URL}}">課程類別管理</a>：課程登錄與研習搜尋所用的課程類別的新增、改名與停用</li>
  <li><a href="{{BULLETIN_URL}}">公佈欄管理</a>：最新消息與公告的對象、公告與下架時間、置頂</li>
  <li><a href="{{FAQ_URL}}">問答集管理</a>：帳號、報名、研習時數、業務帳號、帳號漫遊等分類的問答</li>
  <li><a href="{{DOWNLOADS_URL}}">下載專區管理</a>：使用手冊、表單範本與法規函文的上傳與刪除</li>
  <li><a href="{{FEEDBACK_URL}}">意見交流收件匣</a>：使用者的意見與回覆（待回覆 <strong id="feedback-open">{{FEEDBACK_OPEN}}</strong> 則）</li>
  <li><a href="{{SPECIALTIES_URL}}">專長項目管理</a>：教師申請專長登錄時可選的專長</li>
</ul>
