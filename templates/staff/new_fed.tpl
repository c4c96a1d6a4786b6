{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_URL}}">回本單位教師帳號管理</a></p>
<h1>教師資料登錄</h1>
<p class="notice" id="fed-message">{{UNIT}}是幼兒園。{{FED_MESSAGE}}</p>
