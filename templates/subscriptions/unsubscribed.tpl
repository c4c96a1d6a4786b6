{{%AUTOESCAPE context="HTML"}}<h1>已取消研習資訊訂閱</h1>
{{#ALREADY}}<p>這個連結的訂閱先前已經取消了。</p>{{/ALREADY}}
<p data-removed="{{REMOVED}}">已取消 {{REMOVED}} 個訂閱，不會再收到這些通知。若想重新訂閱，請登入後到「研習資訊訂閱」。</p>
