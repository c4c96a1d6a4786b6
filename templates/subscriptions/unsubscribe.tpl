{{%AUTOESCAPE context="HTML"}}<h1>取消研習資訊訂閱</h1>
{{#NOTHING_LEFT}}<p>這個連結的訂閱已經取消了，不會再收到通知。</p>{{/NOTHING_LEFT}}
{{#ONE}}<p>確定不再收到下列訂閱的通知？</p>{{/ONE}}
{{#ALL}}<p>確定取消下列所有訂閱，不再收到研習資訊通知？</p>{{/ALL}}
<ul>{{#SUBSCRIPTION}}<li>{{WORDS}}</li>{{/SUBSCRIPTION}}</ul>
{{#ONE}}<form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><div class="actions"><button type="submit">取消訂閱</button></div></form>{{/ONE}}
{{#ALL}}<form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF_TOKEN}}"><div class="actions"><button type="submit">取消所有訂閱</button></div></form>{{/ALL}}
