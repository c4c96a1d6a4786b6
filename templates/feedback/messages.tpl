{{%AUTOESCAPE context="HTML"}}<ol class="messages">
{{#MESSAGE}}<li class="message {{KIND}}" data-kind="{{KIND}}"><p class="meta">{{WHO}}｜{{AT}}{{#MAILED}}｜已寄至 {{MAILED_TO}}{{/MAILED}}</p>
  {{! Escaped by domain::paragraphs_html, which writes only <p>, <br> and links. }}
  <div class="message-body">{{BODY_HTML:none}}</div></li>{{/MESSAGE}}
</ol>
