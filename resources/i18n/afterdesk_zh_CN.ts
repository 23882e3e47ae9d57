<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddNoteDialog</name>
    <message>
        <source>Note on order {order_no}</source>
        <translation>订单 {order_no} 的备注</translation>
    </message>
    <message>
        <source>What the customer asked and what you did, e.g. 客户要求修改地址，新地址为：…</source>
        <translation>写明客户的要求和您的处理，例如：客户要求修改地址，新地址为：…</translation>
    </message>
    <message>
        <source>Red flag (红旗): the order printer must see this</source>
        <translation>红旗：打单人员必须看到</translation>
    </message>
    <message>
        <source>(not a correction)</source>
        <translation>（不是更正）</translation>
    </message>
    <message>
        <source>Signed automatically: …---{date} {name}</source>
        <translation>自动签名：…---{date} {name}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Corrects note</source>
        <translation>更正备注</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <source>for signing in, e.g. zhangsan</source>
        <translation>用于登录，例如 zhangsan</translation>
    </message>
    <message>
        <source>signs their notes, e.g. 张三</source>
        <translation>备注签名用，例如 张三</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <source>New address for order {order_no}</source>
        <translation>订单 {order_no} 的新地址</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e.g. 13800138000 or 0571-88886666</source>
        <translation>例如 13800138000 或 0571-88886666</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>e.g. 浙江省</source>
        <translation>例如：浙江省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>e.g. 杭州市</source>
        <translation>例如：杭州市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>e.g. 西湖区</source>
        <translation>例如：西湖区</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>e.g. 文三路 100 号 2 单元 301</source>
        <translation>例如：文三路 100 号 2 单元 301</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>They add everyone else and give them roles (the Staff page). A password needs at least 8 characters.</source>
        <translation>管理员在“员工”页面添加其他员工并分配角色。密码至少 8 个字符。</translation>
    </message>
    <message>
        <source>signs your notes, e.g. 张三</source>
        <translation>备注签名用，例如 张三</translation>
    </message>
    <message>
        <source>for signing in, e.g. zhangsan</source>
        <translation>登录用，例如 zhangsan</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The work you do yourself too (each adds its pages)</source>
        <translation>您自己也做的工作（每项会加上它的页面）</translation>
    </message>
</context>
<context>
    <name>AftersalesPage</name>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>After-sales (售后)</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>开售后单…</translation>
    </message>
    <message>
        <source>Register a return, exchange, recall or complaint</source>
        <translation>登记退货、换货、快件退回或投诉</translation>
    </message>
    <message>
        <source>Unannounced parcels</source>
        <translation>无登记退件</translation>
    </message>
    <message>
        <source>Parcels the warehouse received without a case, to follow up</source>
        <translation>仓库收到但没有售后单的包裹，需跟进</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>开售后单</translation>
    </message>
    <message>
        <source>Open a case on the chosen order, with its request</source>
        <translation>按所选订单及其要求开售后单</translation>
    </message>
    <message>
        <source>Nothing handed over is waiting.</source>
        <translation>没有待处理的转交订单。</translation>
    </message>
    <message>
        <source>Handed over by pre-sales</source>
        <translation>售前转交</translation>
    </message>
    <message>
        <source>Register (售后登记表)</source>
        <translation>售后登记表</translation>
    </message>
    <message>
        <source>Handed over by pre-sales ({count})</source>
        <translation>售前转交（{count}）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Password for the database {where}:</source>
        <translation>数据库 {where} 的密码：</translation>
    </message>
    <message>
        <source>It cannot be remembered on this PC ({why}), so it is asked once per session.</source>
        <translation>本机无法记住密码（{why}），因此每次启动时询问一次。</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>The database could not be opened (details are in the log).</source>
        <translation>无法打开数据库（详情见日志）。</translation>
    </message>
</context>
<context>
    <name>ApproveEarlyExchangeForm</name>
    <message>
        <source>Approve shipping the exchange of case {case_no} before the return has been signed for? Signed with your name.</source>
        <translation>批准售后单 {case_no} 在退货签收前先发换货？将以您的名字签名。</translation>
    </message>
</context>
<context>
    <name>ApproveFreeFreightForm</name>
    <message>
        <source>Approve free return freight on case {case_no}? The shop will pay the return leg, signed with your name.</source>
        <translation>批准售后单 {case_no} 免退货运费？退回运费由店铺承担，将以您的名字签名。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>⚠ The last backup failed: {reason}</source>
        <translation>⚠ 上次备份失败：{reason}</translation>
    </message>
    <message>
        <source>⚠ No backup of this database yet: see Settings → Backups.</source>
        <translation>⚠ 此数据库还没有备份：请看 设置 → 备份。</translation>
    </message>
    <message>
        <source>⚠ The last good backup is {days} days old: see Settings → Backups.</source>
        <translation>⚠ 最近一次完好的备份已是 {days} 天前：请看 设置 → 备份。</translation>
    </message>
    <message>
        <source>No good backup yet.</source>
        <translation>还没有完好的备份。</translation>
    </message>
    <message>
        <source>Last good backup: {when}, {file} ({entries} audit entries checked).</source>
        <translation>最近一次完好的备份：{when}，{file}（已校验 {entries} 条审计记录）。</translation>
    </message>
</context>
<context>
    <name>BatchDayModel</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打单人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>截单时间</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>面单尺寸</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Missing: {paths}. Select the batch and press Reprint… to put it in place.</source>
        <translation>缺失：{paths}。选中该批次并点“重打…”即可放回原处。</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {order_no}</source>
        <translation>取消订单 {order_no}</translation>
    </message>
    <message>
        <source>Why, in the customer&apos;s words, e.g. 拍错了尺码</source>
        <translation>按客户原话填写原因，例如：拍错了尺码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CardInParcel</name>
    <message>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>No</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
</context>
<context>
    <name>CaseAction</name>
    <message>
        <source>Link to an order</source>
        <translation>关联订单</translation>
    </message>
    <message>
        <source>Record the return parcel</source>
        <translation>登记退回包裹</translation>
    </message>
    <message>
        <source>Inspect and sign for the goods</source>
        <translation>验货签收</translation>
    </message>
    <message>
        <source>Sign “original parcel received”</source>
        <translation>签收“原包裹已收到”</translation>
    </message>
    <message>
        <source>Record the refund</source>
        <translation>登记退款</translation>
    </message>
    <message>
        <source>Record the exchange shipped</source>
        <translation>登记换货已发出</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Approve free return freight</source>
        <translation>批准免退货运费</translation>
    </message>
    <message>
        <source>Approve shipping the exchange before the return arrives</source>
        <translation>批准退货到达前先发换货</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <source>Claim</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Return parcel and freight</source>
        <translation>退回包裹与运费</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Refund and exchange</source>
        <translation>退款与换货</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>Return courier / tracking</source>
        <translation>退回快递 / 单号</translation>
    </message>
    <message>
        <source>Card in parcel</source>
        <translation>包裹内售后卡</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Advanced by the customer</source>
        <translation>客户垫付</translation>
    </message>
    <message>
        <source>Free freight approved</source>
        <translation>已批准免运费</translation>
    </message>
    <message>
        <source>Early exchange approved</source>
        <translation>已批准先发换货</translation>
    </message>
    <message>
        <source>Warehouse sign-off</source>
        <translation>仓库验货签字</translation>
    </message>
    <message>
        <source>Inspection notes</source>
        <translation>验货说明</translation>
    </message>
    <message>
        <source>原包裹已收到</source>
        <translation>原包裹已收到</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Freight reimbursed</source>
        <translation>已报销运费</translation>
    </message>
    <message>
        <source>Exchange shipped</source>
        <translation>换货已发出</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>{name}, {time}</source>
        <translation>{name}，{time}</translation>
    </message>
    <message>
        <source>(not linked yet)</source>
        <translation>（尚未关联订单）</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Yes: {where} (cannot be photographed)</source>
        <translation>是：{where}（无法拍照）</translation>
    </message>
    <message>
        <source>Yes: {where}</source>
        <translation>是：{where}</translation>
    </message>
    <message>
        <source>{result} — {stamp}</source>
        <translation>{result} — {stamp}</translation>
    </message>
    <message>
        <source>{amount} by {method} — {stamp}</source>
        <translation>{amount}（{method}）— {stamp}</translation>
    </message>
    <message>
        <source>{courier} {tracking} — {stamp}</source>
        <translation>{courier} {tracking} — {stamp}</translation>
    </message>
    <message>
        <source>now “{state}”</source>
        <translation>现为“{state}”</translation>
    </message>
    <message>
        <source>{amount} by {method}</source>
        <translation>{amount}（{method}）</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>copy {copy}</source>
        <translation>第 {copy} 次</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>After-sales case {case_no}</source>
        <translation>售后单 {case_no}</translation>
    </message>
    <message>
        <source>Print recall slip…</source>
        <translation>打印快件退回单…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation>维权…</translation>
    </message>
    <message>
        <source>Last changed by {name}</source>
        <translation>最后修改人：{name}</translation>
    </message>
    <message>
        <source>Recall slip {case_no} (copy {copy})</source>
        <translation>快件退回单 {case_no}（第 {copy} 次）</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>{action} — case {case_no}</source>
        <translation>{action} — 售后单 {case_no}</translation>
    </message>
    <message>
        <source>Wait until the photos are ready.</source>
        <translation>请等照片处理完毕。</translation>
    </message>
</context>
<context>
    <name>CaseState</name>
    <message>
        <source>Unannounced return</source>
        <translation>无登记退件</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Return on its way</source>
        <translation>退件在途</translation>
    </message>
    <message>
        <source>Signed for by the warehouse</source>
        <translation>仓库已验收签字</translation>
    </message>
    <message>
        <source>Original parcel received</source>
        <translation>原包裹已收到</translation>
    </message>
    <message>
        <source>Exchange shipped</source>
        <translation>换货已发出</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>Case opened</source>
        <translation>已开售后单</translation>
    </message>
    <message>
        <source>Claim recorded</source>
        <translation>已登记问题描述</translation>
    </message>
    <message>
        <source>Photos added</source>
        <translation>已添加照片</translation>
    </message>
    <message>
        <source>Return parcel recorded</source>
        <translation>已登记退回包裹</translation>
    </message>
    <message>
        <source>Approved by a supervisor</source>
        <translation>主管已批准</translation>
    </message>
    <message>
        <source>Inspected and signed by the warehouse</source>
        <translation>仓库已验货签字</translation>
    </message>
    <message>
        <source>Signed “原包裹已收到”</source>
        <translation>已签收“原包裹已收到”</translation>
    </message>
    <message>
        <source>Refund recorded</source>
        <translation>已登记退款</translation>
    </message>
    <message>
        <source>Exchange shipped</source>
        <translation>换货已发出</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Unannounced parcel registered</source>
        <translation>已登记为无登记退件</translation>
    </message>
    <message>
        <source>Linked to an order</source>
        <translation>已关联订单</translation>
    </message>
    <message>
        <source>Recall slip printed</source>
        <translation>已打印快件退回单</translation>
    </message>
    <message>
        <source>Customer told the tracking number</source>
        <translation>已告知客户单号</translation>
    </message>
    <message>
        <source>Customer confirmed receiving the exchange</source>
        <translation>客户确认已收到换货</translation>
    </message>
    <message>
        <source>Platform refund deadline set</source>
        <translation>已设平台退款期限</translation>
    </message>
    <message>
        <source>Dispute opened on the platform</source>
        <translation>平台维权已登记</translation>
    </message>
    <message>
        <source>Dispute outcome recorded</source>
        <translation>维权结果已登记</translation>
    </message>
</context>
<context>
    <name>CaseType</name>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Parcel recall</source>
        <translation>快件退回</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Change address…</source>
        <translation>修改地址…</translation>
    </message>
    <message>
        <source>Change item…</source>
        <translation>修改商品…</translation>
    </message>
    <message>
        <source>Special request…</source>
        <translation>特殊要求…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Reload the order</source>
        <translation>重新载入订单</translation>
    </message>
    <message>
        <source>Customer has confirmed</source>
        <translation>客户已确认</translation>
    </message>
    <message>
        <source>Urgent (the printer sees it first)</source>
        <translation>加急（打单员优先处理）</translation>
    </message>
    <message>
        <source>No order printer is on shift now (duty roster): the request waits until one starts. Tell the supervisor if it cannot wait.</source>
        <translation>值班表显示现在没有打单人员在班：请求要等到打单人员上班才会处理。如不能等，请告知主管。</translation>
    </message>
    <message>
        <source>What happens next:</source>
        <translation>接下来会怎样：</translation>
    </message>
    <message>
        <source>Order {order_no} · {stage} · {name}</source>
        <translation>订单 {order_no} · {stage} · {name}</translation>
    </message>
    <message>
        <source>It goes ahead as described as soon as you save.</source>
        <translation>保存后立即按上述方式处理。</translation>
    </message>
    <message>
        <source>Saved as waiting for the customer&apos;s confirmation: nothing changes and nobody is told until you mark that the customer confirmed.</source>
        <translation>保存为“等待客户确认”：在您标记客户已确认之前，订单不会改动，也不会通知任何人。</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>旺旺 / IM</source>
        <translation>旺旺 / 在线客服</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>CloseForm</name>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close case {case_no}? Nothing more can be done on it.</source>
        <translation>将售后单 {case_no} 结案？结案后不能再做任何处理。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Complaint {no}</source>
        <translation>投诉单 {no}</translation>
    </message>
    <message>
        <source>What the customer was told, why it goes up, or how it was resolved</source>
        <translation>告诉客户的内容、升级原因或处理结果</translation>
    </message>
    <message>
        <source>Record first response</source>
        <translation>登记首次响应</translation>
    </message>
    <message>
        <source>Escalate to the supervisor</source>
        <translation>升级给主管</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>登记解决</translation>
    </message>
    <message>
        <source>Follow-up call (回访): satisfaction 1–5</source>
        <translation>回访：满意度 1–5 分</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>处理速度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>处理准确</translation>
    </message>
    <message>
        <source>Record follow-up call</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Signed steps</source>
        <translation>签名记录</translation>
    </message>
    <message>
        <source>{channel} · {category} · {priority} · customer {customer}</source>
        <translation>{channel} · {category} · {priority} · 客户 {customer}</translation>
    </message>
    <message>
        <source>Owner: {owner}; order: {order}</source>
        <translation>负责人：{owner}；订单：{order}</translation>
    </message>
    <message>
        <source>First response due {respond}; resolution due {resolve}</source>
        <translation>首次响应时限 {respond}；解决时限 {resolve}</translation>
    </message>
    <message>
        <source>Escalated to the supervisor at {time}</source>
        <translation>已于 {time} 升级给主管</translation>
    </message>
    <message>
        <source>About staff member: {name}</source>
        <translation>被投诉员工：{name}</translation>
    </message>
    <message>
        <source>Confirmed against {name} by {by} at {time}</source>
        <translation>{by} 已于 {time} 确认为 {name} 的责任</translation>
    </message>
    <message>
        <source>Satisfaction: attitude {a}, speed {s}, accuracy {c}</source>
        <translation>满意度：态度 {a}，速度 {s}，准确 {c}</translation>
    </message>
    <message>
        <source>Confirm against {name}</source>
        <translation>确认为 {name} 的责任</translation>
    </message>
</context>
<context>
    <name>ComplaintState</name>
    <message>
        <source>Waiting for a response</source>
        <translation>待首次响应</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>Resolved, follow-up due</source>
        <translation>已解决，待回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>ComplaintStep</name>
    <message>
        <source>Opened</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Escalated to the supervisor</source>
        <translation>已升级给主管</translation>
    </message>
    <message>
        <source>Escalated automatically: deadline passed</source>
        <translation>超时自动升级</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Confirmed against staff member</source>
        <translation>已确认为员工责任</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>no first response by the deadline</source>
        <translation>超过首次响应时限未响应</translation>
    </message>
    <message>
        <source>not resolved by the deadline</source>
        <translation>超过解决时限未解决</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>overdue {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余 {span}</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Mine only</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Complaint no.</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Dispute no.</source>
        <translation>维权编号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Case or order</source>
        <translation>售后单或订单</translation>
    </message>
    <message>
        <source>Platform&apos;s deadline</source>
        <translation>平台截止时间</translation>
    </message>
    <message>
        <source>Disputes on the platforms (维权中)</source>
        <translation>平台维权（维权中）</translation>
    </message>
</context>
<context>
    <name>ConfirmForm</name>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>In AfterDesk</source>
        <translation>售后台中的值</translation>
    </message>
    <message>
        <source>On the platform</source>
        <translation>平台上的值</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已处理</translation>
    </message>
</context>
<context>
    <name>CountedCasesModel</name>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>CountedComplaintsModel</name>
    <message>
        <source>Complaint</source>
        <translation>投诉单</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>首次响应期限</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CountedDisputesModel</name>
    <message>
        <source>Dispute</source>
        <translation>维权单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Buyer&apos;s claim</source>
        <translation>买家诉求</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>结果时间</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>CourierModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>单号规则</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Ranges</source>
        <translation>号段</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Where does AfterDesk keep its data?</source>
        <translation>售后台的数据存放在哪里？</translation>
    </message>
    <message>
        <source>You can change this later in AfterDesk → Settings.</source>
        <translation>以后可在“售后台 → 设置”中更改。</translation>
    </message>
    <message>
        <source>This PC alone: the built-in database file</source>
        <translation>仅本机使用：内置数据库文件</translation>
    </message>
    <message>
        <source>The team&apos;s server (PostgreSQL): several PCs work on the same orders</source>
        <translation>团队服务器（PostgreSQL）：多台电脑处理同一批订单</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or server.shop.lan</source>
        <translation>例如 192.168.1.10 或 server.shop.lan</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>The team&apos;s server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The password is kept in this PC&apos;s keyring, never in a settings file.</source>
        <translation>密码保存在本机的系统密钥环中，绝不写入设置文件。</translation>
    </message>
    <message>
        <source>Connected. The database is empty: AfterDesk sets it up next.</source>
        <translation>已连接。数据库是空的：下一步由售后台初始化。</translation>
    </message>
    <message>
        <source>Connected to an AfterDesk database without staff yet: next, create its first administrator.</source>
        <translation>已连接到尚无员工的售后台数据库：下一步创建第一位管理员。</translation>
    </message>
    <message>
        <source>Connected to your team&apos;s AfterDesk database: this PC joins it, and each person signs in with their own account.</source>
        <translation>已连接到团队的售后台数据库：本机将加入使用，每人用自己的账号登录。</translation>
    </message>
    <message>
        <source>Connected, but the database has an older AfterDesk schema: upgrade it on the server first (README, “Upgrades”).</source>
        <translation>已连接，但数据库是旧版售后台的结构：请先在服务器上升级（见 README“升级”）。</translation>
    </message>
    <message>
        <source>Connected, but the database was made by a newer AfterDesk: update AfterDesk on this PC.</source>
        <translation>已连接，但数据库由更新版本的售后台创建：请更新本机的售后台。</translation>
    </message>
    <message>
        <source>Connected, but the database holds other tables, not AfterDesk&apos;s: choose an empty database.</source>
        <translation>已连接，但数据库中有其他程序的表，不是售后台的：请选择一个空数据库。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>AfterDesk cannot open the database</source>
        <translation>售后台无法打开数据库</translation>
    </message>
    <message>
        <source>Try another database: a SQLite file (sqlite:///C:/path/afterdesk.sqlite) or the team&apos;s server (postgresql://user@host/afterdesk).</source>
        <translation>请换一个数据库：SQLite 文件（sqlite:///C:/path/afterdesk.sqlite）或团队服务器（postgresql://user@host/afterdesk）。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>AfterDesk database file</source>
        <translation>售后台数据库文件</translation>
    </message>
    <message>
        <source>AfterDesk database (*.sqlite *.db);;All files (*)</source>
        <translation>售后台数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>{name}&apos;s shift on {day}</source>
        <translation>{name} 在 {day} 的班次</translation>
    </message>
    <message>
        <source>Off (no shift)</source>
        <translation>休息（不排班）</translation>
    </message>
    <message>
        <source>Generating the month again keeps this change, and the approved swaps, on top of the new rotation.</source>
        <translation>重新生成本月值班表时，这项修改和已批准的换班都会保留在新的轮班之上。</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>Manifests</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>Print batches</source>
        <translation>打单批次</translation>
    </message>
    <message>
        <source>Exchanges shipped</source>
        <translation>已发出的换货</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DeadlineFrom</name>
    <message>
        <source>a number of hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <source>the same-day cut-off</source>
        <translation>当天的截单时间</translation>
    </message>
    <message>
        <source>the platform&apos;s deadline, entered on each dispute</source>
        <translation>平台规定的期限，在每个维权上录入</translation>
    </message>
    <message>
        <source>each complaint&apos;s priority (the complaint settings)</source>
        <translation>每个投诉的优先级（投诉设置）</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <source>Deadlines and complaint categories</source>
        <translation>时限与投诉类别</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Task deadlines</source>
        <translation>任务时限</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Hours are working hours where working hours are set, otherwise on the clock. Save checks and saves everything at once: a refused value saves nothing.</source>
        <translation>设置了工作时间的，按工作时间计时，否则按自然时间计时。保存时一次检查并保存全部内容：有一项被拒绝，就什么都不保存。</translation>
    </message>
    <message>
        <source>A category&apos;s name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Categories (a retired one stays on its complaints)</source>
        <translation>投诉类别（停用的类别仍保留在已登记的投诉上）</translation>
    </message>
    <message>
        <source>First response (h)</source>
        <translation>首次响应（小时）</translation>
    </message>
    <message>
        <source>Resolution (h)</source>
        <translation>解决（小时）</translation>
    </message>
    <message>
        <source>Deadlines by priority</source>
        <translation>按优先级的时限</translation>
    </message>
    <message>
        <source>Hours each kind of task may take. A shop&apos;s column is for a shop whose platform differs; empty: the team&apos;s.</source>
        <translation>每类任务可用的小时数。店铺一列用于平台规则不同的店铺；留空：按团队设置。</translation>
    </message>
    <message>
        <source>Shifts as 09:00-11:30, 12:30-18:30, 18:30-23:30. The team&apos;s empty: deadlines run on the clock. A shop&apos;s empty: the team&apos;s.</source>
        <translation>班次写成 09:00-11:30, 12:30-18:30, 18:30-23:30。团队留空：时限按自然时间计算。店铺留空：按团队设置。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>on the clock</source>
        <translation>按自然时间</translation>
    </message>
    <message>
        <source>working hours</source>
        <translation>按工作时间</translation>
    </message>
    <message>
        <source>{clock}; {hours} h if never set</source>
        <translation>{clock}；未设置时为 {hours} 小时</translation>
    </message>
    <message>
        <source>{name} · {count} complaint(s)</source>
        <translation>{name} · {count} 条投诉</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>恢复启用</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Dispute on the platform (维权) — {ref}</source>
        <translation>平台维权 — {ref}</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>登记结果</translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation>证据包…</translation>
    </message>
    <message>
        <source>Default: the shop&apos;s platform</source>
        <translation>默认：店铺所在平台</translation>
    </message>
    <message>
        <source>What the buyer claims on the platform</source>
        <translation>买家在平台上的诉求</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Dispute no.</source>
        <translation>维权编号</translation>
    </message>
    <message>
        <source>Platform&apos;s deadline</source>
        <translation>平台截止时间</translation>
    </message>
    <message>
        <source>Buyer&apos;s claim</source>
        <translation>买家诉求</translation>
    </message>
    <message>
        <source>Mark as in dispute</source>
        <translation>登记为维权中</translation>
    </message>
    <message>
        <source>Disputes of this order</source>
        <translation>此订单的维权</translation>
    </message>
    <message>
        <source>New dispute</source>
        <translation>新维权</translation>
    </message>
    <message>
        <source>{no} ({platform}) · deadline {deadline} · {owner} · {state}</source>
        <translation>{no}（{platform}）· 截止 {deadline} · {owner} · {state}</translation>
    </message>
    <message>
        <source>Evidence pack {ref}: {pages} pages, {photos} photos</source>
        <translation>证据包 {ref}：{pages} 页，{photos} 张照片</translation>
    </message>
</context>
<context>
    <name>DocLanguage</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Request #{id} done</source>
        <translation>要求 #{id} 已处理</translation>
    </message>
    <message>
        <source>Asked by {name} at {time}</source>
        <translation>{name} 于 {time} 提出</translation>
    </message>
    <message>
        <source>optional, e.g. 已重打快递单</source>
        <translation>选填，例如：已重打快递单</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已处理</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>AfterDesk is ready</source>
        <translation>售后台已就绪</translation>
    </message>
    <message>
        <source>Open the Import page to import the first orders</source>
        <translation>打开“导入”页面，导入第一批订单</translation>
    </message>
    <message>
        <source>Everything you answered can be changed later:
• the database: menu AfterDesk → Settings…
• staff, roles and passwords: the Staff page
• shops, label sender, default courier and cut-off: the Shops page
• orders come in on the Import page (a platform&apos;s export file).</source>
        <translation>以上设置以后都可以更改：
• 数据库：菜单“售后台 → 设置…”
• 员工、角色和密码：“员工”页面
• 店铺、面单寄件人、默认快递和截单时间：“店铺”页面
• 订单在“导入”页面导入（平台导出的文件）。</translation>
    </message>
    <message>
        <source>{name} is signed in as the administrator, and the shop {shop} is set up.</source>
        <translation>{name} 已作为管理员登录，店铺“{shop}”已设置好。</translation>
    </message>
    <message>
        <source>Your roles: {roles}. Your pages: {pages}.</source>
        <translation>您的角色：{roles}。您会看到这些页面：{pages}。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Add a score entry — {month}</source>
        <translation>添加评分记录 — {month}</translation>
    </message>
    <message>
        <source>What happened, when</source>
        <translation>发生了什么、什么时候</translation>
    </message>
    <message>
        <source>Order number (optional)</source>
        <translation>订单号（可不填）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>EntryState</name>
    <message>
        <source>Proposed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>EvidencePack</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地区</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Courier and tracking no.</source>
        <translation>快递及运单号</translation>
    </message>
    <message>
        <source>Buyer&apos;s message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Notes (signed and dated)</source>
        <translation>备注（签名并注明日期）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Note with its signature</source>
        <translation>备注及签名</translation>
    </message>
    <message>
        <source>No notes on this order.</source>
        <translation>此订单没有备注。</translation>
    </message>
    <message>
        <source>Dispute on the platform</source>
        <translation>平台维权</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Dispute no.</source>
        <translation>维权编号</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Buyer&apos;s claim</source>
        <translation>买家诉求</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>copy {n}</source>
        <translation>第 {n} 份</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Customer&apos;s reason</source>
        <translation>客户原因</translation>
    </message>
    <message>
        <source>Quality problem at</source>
        <translation>质量问题部位</translation>
    </message>
    <message>
        <source>Order&apos;s tracking no.</source>
        <translation>原订单运单号</translation>
    </message>
    <message>
        <source>Return tracking no.</source>
        <translation>退货运单号</translation>
    </message>
    <message>
        <source>Exchange tracking no.</source>
        <translation>换货运单号</translation>
    </message>
    <message>
        <source>{result}, signed by {name} at {time}</source>
        <translation>{result}，{name} 于 {time} 签字</translation>
    </message>
    <message>
        <source>not signed by the warehouse</source>
        <translation>仓库尚未签字</translation>
    </message>
    <message>
        <source>Warehouse inspection</source>
        <translation>仓库验货</translation>
    </message>
    <message>
        <source>Recall slip</source>
        <translation>快件退回单</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Case {case_no}</source>
        <translation>售后单 {case_no}</translation>
    </message>
    <message>
        <source>Tracking numbers</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Photo {n} of {count}: {purpose}, {name}</source>
        <translation>照片 {n}/{count}：{purpose}，{name}</translation>
    </message>
    <message>
        <source>Added by {name} at {time}; original {w}×{h} px, {kb} KB</source>
        <translation>{name} 于 {time} 添加；原图 {w}×{h} 像素，{kb} KB</translation>
    </message>
    <message>
        <source>SHA-256 of the original file: {digest}</source>
        <translation>原始文件 SHA-256：{digest}</translation>
    </message>
    <message>
        <source>printed {n} time(s), last by {name} at {time}</source>
        <translation>已打印 {n} 次，最近一次由 {name} 于 {time} 打印</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>“原包裹已收到” signed by {name} at {time}</source>
        <translation>“原包裹已收到”由 {name} 于 {time} 签字</translation>
    </message>
    <message>
        <source>“原包裹已收到” not signed yet</source>
        <translation>“原包裹已收到”尚未签字</translation>
    </message>
    <message>
        <source>Evidence pack</source>
        <translation>维权证据包</translation>
    </message>
    <message>
        <source>{subject} · order {order_no} · {shop}</source>
        <translation>{subject} · 订单 {order_no} · {shop}</translation>
    </message>
    <message>
        <source>Page {page}/{pages}</source>
        <translation>第 {page}/{pages} 页</translation>
    </message>
    <message>
        <source>Made by {name} at {time}</source>
        <translation>{name} 于 {time} 生成</translation>
    </message>
</context>
<context>
    <name>ExchangeDayModel</name>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Original order</source>
        <translation>原订单</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Waybill no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>ExchangeModel</name>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>Cleared to ship</source>
        <translation>允许发货</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Signed for by {name}, {time}</source>
        <translation>{name} 验收签字，{time}</translation>
    </message>
    <message>
        <source>Early exchange approved by {name}, {time}</source>
        <translation>{name} 批准先发换货，{time}</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>{count}× · last by {name}, {time}</source>
        <translation>{count} 次 · 最近：{name}，{time}</translation>
    </message>
</context>
<context>
    <name>ExchangePrintPanel</name>
    <message>
        <source>Exchange orders to print</source>
        <translation>待打印换货单</translation>
    </message>
    <message>
        <source>Exchanges whose return the warehouse signed for, or that a supervisor approved early. The label and dispatch note go to the original recipient, marked 换货.</source>
        <translation>仓库已签收退货或主管已批准先发的换货。面单和发货单寄给原收件人，并标注“换货”。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Also printed, not yet shipped (to print again)</source>
        <translation>同时显示已打印、未发货的（可再次打印）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>Dispatch note</source>
        <translation>发货单</translation>
    </message>
    <message>
        <source>Print exchange order…</source>
        <translation>打印换货单…</translation>
    </message>
    <message>
        <source>Waiting: {count}</source>
        <translation>待打印：{count}</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>再次打印</translation>
    </message>
    <message>
        <source>The exchange order of case {case_no} was printed already. Why again?</source>
        <translation>售后单 {case_no} 的换货单已打印过，为什么要再次打印？</translation>
    </message>
    <message>
        <source>Choose an exchange in the list.</source>
        <translation>请在列表中选择一条换货。</translation>
    </message>
    <message>
        <source>Exchange order of case {case_no} printed again (copy {copy}).</source>
        <translation>售后单 {case_no} 的换货单已再次打印（第 {copy} 次）。</translation>
    </message>
    <message>
        <source>Exchange order of case {case_no} printed.</source>
        <translation>售后单 {case_no} 的换货单已打印。</translation>
    </message>
    <message>
        <source>Exchange order {case_no}</source>
        <translation>换货单 {case_no}</translation>
    </message>
</context>
<context>
    <name>ExchangeShippedForm</name>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Exchange tracking no.</source>
        <translation>换货单号</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>The order gets the note “换货已发出，单号为：…” signed by you.</source>
        <translation>订单上会加一条由您签名的备注“换货已发出，单号为：…”。</translation>
    </message>
</context>
<context>
    <name>ExportShipmentsDialog</name>
    <message>
        <source>Export shipments to the platform</source>
        <translation>导出发货信息给平台</translation>
    </message>
    <message>
        <source>Taobao / Tmall (CSV)</source>
        <translation>淘宝 / 天猫（CSV）</translation>
    </message>
    <message>
        <source>JD (Excel)</source>
        <translation>京东（Excel）</translation>
    </message>
    <message>
        <source>Douyin (Excel)</source>
        <translation>抖店（Excel）</translation>
    </message>
    <message>
        <source>Pinduoduo (Excel)</source>
        <translation>拼多多（Excel）</translation>
    </message>
    <message>
        <source>Shopify, through Matrixify (CSV)</source>
        <translation>Shopify，经 Matrixify 导入（CSV）</translation>
    </message>
    <message>
        <source>AfterDesk CSV</source>
        <translation>AfterDesk 通用 CSV</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Only shipments not exported before are written (and any whose waybill number changed). Upload the file in the platform&apos;s bulk-ship page.</source>
        <translation>只写入以前没有导出过的发货（以及运单号有变的）。请在平台的批量发货页面上传此文件。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s) not yet exported</source>
        <translation>
            <numerusform>%n 条发货尚未导出</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s) written to {path}.</source>
        <translation>
            <numerusform>已将 %n 条发货写入 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>No new shipments since the last export: {path} has the headers only.</source>
        <translation>自上次导出以来没有新的发货：{path} 只有表头。</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应内容</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>处理速度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>处理准确</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Return freight</source>
        <translation>退货运费</translation>
    </message>
    <message>
        <source>Inspection notes</source>
        <translation>验货说明</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Defect location</source>
        <translation>问题部位</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>退货地址</translation>
    </message>
    <message>
        <source>Default courier</source>
        <translation>默认快递</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Waybill number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>换班</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <source>Dispute number</source>
        <translation>维权编号</translation>
    </message>
    <message>
        <source>Buyer&apos;s claim</source>
        <translation>买家诉求</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Dismissal below</source>
        <translation>低于此分解雇</translation>
    </message>
    <message>
        <source>Reward at</source>
        <translation>奖励分数线</translation>
    </message>
    <message>
        <source>Team&apos;s full marks</source>
        <translation>团队达标分</translation>
    </message>
    <message>
        <source>Team&apos;s failure below</source>
        <translation>团队不及格线</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Supervisor&apos;s bonus</source>
        <translation>主管奖励</translation>
    </message>
    <message>
        <source>Supervisor&apos;s penalty</source>
        <translation>主管扣款</translation>
    </message>
    <message>
        <source>元 a point</source>
        <translation>每分金额（元）</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>Welcome to AfterDesk (售后台)</source>
        <translation>欢迎使用售后台</translation>
    </message>
    <message>
        <source>The server&apos;s password cannot be remembered on this PC ({why}), so AfterDesk asks for it once per session.</source>
        <translation>本机无法记住服务器密码（{why}），因此售后台每次启动时询问一次。</translation>
    </message>
</context>
<context>
    <name>FollowupDialogs</name>
    <message>
        <source>{kind} {key} · {title}
Owner: {owner} · due {deadline}</source>
        <translation>{kind} {key} · {title}
负责人：{owner} · 期限 {deadline}</translation>
    </message>
</context>
<context>
    <name>FormatId</name>
    <message>
        <source>Taobao/Tmall order report</source>
        <translation>淘宝/天猫订单报表</translation>
    </message>
    <message>
        <source>JD order export</source>
        <translation>京东订单导出</translation>
    </message>
    <message>
        <source>Douyin (抖店) order export</source>
        <translation>抖店订单导出</translation>
    </message>
    <message>
        <source>Pinduoduo order export</source>
        <translation>拼多多订单导出</translation>
    </message>
    <message>
        <source>Shopify orders export</source>
        <translation>Shopify 订单导出</translation>
    </message>
    <message>
        <source>Other CSV/XLSX (columns mapped)</source>
        <translation>其他 CSV/XLSX（按列对应）</translation>
    </message>
</context>
<context>
    <name>FreightPayer</name>
    <message>
        <source>Shop pays both legs</source>
        <translation>店铺承担来回运费</translation>
    </message>
    <message>
        <source>Customer pays the return leg</source>
        <translation>客户承担退回运费</translation>
    </message>
</context>
<context>
    <name>HandedOverModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>What the customer asked</source>
        <translation>客户的要求</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>转交人</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>提出时间</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Hand-over</source>
        <translation>快递交接</translation>
    </message>
    <message>
        <source>Hand-over to the courier</source>
        <translation>交接给快递员</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Scan the waybill number on each parcel</source>
        <translation>逐件扫描包裹上的运单号</translation>
    </message>
    <message>
        <source>Take out the chosen parcel</source>
        <translation>移出选中的包裹</translation>
    </message>
    <message>
        <source>Preview manifest…</source>
        <translation>预览交接单…</translation>
    </message>
    <message>
        <source>Print manifest and hand over…</source>
        <translation>打印交接单并交接…</translation>
    </message>
    <message>
        <source>Choose the courier, then scan each parcel.</source>
        <translation>先选快递公司，再逐件扫描包裹。</translation>
    </message>
    <message>
        <source>Save the manifest</source>
        <translation>保存交接单</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the courier first.</source>
        <translation>请先选择快递公司。</translation>
    </message>
    <message>
        <source>✓ {number} ({orders}): {count} parcels for {courier}</source>
        <translation>✓ {number}（{orders}）：{courier} 共 {count} 件</translation>
    </message>
    <message>
        <source>exchange {case_no} of order {order_no}</source>
        <translation>订单 {order_no} 的换货 {case_no}</translation>
    </message>
    <message>
        <source>Choose the parcel to take out in the list.</source>
        <translation>请在清单中选择要移出的包裹。</translation>
    </message>
    <message>
        <source>{number} taken out: {count} parcels left.</source>
        <translation>{number} 已移出：还剩 {count} 件。</translation>
    </message>
    <message>
        <source>Manifest (not yet confirmed)</source>
        <translation>交接单（尚未确认）</translation>
    </message>
    <message>
        <source>The list is empty: scan the parcels first.</source>
        <translation>清单是空的：请先扫描包裹。</translation>
    </message>
    <message>
        <source>Manifest {manifest}: {count} parcels handed to {courier}, orders shipped.</source>
        <translation>交接单 {manifest}：{count} 件已交给 {courier}，订单已发货。</translation>
    </message>
    <message>
        <source>Manifest {manifest}</source>
        <translation>交接单 {manifest}</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Recipient&apos;s phone</source>
        <translation>收货人电话</translation>
    </message>
    <message>
        <source>Whole address (one column)</source>
        <translation>完整地址（一列）</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>商品标题</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item attributes</source>
        <translation>商品属性</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Buyer&apos;s message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>Seller&apos;s memo</source>
        <translation>卖家备注</translation>
    </message>
    <message>
        <source>Invoice title</source>
        <translation>发票抬头</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import orders from a platform&apos;s export</source>
        <translation>从平台导出文件导入订单</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>the platform&apos;s only shop</source>
        <translation>该平台唯一的店铺</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>从文件识别</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Drop the export here, or choose it: on Taobao/Tmall the order report and its items file together. Nothing is written until you press Import.</source>
        <translation>把导出文件拖到这里，或点“选择文件…”：淘宝/天猫请同时选订单报表和宝贝报表。按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Keep AfterDesk&apos;s value</source>
        <translation>保留售后台的值</translation>
    </message>
    <message>
        <source>Take the platform&apos;s value</source>
        <translation>采用平台的值</translation>
    </message>
    <message>
        <source>Only before the order is printed; after that, send a change request.</source>
        <translation>只能在订单打印之前采用；打印之后请发修改请求。</translation>
    </message>
    <message>
        <source>Double-click a conflict to open its order.</source>
        <translation>双击一条冲突即可打开它的订单。</translation>
    </message>
    <message>
        <source>Orders as they will be stored</source>
        <translation>将要保存的订单</translation>
    </message>
    <message>
        <source>Refused lines</source>
        <translation>拒收的行</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Past imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Save refused lines…</source>
        <translation>保存拒收的行…</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts (%n open)</source>
        <translation>
            <numerusform>冲突（%n 条待处理）</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <source>Exports (*.csv *.xlsx *.txt *.zip);;All files (*)</source>
        <translation>导出文件 (*.csv *.xlsx *.txt *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {files}…</source>
        <translation>正在读取 {files}…</translation>
    </message>
    <message>
        <source>This file was imported already (import {run}); nothing would change.</source>
        <translation>这个文件已经导入过（第 {run} 次导入），不会有任何改变。</translation>
    </message>
    <message>
        <source>{shop} (a new shop, made by this import)</source>
        <translation>{shop}（新店铺，由本次导入创建）</translation>
    </message>
    <message>
        <source>{format}: {files} → shop {shop}</source>
        <translation>{format}：{files} → 店铺 {shop}</translation>
    </message>
    <message>
        <source>New {new} · updated {updated} · unchanged {unchanged} · conflicts {conflicts} · refused {refused}</source>
        <translation>新增 {new} · 更新 {updated} · 未变 {unchanged} · 冲突 {conflicts} · 拒收 {refused}</translation>
    </message>
    <message numerus="yes">
        <source>Refused lines (%n)</source>
        <translation>
            <numerusform>拒收的行（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing {files}…</source>
        <translation>正在导入 {files}…</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n order(s) came in. Import the same file again to bring in the rest.</source>
        <translation>
            <numerusform>已取消：已导入 %n 个订单。再次导入同一个文件即可导入其余订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n order(s) read.</source>
        <translation>
            <numerusform>导入完成：共读取 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Settle the conflicts: double-click one to open its order.</source>
        <translation>请处理冲突：双击一条即可打开它的订单。</translation>
    </message>
    <message>
        <source>Save the refused lines</source>
        <translation>保存拒收的行</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n refused line(s) saved to {path}: fix them and import that file.</source>
        <translation>
            <numerusform>%n 条拒收的行已保存到 {path}：改正后导入该文件即可。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemChangeDialog</name>
    <message>
        <source>Change an item of order {order_no}</source>
        <translation>修改订单 {order_no} 的商品</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>添加属性</translation>
    </message>
    <message>
        <source>Change a value, e.g. 尺码 39 → 40, 颜色 黑 → 灰.</source>
        <translation>修改属性值，例如：尺码 39 → 40，颜色 黑 → 灰。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>客户拍下</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>the SKU of the new item</source>
        <translation>新商品的 SKU</translation>
    </message>
    <message>
        <source>Looking up the SKU…</source>
        <translation>正在查找 SKU…</translation>
    </message>
    <message>
        <source>The item will carry SKU {sku}.</source>
        <translation>该商品将使用 SKU {sku}。</translation>
    </message>
    <message>
        <source>Several SKUs have these attributes: {skus}. Type the one to use.</source>
        <translation>有多个 SKU 是这些属性：{skus}。请填写要用的那一个。</translation>
    </message>
    <message>
        <source>The shop has no SKU with these attributes: type the new item&apos;s SKU.</source>
        <translation>店铺没有这些属性的 SKU：请填写新商品的 SKU。</translation>
    </message>
    <message>
        <source>The shop&apos;s catalogue does not know this product: it keeps SKU {sku} unless you type another.</source>
        <translation>店铺商品目录中没有这个商品：保留 SKU {sku}，除非您填写另一个。</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>This PC joins your team</source>
        <translation>本机加入团队</translation>
    </message>
    <message>
        <source>The server already holds your team&apos;s AfterDesk database with its staff. This PC now opens it at every start: press Finish and sign in with the account your administrator gave you.</source>
        <translation>服务器上已有团队的售后台数据库和员工账号。本机以后每次启动都打开它：请点“完成”，然后用管理员给您的账号登录。</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>the keyring fails: {backend}</source>
        <translation>密钥环出错：{backend}</translation>
    </message>
    <message>
        <source>no usable keyring backend ({backend})</source>
        <translation>没有可用的密钥环后端（{backend}）</translation>
    </message>
    <message>
        <source>the keyring backend {backend} is not secure</source>
        <translation>密钥环后端 {backend} 不安全</translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AfterDesk (售后台) — {name} ({roles}) — {where}</source>
        <translation>售后台 — {name}（{roles}）— {where}</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Signed in as {name}. Scan or type in the search box and press Enter.</source>
        <translation>已登录：{name}。在搜索框中扫码或输入后按回车。</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>已登录：{name}。</translation>
    </message>
    <message>
        <source>Exchanges to print</source>
        <translation>换货打印</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>&amp;AfterDesk</source>
        <translation>售后台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find order</source>
        <translation>查找订单(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About AfterDesk…</source>
        <translation>关于 AfterDesk(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>AfterDesk (售后台) {version}
Database schema {schema}; this database: {current}</source>
        <translation>AfterDesk（售后台）{version}
数据库结构 {schema}；当前数据库：{current}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>About AfterDesk</source>
        <translation>关于 AfterDesk</translation>
    </message>
</context>
<context>
    <name>ManifestDayModel</name>
    <message>
        <source>Manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Columns of {file}</source>
        <translation>{file} 的列</translation>
    </message>
    <message>
        <source>AfterDesk does not know this file&apos;s format. Choose which column holds each field, once: the choice is kept for the shop and offered next time. Fields marked * are needed; an address is one whole-address column, or province and street columns.</source>
        <translation>售后台不认识这个文件的格式。请为每个字段选出对应的列，只需选一次：选择会按店铺保存，下次自动套用。标 * 的字段必填；地址可以是一列完整地址，也可以是省和街道地址两列。</translation>
    </message>
    <message>
        <source>the shop this file belongs to</source>
        <translation>这个文件所属的店铺</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Save and preview</source>
        <translation>保存并预览</translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>Quality refund rate</source>
        <translation>品质退款率</translation>
    </message>
    <message>
        <source>Average time from request to refund</source>
        <translation>申请到退款的平均时长</translation>
    </message>
    <message>
        <source>Dispute rate</source>
        <translation>维权率</translation>
    </message>
    <message>
        <source>Disputes lost</source>
        <translation>维权败诉数</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>投诉分类</translation>
    </message>
    <message>
        <source>First responses within their deadline</source>
        <translation>首次响应及时率</translation>
    </message>
    <message>
        <source>% of paid orders</source>
        <translation>占付款订单 %</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>disputes</source>
        <translation>维权数（起）</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉数（件）</translation>
    </message>
    <message>
        <source>% of the deadlines passed</source>
        <translation>占已到期限 %</translation>
    </message>
</context>
<context>
    <name>MissingWaybillsDialog</name>
    <message>
        <source>Orders without a waybill number</source>
        <translation>没有运单号的订单</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) of this batch have no courier or no waybill number: their shipping label would carry none. Print a packing label for them instead (marked “打包标签 — 非快递面单”, not a shipping label), or hold them back until their numbers are loaded, imported or typed in?</source>
        <translation>
            <numerusform>本批有 %n 个订单没有快递公司或运单号：它们的快递面单上将没有单号。改为打印打包标签（标明“打包标签 — 非快递面单”，不是快递面单），还是先暂不打印，等单号装入、导入或录入后再打？</numerusform>
        </translation>
    </message>
    <message>
        <source>Print packing labels</source>
        <translation>打印打包标签</translation>
    </message>
    <message>
        <source>Hold them back</source>
        <translation>暂不打印</translation>
    </message>
</context>
<context>
    <name>MonthState</name>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved (locked)</source>
        <translation>已批准（已锁定）</translation>
    </message>
</context>
<context>
    <name>MyTasksPage</name>
    <message>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>What is yours to do, overdue first, with its deadline. Scan a case or order number to open its task; double-click a row to open it.</source>
        <translation>您要办的事，超时的在前，各有期限。扫描售后单号或订单号打开对应任务；双击一行打开。</translation>
    </message>
    <message>
        <source>Scan or type a case or order number</source>
        <translation>扫描或输入售后单号、订单号</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>所有人的</translation>
    </message>
    <message>
        <source>Show everyone&apos;s tasks with their owners, not only mine</source>
        <translation>显示所有人的任务及其负责人，不只是我的</translation>
    </message>
    <message>
        <source>Show one kind of task, with its count</source>
        <translation>只显示一类任务及其数量</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the next {n} of each kind shown</source>
        <translation>每类再显示 {n} 条</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Tasks: {n} · overdue: {late}</source>
        <translation>任务：{n} · 超时：{late}</translation>
    </message>
    <message>
        <source>{kind} ({open} · {late} late)</source>
        <translation>{kind}（{open} · 超时 {late}）</translation>
    </message>
    <message>
        <source>Choose a task to see its reminders and open it.</source>
        <translation>选择一个任务，查看提醒并打开。</translation>
    </message>
    <message>
        <source>{kind} {key}: due {deadline}</source>
        <translation>{kind} {key}：期限 {deadline}</translation>
    </message>
    <message>
        <source>Reminder from {by} at {at}: {text}</source>
        <translation>{by} 于 {at} 提醒：{text}</translation>
    </message>
    <message>
        <source>No task of yours for {code}.</source>
        <translation>{code} 没有您的任务。</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Buyer&apos;s ID or name (default: the order&apos;s buyer)</source>
        <translation>买家账号或姓名（默认：订单的买家）</translation>
    </message>
    <message>
        <source>If the complaint is about an order</source>
        <translation>投诉涉及订单时填写</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Nobody named</source>
        <translation>未指明</translation>
    </message>
    <message>
        <source>What the customer complains about</source>
        <translation>客户投诉的内容</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>About staff member</source>
        <translation>被投诉员工</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>OSError</name>
    <message>
        <source>there is no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>this account may not open it</source>
        <translation>当前系统账户无权打开它</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>another program is using it</source>
        <translation>另一个程序正在使用它</translation>
    </message>
</context>
<context>
    <name>OnDuty</name>
    <message>
        <source>On duty now: {names}</source>
        <translation>当前在班：{names}</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Open an after-sales case</source>
        <translation>开售后单</translation>
    </message>
    <message>
        <source>What the customer says, e.g. 鞋底开胶</source>
        <translation>按客户原话填写，例如：鞋底开胶</translation>
    </message>
    <message>
        <source>e.g. 同款 38 码</source>
        <translation>例如：同款 38 码</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>Quality problem (质量问题): the shop pays both legs</source>
        <translation>质量问题：店铺承担来回运费</translation>
    </message>
    <message>
        <source>Where the defect is, e.g. 左脚鞋头缝线</source>
        <translation>问题所在部位，例如：左脚鞋头缝线</translation>
    </message>
    <message>
        <source>Cannot be photographed (lining, insole)</source>
        <translation>无法拍照（如内里、鞋垫）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Defect location</source>
        <translation>问题部位</translation>
    </message>
    <message>
        <source>Only on a quality claim: the shop reimburses it.</source>
        <translation>仅限质量问题：由店铺报销。</translation>
    </message>
    <message>
        <source>Return parcel (if already sent)</source>
        <translation>退回包裹（如已寄出）</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Card in parcel</source>
        <translation>包裹内售后卡</translation>
    </message>
    <message>
        <source>Freight advanced</source>
        <translation>客户垫付运费</translation>
    </message>
    <message>
        <source>Wait until the photos are ready.</source>
        <translation>请等照片处理完毕。</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside AfterDesk; nothing more was changed. The details are in the log. Please tell your administrator.</source>
        <translation>售后台内部出错，未做其他修改。详情见日志，请告知管理员。</translation>
    </message>
</context>
<context>
    <name>OrderCasesBox</name>
    <message>
        <source>After-sales {case_no}: {step} — {who} {at}</source>
        <translation>售后单 {case_no}：{step} — {who} {at}</translation>
    </message>
    <message>
        <source>After-sales cases (售后单)</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>No after-sales case on this order.</source>
        <translation>此订单没有售后单。</translation>
    </message>
    <message>
        <source>Open after-sales case…</source>
        <translation>开售后单…</translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation>维权…</translation>
    </message>
    <message>
        <source>{step}, {who} {at}</source>
        <translation>{step}，{who} {at}</translation>
    </message>
    <message>
        <source>Double-click to open the case</source>
        <translation>双击打开售后单</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>Search for an order or pick one from the list.</source>
        <translation>搜索订单，或从列表中选择一个。</translation>
    </message>
    <message>
        <source>This order has a red-flag (红旗) note</source>
        <translation>此订单有红旗备注</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>暂无备注。</translation>
    </message>
    <message>
        <source>(corrects note #{id})</source>
        <translation>（更正备注 #{id}）</translation>
    </message>
    <message>
        <source>Red flag (红旗): for the order printer&apos;s attention</source>
        <translation>红旗：提醒打单人员注意</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation>省 / 市</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
</context>
<context>
    <name>OrderRequestsBox</name>
    <message>
        <source>Change requests</source>
        <translation>修改要求</translation>
    </message>
    <message>
        <source>No change requests.</source>
        <translation>没有修改要求。</translation>
    </message>
    <message>
        <source>Open for more than {minutes} minutes: the printer has not done it yet.</source>
        <translation>已超过 {minutes} 分钟：打单员尚未处理。</translation>
    </message>
    <message>
        <source>#{id} {kind} — {state}</source>
        <translation>#{id} {kind} — {state}</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Order no., tracking no., phone, buyer id or name — or scan a barcode</source>
        <translation>订单号、物流单号、电话、买家ID或姓名——或扫描条码</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No order matches “{text}”.</source>
        <translation>没有与“{text}”匹配的订单。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) found.</source>
        <translation>
            <numerusform>找到 %n 个订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest first: %n order(s) loaded; scroll for more.</source>
        <translation>
            <numerusform>按最新排序：已载入 %n 个订单，向下滚动载入更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s).</source>
        <translation>
            <numerusform>%n 个订单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <source>Withdrawn by the buyer</source>
        <translation>买家已撤销</translation>
    </message>
</context>
<context>
    <name>Packing</name>
    <message>
        <source>the order printer</source>
        <translation>打单人员</translation>
    </message>
</context>
<context>
    <name>PackingPage</name>
    <message>
        <source>Packing desk</source>
        <translation>打包贴单</translation>
    </message>
    <message>
        <source>Scan the dispatch note&apos;s order barcode, then each item, then the waybill number on the shipping label.</source>
        <translation>先扫描发货单上的订单条码，再逐件扫描商品，最后扫描快递单上的运单号。</translation>
    </message>
    <message>
        <source>Scan here</source>
        <translation>在此扫描</translation>
    </message>
    <message>
        <source>Put this order aside</source>
        <translation>此单先放一边</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>尺码 / 颜色</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Still to pack</source>
        <translation>待打包</translation>
    </message>
    <message>
        <source>Tick the chosen item by hand</source>
        <translation>手工勾选所选商品</translation>
    </message>
    <message>
        <source>Exchange {case_no} for order {order_no} · {shop}</source>
        <translation>换货 {case_no}（原订单 {order_no}）· {shop}</translation>
    </message>
    <message>
        <source>Order {order_no} · {shop}</source>
        <translation>订单 {order_no} · {shop}</translation>
    </message>
    <message>
        <source>no waybill number yet</source>
        <translation>尚无运单号</translation>
    </message>
    <message>
        <source>Buyer message: {text}</source>
        <translation>买家留言：{text}</translation>
    </message>
    <message>
        <source>✓ {title} {attributes}: {left} more to pack.</source>
        <translation>✓ {title} {attributes}：还需 {left} 件。</translation>
    </message>
    <message>
        <source>Every item is checked: scan the waybill number on the label.</source>
        <translation>商品已全部核对：请扫描快递单上的运单号。</translation>
    </message>
    <message>
        <source>Scan each item, or tick it by hand.</source>
        <translation>请逐件扫描商品，或手工勾选。</translation>
    </message>
    <message>
        <source>Scan each item.</source>
        <translation>请逐件扫描商品。</translation>
    </message>
    <message>
        <source>Packed: {number}, waybill {waybill}, by {name} at {time}. Scan the next dispatch note.</source>
        <translation>已打包：{number}，运单 {waybill}，{name} 于 {time}。请扫描下一张发货单。</translation>
    </message>
    <message>
        <source>Scan the order barcode on the dispatch note.</source>
        <translation>请扫描发货单上的订单条码。</translation>
    </message>
</context>
<context>
    <name>ParcelModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Waybill no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>扫描时间</translation>
    </message>
    <message>
        <source>Exchange {case_no} ({order_no})</source>
        <translation>换货 {case_no}（{order_no}）</translation>
    </message>
</context>
<context>
    <name>ParcelReceivedForm</name>
    <message>
        <source>Sign “原包裹已收到” (original parcel received) for case {case_no}, tracking number {tracking}?</source>
        <translation>为售后单 {case_no}（物流单号 {tracking}）签收“原包裹已收到”？</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>at least 8 characters, not a common one</source>
        <translation>至少 8 个字符，不能是常见密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>PhotoPurpose</name>
    <message>
        <source>Customer&apos;s evidence</source>
        <translation>客户提供的凭证</translation>
    </message>
    <message>
        <source>Warehouse inspection</source>
        <translation>仓库验货</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Drop or paste (Ctrl+V) photos here; double-click one to view it.</source>
        <translation>将照片拖到此处或粘贴（Ctrl+V）；双击照片可查看大图。</translation>
    </message>
    <message>
        <source>{name}
{purpose}
Added by {who} at {time}
{width}×{height}</source>
        <translation>{name}
{purpose}
{who} 于 {time} 添加
{width}×{height}</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新）</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>照片 ({patterns})</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n photo(s)…</source>
        <translation>
            <numerusform>正在准备 %n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <source>clipboard.png</source>
        <translation>剪贴板.png</translation>
    </message>
    <message>
        <source>There is no photo to paste: copy an image or a photo file.</source>
        <translation>没有可粘贴的照片：请先复制图片或照片文件。</translation>
    </message>
    <message>
        <source>{name} — added by {who} at {time}</source>
        <translation>{name} — {who} 于 {time} 添加</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Other (a CSV/XLSX with its own columns)</source>
        <translation>其他（自定列的 CSV/XLSX）</translation>
    </message>
</context>
<context>
    <name>PoolModel</name>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Numbers left</source>
        <translation>剩余单号</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Warn below</source>
        <translation>低于此数提醒</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>The first {shown} of {total} pages are shown.</source>
        <translation>共 {total} 页，只显示前 {shown} 页。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Sending the pages to {printer}…</source>
        <translation>正在将页面发送到 {printer}…</translation>
    </message>
    <message>
        <source>Page {done} of {total} sent to {printer}</source>
        <translation>已发送第 {done}/{total} 页到 {printer}</translation>
    </message>
    <message>
        <source>Stopping after the page being printed…</source>
        <translation>当前页打印完后停止…</translation>
    </message>
    <message>
        <source>The printer {printer} could not start printing: it may be switched off, disconnected or removed. Nothing was printed.</source>
        <translation>打印机 {printer} 无法开始打印：可能已关机、断开连接或被移除。未打印任何内容。</translation>
    </message>
    <message>
        <source>The printer {printer} stopped after {pages} of {total} pages: check that it is on and connected, then print the rest again.</source>
        <translation>打印机 {printer} 打印了 {pages}/{total} 页后停止：请检查打印机已开机并已连接，然后重新打印剩余页面。</translation>
    </message>
    <message>
        <source>The printer {printer} did not accept the job: check that it is on and connected, then print again.</source>
        <translation>打印机 {printer} 未接受打印任务：请检查打印机已开机并已连接，然后重新打印。</translation>
    </message>
    <message>
        <source>The PDF could not be read, so nothing was printed.</source>
        <translation>无法读取 PDF，未打印任何内容。</translation>
    </message>
    <message>
        <source>Printing cancelled: {pages} of {total} pages went to {printer}.</source>
        <translation>打印已取消：已将 {total} 页中的 {pages} 页发送到 {printer}。</translation>
    </message>
    <message>
        <source>{pages} pages sent to {printer}.</source>
        <translation>已将 {pages} 页发送到 {printer}。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Items (SKU)</source>
        <translation>商品（SKU）</translation>
    </message>
    <message>
        <source>Buyer&apos;s message / seller&apos;s memo</source>
        <translation>买家留言 / 卖家备注</translation>
    </message>
    <message>
        <source> (hidden by the platform)</source>
        <translation>（平台已隐藏）</translation>
    </message>
    <message>
        <source>The platform masked or encrypted these details: the order is not printed until a real address is typed in or exported again.</source>
        <translation>平台对这些信息做了打码或加密：在填入真实地址或重新导出之前，这个订单不会打印。</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>Print their slips now?</source>
        <translation>现在打印其单据吗？</translation>
    </message>
    <message>
        <source>No slips of {orders} were printed in AfterDesk (they were printed elsewhere or moved on by hand). Print their slips now? It is recorded like a reprint, with your reason.</source>
        <translation>{orders} 的单据不是在售后台打印的（在别处打印，或被手工改了状态）。现在打印其单据吗？将和重打一样连同你填写的原因一并记录。</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing: labels, dispatch notes, batches</source>
        <translation>打印：快递面单、发货单、批次</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>All couriers</source>
        <translation>全部快递</translation>
    </message>
    <message>
        <source>Paid by today&apos;s cut-off</source>
        <translation>今日截单前付款</translation>
    </message>
    <message>
        <source>Shop senders…</source>
        <translation>店铺寄件人…</translation>
    </message>
    <message>
        <source>Sender details on each shop&apos;s labels, the cut-off</source>
        <translation>各店铺面单上的寄件人信息、截单时间</translation>
    </message>
    <message>
        <source>Waybill numbers…</source>
        <translation>运单号…</translation>
    </message>
    <message>
        <source>Number pools from the couriers&apos; branches, and the couriers&apos; number patterns</source>
        <translation>快递网点分配的单号池，以及各快递公司的单号规则</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>待打印</translation>
    </message>
    <message>
        <source>Stale copies</source>
        <translation>打印件已过期</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Preview labels…</source>
        <translation>预览面单…</translation>
    </message>
    <message>
        <source>Labels of the chosen orders, marked PREVIEW</source>
        <translation>所选订单的面单，标有“预览”字样</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <source>Export shipments…</source>
        <translation>导出发货…</translation>
    </message>
    <message>
        <source>The shipped orders&apos; waybill numbers, as the platform&apos;s bulk-ship upload</source>
        <translation>已发货订单的运单号，按平台批量发货的格式</translation>
    </message>
    <message>
        <source>Print batch…</source>
        <translation>打印批次…</translation>
    </message>
    <message>
        <source>Paid by today&apos;s cut-off ({time})</source>
        <translation>今日截单前付款（{time}）</translation>
    </message>
    <message>
        <source>Stale copies ({count})</source>
        <translation>打印件已过期（{count}）</translation>
    </message>
    <message>
        <source>Waiting: {ready} ready · {held} held back</source>
        <translation>待打印：{ready} 单可打印 · {held} 单暂缓</translation>
    </message>
    <message>
        <source>Waybill numbers left: {pools}</source>
        <translation>单号池余量：{pools}</translation>
    </message>
    <message>
        <source>The {courier} number pool of {shop} has {left} numbers left (the shop warns below {threshold}): an administrator loads the branch&apos;s next numbers.</source>
        <translation>{shop} 的{courier}单号池只剩 {left} 个单号（店铺设定少于 {threshold} 个时提醒）：请管理员装入网点的新单号。</translation>
    </message>
    <message numerus="yes">
        <source>Batches (%n without PDF)</source>
        <translation>
            <numerusform>批次（%n 个缺少 PDF）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recorded batch(es) have no PDF on this PC (the program stopped before the file was put in place). On the Batches tab choose the batch and press Reprint… to put its PDF in place.</source>
        <translation>
            <numerusform>本机有 %n 个已记录的批次没有 PDF（程序在文件放到位之前停止了）。请在“批次”标签页选中该批次，按“补打…”把它的 PDF 放到位。</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the batch as</source>
        <translation>批次保存为</translation>
    </message>
    <message>
        <source>Printing the batch…</source>
        <translation>正在打印批次…</translation>
    </message>
    <message>
        <source>Batch {batch}: {count} orders printed, {held} held back.</source>
        <translation>批次 {batch}：已打印 {count} 单，暂缓 {held} 单。</translation>
    </message>
    <message>
        <source>Changed while drawing, held back for the next batch: {orders}</source>
        <translation>打印期间有改动，已留到下一批：{orders}</translation>
    </message>
    <message>
        <source>Cover and dispatch notes</source>
        <translation>封面和发货单</translation>
    </message>
    <message>
        <source>Save the reprint as</source>
        <translation>补打保存为</translation>
    </message>
    <message>
        <source>Reprinting…</source>
        <translation>正在补打…</translation>
    </message>
    <message>
        <source>Reprinted {count} orders.</source>
        <translation>已补打 {count} 单。</translation>
    </message>
    <message>
        <source>Dispatch notes</source>
        <translation>发货单</translation>
    </message>
    <message>
        <source>The PDF is in place: {path}</source>
        <translation>PDF 已放到位：{path}</translation>
    </message>
    <message>
        <source>Choose the orders to preview in the list.</source>
        <translation>请在列表中选择要预览的订单。</translation>
    </message>
    <message>
        <source>Labels (preview)</source>
        <translation>面单（预览）</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Return or exchange request</source>
        <translation>退换货申请</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign {key}</source>
        <translation>改派 {key}</translation>
    </message>
    <message>
        <source>Give it to</source>
        <translation>交给</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <source>Transaction or transfer number</source>
        <translation>交易号或转账流水号</translation>
    </message>
    <message>
        <source>¥ {amount} (the return freight the customer advanced)</source>
        <translation>¥ {amount}（客户垫付的退回运费）</translation>
    </message>
    <message>
        <source>None due</source>
        <translation>无需报销</translation>
    </message>
    <message>
        <source>Refund amount (¥)</source>
        <translation>退款金额（¥）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Freight reimbursed</source>
        <translation>报销运费</translation>
    </message>
    <message>
        <source>Order paid</source>
        <translation>订单实付</translation>
    </message>
</context>
<context>
    <name>RefundMethod</name>
    <message>
        <source>Original payment</source>
        <translation>原路退回</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
</context>
<context>
    <name>RefusedModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>拒收原因</translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <source>Not registered: no after-sales case has {code}. Register it as an unannounced return so after-sales can follow it up.</source>
        <translation>未登记：没有售后单包含 {code}。请登记为无登记退件，由售后跟进。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Defect location</source>
        <translation>问题部位</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Return courier</source>
        <translation>退回快递</translation>
    </message>
    <message>
        <source>Return tracking no.</source>
        <translation>退回单号</translation>
    </message>
    <message>
        <source>Card in parcel</source>
        <translation>包裹内售后卡</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warehouse signature</source>
        <translation>仓库签字</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Freight reimbursed</source>
        <translation>已报销运费</translation>
    </message>
    <message>
        <source>Exchange tracking no.</source>
        <translation>换货单号</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>From {start}</source>
        <translation>{start} 起</translation>
    </message>
    <message>
        <source>Until {end}</source>
        <translation>截至 {end}</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>State: {names}</source>
        <translation>状态：{names}</translation>
    </message>
    <message>
        <source>Type: {names}</source>
        <translation>类型：{names}</translation>
    </message>
    <message>
        <source>Staff: {name}</source>
        <translation>经办人：{name}</translation>
    </message>
    <message>
        <source>Search: {text}</source>
        <translation>搜索：{text}</translation>
    </message>
    <message>
        <source>After-sales register</source>
        <translation>售后登记表</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page}/{pages} 页</translation>
    </message>
    <message>
        <source>Printed {time}, {count} cases; audit chain {head}</source>
        <translation>打印于 {time}，共 {count} 条；审计链 {head}</translation>
    </message>
</context>
<context>
    <name>RegisterFilters</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Case, order, tracking no., buyer or phone</source>
        <translation>售后单号、订单号、物流单号、买家或电话</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>After-sales register</source>
        <translation>售后登记表</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>The cases the filters show, as an Excel file</source>
        <translation>将筛选出的售后单导出为 Excel 文件</translation>
    </message>
    <message>
        <source>Print register…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <source>The cases the filters show, as an A4 PDF</source>
        <translation>将筛选出的售后单生成 A4 PDF</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} 个售后单</translation>
    </message>
    <message>
        <source>after-sales-register-{date}.xlsx</source>
        <translation>售后登记表-{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>导出登记表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{count} cases exported to {path}</source>
        <translation>已将 {count} 个售后单导出到 {path}</translation>
    </message>
    <message>
        <source>Drawing the register…</source>
        <translation>正在生成登记表…</translation>
    </message>
    <message>
        <source>Register of {count} cases drawn.</source>
        <translation>登记表已生成，共 {count} 个售后单。</translation>
    </message>
</context>
<context>
    <name>RemindDialog</name>
    <message>
        <source>Remind {owner}</source>
        <translation>提醒 {owner}</translation>
    </message>
    <message>
        <source>e.g. 请今天下班前退款</source>
        <translation>例如：请今天下班前退款</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Send reminder</source>
        <translation>发送提醒</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>order numbers, separated by spaces</source>
        <translation>订单号，用空格分隔</translation>
    </message>
    <message>
        <source>or a whole batch, e.g. P20261124-0001</source>
        <translation>或整个批次，例如 P20261124-0001</translation>
    </message>
    <message>
        <source>e.g. label torn, printer jammed</source>
        <translation>例如：面单撕坏、打印机卡纸</translation>
    </message>
    <message>
        <source>Every reprint is recorded with its reason. A batch reprints its orders still in the warehouse.</source>
        <translation>每次补打都会连同原因一起记录。补打批次时，只补打仍在仓库中的订单。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <source>Name the orders to reprint, or a whole batch.</source>
        <translation>请填写要补打的订单号，或整个批次。</translation>
    </message>
    <message>
        <source>Reprint either orders or a whole batch, not both.</source>
        <translation>只能补打订单或整个批次，不能同时填写。</translation>
    </message>
    <message>
        <source>Write why you reprint: the reason is recorded with the reprint.</source>
        <translation>请填写补打原因：原因会随补打一起记录。</translation>
    </message>
</context>
<context>
    <name>RequestActions</name>
    <message>
        <source>Customer confirmed</source>
        <translation>客户已确认</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>已处理…</translation>
    </message>
    <message>
        <source>The customer confirmed: make the change and tell the printer.</source>
        <translation>客户已确认：修改订单并通知打单员。</translation>
    </message>
    <message>
        <source>The customer confirmed: hand the order to after-sales.</source>
        <translation>客户已确认：将订单转交售后。</translation>
    </message>
    <message>
        <source>The customer changed their mind: nothing will be done.</source>
        <translation>客户改变主意：不做任何处理。</translation>
    </message>
    <message>
        <source>You did what the request asks: the asker sees it is done.</source>
        <translation>您已按要求处理完毕：提出要求的同事会看到已处理。</translation>
    </message>
    <message>
        <source>asked by {name} at {time}</source>
        <translation>{name} 于 {time} 提出</translation>
    </message>
    <message>
        <source>confirmed by {name} at {time}</source>
        <translation>{name} 于 {time} 确认</translation>
    </message>
    <message>
        <source>done by {name} at {time}</source>
        <translation>{name} 于 {time} 处理</translation>
    </message>
</context>
<context>
    <name>RequestKind</name>
    <message>
        <source>Address change</source>
        <translation>修改地址</translation>
    </message>
    <message>
        <source>Item change</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <source>Special request</source>
        <translation>特殊要求</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>取消订单</translation>
    </message>
</context>
<context>
    <name>RequestPath</name>
    <message>
        <source>Not printed yet: changed in the system; the order printer is told.</source>
        <translation>尚未打单：在系统中直接修改，并通知打单人员。</translation>
    </message>
    <message>
        <source>Already printed: the printer retrieves the dispatch note and label from the warehouse and amends or reprints them.</source>
        <translation>已打单：打单人员从仓库取回发货单和快递单，修改或重新打印。</translation>
    </message>
    <message>
        <source>Already packed: the printer retrieves the parcel and reprints.</source>
        <translation>已打包：打单人员取回包裹并重新打单。</translation>
    </message>
    <message>
        <source>Not printed yet: the order printer voids the order; after-sales refunds.</source>
        <translation>尚未打单：打单人员作废订单，售后退款。</translation>
    </message>
    <message>
        <source>Already printed: the printer retrieves and destroys the slips, then voids the order; after-sales refunds.</source>
        <translation>已打单：打单人员取回并销毁单据，然后作废订单，售后退款。</translation>
    </message>
    <message>
        <source>Already packed: the parcel is retrieved and the goods go back to stock, then the order is voided; after-sales refunds.</source>
        <translation>已打包：取回包裹、商品退回库存，然后作废订单，售后退款。</translation>
    </message>
    <message>
        <source>Already shipped: this cannot be changed here. The order goes to after-sales (recall or exchange) with the request attached.</source>
        <translation>已发货：此处无法修改。订单连同请求一起转交售后（快件退回或换货）。</translation>
    </message>
</context>
<context>
    <name>RequestQueueModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>What changes (old → new)</source>
        <translation>修改内容（原 → 新）</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>With the printer since</source>
        <translation>交给打单员的时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Open for more than {minutes} minutes.</source>
        <translation>已超过 {minutes} 分钟未处理。</translation>
    </message>
    <message>
        <source>URGENT · {kind}</source>
        <translation>加急 · {kind}</translation>
    </message>
</context>
<context>
    <name>RequestState</name>
    <message>
        <source>Waiting for the customer&apos;s confirmation</source>
        <translation>等待客户确认</translation>
    </message>
    <message>
        <source>With the order printer</source>
        <translation>待打单人员处理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Handed to after-sales</source>
        <translation>已转交售后</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>My requests</source>
        <translation>我的要求</translation>
    </message>
    <message>
        <source>Request queue</source>
        <translation>打单请求</translation>
    </message>
    <message>
        <source>The changes and cancellations you recorded, and whether the order printer has done them. Amber: open too long.</source>
        <translation>您登记的修改和取消，以及打单员是否已处理。琥珀色：超时未处理。</translation>
    </message>
    <message>
        <source>Customers&apos; changes and cancellations to carry out, urgent first. Mark each one done when it is; the person who asked sees it. Amber: open too long.</source>
        <translation>需要处理的客户修改和取消，加急的排在前面。每处理完一条就标记为已处理，提出要求的同事会看到。琥珀色：超时未处理。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open: {open} · overdue: {overdue}</source>
        <translation>待处理：{open} · 超时：{overdue}</translation>
    </message>
    <message>
        <source>Choose a request to see what it asks.</source>
        <translation>选择一条要求以查看详情。</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>Return tracking no.</source>
        <translation>退回单号</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Card in parcel</source>
        <translation>包裹内售后卡</translation>
    </message>
    <message>
        <source>Freight advanced by the customer</source>
        <translation>客户垫付运费</translation>
    </message>
    <message>
        <source>Only where the shop pays the return leg (quality or approved).</source>
        <translation>仅在店铺承担退回运费时填写（质量问题或已获批准）。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Daily review</source>
        <translation>每日检查</translation>
    </message>
    <message>
        <source>Review done</source>
        <translation>检查完毕</translation>
    </message>
    <message>
        <source>Approvals on After-sales…</source>
        <translation>售后页上的审批…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remind…</source>
        <translation>提醒…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>Show the next {n} of this kind</source>
        <translation>此类再显示 {n} 条</translation>
    </message>
    <message>
        <source>Reviewed by {by} at {at}</source>
        <translation>{by} 已于 {at} 检查</translation>
    </message>
    <message>
        <source>Not reviewed yet today</source>
        <translation>今天尚未检查</translation>
    </message>
    <message>
        <source>No review on: {days}</source>
        <translation>以下日期未检查：{days}</translation>
    </message>
    <message>
        <source>{kind} ({open} · {late} late)</source>
        <translation>{kind}（{open} · 超时 {late}）</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Pre-sales</source>
        <translation>售前客服</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后客服</translation>
    </message>
    <message>
        <source>Order printer</source>
        <translation>打单人员</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles of {name} ({username})</source>
        <translation>{name}（{username}）的角色</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Duty roster {month}</source>
        <translation>值班表 {month}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Duty roster (值班表)</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Generate the month</source>
        <translation>生成本月值班表</translation>
    </message>
    <message>
        <source>Ask to swap…</source>
        <translation>申请换班…</translation>
    </message>
    <message>
        <source>Agree to swap</source>
        <translation>同意换班</translation>
    </message>
    <message>
        <source>Withdraw swap</source>
        <translation>撤回换班</translation>
    </message>
    <message>
        <source>Approve swap</source>
        <translation>批准换班</translation>
    </message>
    <message>
        <source>Refuse swap</source>
        <translation>拒绝换班</translation>
    </message>
    <message>
        <source>Shifts…</source>
        <translation>班次…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>换班</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>With</source>
        <translation>换班对象</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Beyond 3 this month</source>
        <translation>本月超过3次</translation>
    </message>
    <message>
        <source>Double-click to change the day</source>
        <translation>双击修改这一天</translation>
    </message>
    <message>
        <source>Generated again: days you set: {edits}; approved swaps: {swaps}; both kept on top of the new rotation.</source>
        <translation>已重新生成：您设置的日子：{edits}；已批准的换班：{swaps}；都保留在新的轮班之上。</translation>
    </message>
    <message>
        <source>Generated.</source>
        <translation>已生成。</translation>
    </message>
    <message>
        <source>roster-{month}.pdf</source>
        <translation>值班表-{month}.pdf</translation>
    </message>
    <message>
        <source>Print the roster</source>
        <translation>打印值班表</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf)</source>
        <translation>打印用 PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RosterTeam</name>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Order printing</source>
        <translation>打单</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Score rules</source>
        <translation>评分规则</translation>
    </message>
    <message>
        <source>What each rule is worth counts for entries and proposals recorded from now on; a rule turned off is no longer proposed nor given by hand.</source>
        <translation>规则的分数只影响今后登记的记录和建议；停用的规则不再生成建议，也不能手工登记。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source> (up to {top:+d})</source>
        <translation>（最多 {top:+d}）</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>New / updated / unchanged / conflicts / refused</source>
        <translation>新增 / 更新 / 未变 / 冲突 / 拒收</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped after line {line}: import the file again</source>
        <translation>在第 {line} 行后中断：请再次导入该文件</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Returns desk</source>
        <translation>收退件</translation>
    </message>
    <message>
        <source>Scan the returned parcel&apos;s tracking number (or type an order or case number) and press Enter.</source>
        <translation>扫描退回包裹的物流单号（或输入订单号、售后单号）后按回车。</translation>
    </message>
    <message>
        <source>Recalled parcels</source>
        <translation>快件退回</translation>
    </message>
    <message>
        <source>Scan the tracking number of the parcel the courier brought back (or its case or order number) and press Enter.</source>
        <translation>扫描快递员带回包裹的物流单号（或其售后单号、订单号）后按回车。</translation>
    </message>
    <message>
        <source>Scan or type a number</source>
        <translation>扫码或输入单号</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Scanned in this session</source>
        <translation>本次扫描记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Order {order_no}: no after-sales case</source>
        <translation>订单 {order_no}：无售后单</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Registered as {case_no}</source>
        <translation>已登记为 {case_no}</translation>
    </message>
</context>
<context>
    <name>ScanResultView</name>
    <message>
        <source>Scan a parcel&apos;s tracking number, an order or a case number.</source>
        <translation>扫描包裹的物流单号、订单号或售后单号。</translation>
    </message>
    <message>
        <source>Open case…</source>
        <translation>打开售后单…</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>Return parcel</source>
        <translation>退回包裹</translation>
    </message>
    <message>
        <source>Other cases of the order</source>
        <translation>该订单的其他售后单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Card in parcel</source>
        <translation>包裹内售后卡</translation>
    </message>
    <message>
        <source>Wanted in exchange</source>
        <translation>换货要求</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Register as unannounced return…</source>
        <translation>登记为无登记退件…</translation>
    </message>
    <message>
        <source>No after-sales case</source>
        <translation>无售后单</translation>
    </message>
    <message>
        <source>Order {order_no} exists, but it has no after-sales case. If this parcel came back, register it as an unannounced return so after-sales can follow it up.</source>
        <translation>订单 {order_no} 存在，但没有售后单。如果这个包裹是退回来的，请登记为无登记退件，由售后跟进。</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>No after-sales case and no order has {code}. Register it as an unannounced return so after-sales can follow it up.</source>
        <translation>没有任何售后单或订单包含 {code}。请登记为无登记退件，由售后跟进。</translation>
    </message>
    <message>
        <source>(not linked to an order yet)</source>
        <translation>（尚未关联订单）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Unannounced return</source>
        <translation>无登记退件</translation>
    </message>
    <message>
        <source>Inspected and signed: {result}</source>
        <translation>已验货签字：{result}</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>return parcel&apos;s tracking number</source>
        <translation>退回单号</translation>
    </message>
    <message>
        <source>exchange parcel&apos;s tracking number</source>
        <translation>换货单号</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>the order&apos;s own tracking number</source>
        <translation>订单的物流单号</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(where not recorded)</source>
        <translation>（未注明问题部位）</translation>
    </message>
    <message>
        <source>Yes — {where}</source>
        <translation>是 — {where}</translation>
    </message>
    <message>
        <source>(cannot be photographed)</source>
        <translation>（无法拍照）</translation>
    </message>
    <message>
        <source>Photos ({count})</source>
        <translation>照片（{count}）</translation>
    </message>
    <message>
        <source>— {more} more in the case</source>
        <translation>— 售后单中还有 {more} 张</translation>
    </message>
    <message>
        <source>Photos: none</source>
        <translation>照片：无</translation>
    </message>
    <message>
        <source>Nothing for you to do on this case.</source>
        <translation>此售后单暂无需您处理的事项。</translation>
    </message>
</context>
<context>
    <name>ScorePage</name>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Monthly score sheet (奖罚评分表)</source>
        <translation>月度奖罚评分表</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Propose from the records</source>
        <translation>根据记录生成建议</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>添加记录…</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>查看依据</translation>
    </message>
    <message>
        <source>Submit the month</source>
        <translation>提交本月</translation>
    </message>
    <message>
        <source>Approve the month</source>
        <translation>批准本月</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Print / export…</source>
        <translation>打印 / 导出…</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>{n} proposals to decide</source>
        <translation>{n} 条建议待处理</translation>
    </message>
    <message>
        <source>Submitted: it changes only once an administrator sends it back.</source>
        <translation>已提交：管理员退回之后才能修改。</translation>
    </message>
    <message>
        <source>Dismiss the proposal</source>
        <translation>驳回建议</translation>
    </message>
    <message>
        <source>Why does it not hold?</source>
        <translation>为什么不成立？</translation>
    </message>
    <message>
        <source>Send the month back</source>
        <translation>退回本月评分表</translation>
    </message>
    <message>
        <source>The month opens again for the supervisor. What is to be looked at?</source>
        <translation>本月评分表将重新交给主管修改。需要再看哪些地方？</translation>
    </message>
    <message>
        <source>score-sheet-{month}.pdf</source>
        <translation>奖罚评分表-{month}.pdf</translation>
    </message>
    <message>
        <source>Print or export the score sheet</source>
        <translation>打印或导出评分表</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;Excel workbooks (*.xlsx)</source>
        <translation>打印用 PDF (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ScoreReason</name>
    <message>
        <source>Request #{id} on order {order_no}, recorded {at}, never reached the printer; the order went on without it.</source>
        <translation>订单 {order_no} 的请求 #{id}（{at} 登记）没有交给打单人员，订单已按原样继续处理。</translation>
    </message>
    <message>
        <source>Request #{id} on order {order_no} reached the printer {at} and waited {minutes} min (allowed {limit} min).</source>
        <translation>订单 {order_no} 的请求 #{id} 于 {at} 交给打单人员，等待了 {minutes} 分钟（规定 {limit} 分钟）。</translation>
    </message>
    <message>
        <source>Case {case_no} (order {order_no}): the shop pays the freight of a non-quality case, without a supervisor&apos;s approval.</source>
        <translation>售后单 {case_no}（订单 {order_no}）：非质量问题由店铺承担运费，未经主管批准。</translation>
    </message>
    <message>
        <source>Case {case_no} (order {order_no}): a quality claim received by the warehouse without the defect&apos;s location.</source>
        <translation>售后单 {case_no}（订单 {order_no}）：质量问题未登记问题部位，仓库已收货。</translation>
    </message>
    <message>
        <source>Case {case_no} (order {order_no}): free freight promised without a photo; the warehouse did not find the defect.</source>
        <translation>售后单 {case_no}（订单 {order_no}）：未拍照确认就答应承担运费，仓库验货未发现所述问题。</translation>
    </message>
    <message>
        <source>Case {case_no}: a parcel for order {order_no} came back unannounced; check the chat whether the customer had told after-sales.</source>
        <translation>售后单 {case_no}：订单 {order_no} 的包裹退回时售后登记表上无登记；请查旺旺聊天记录，确认客户是否跟售后沟通过。</translation>
    </message>
    <message>
        <source>Swap #{id} on {day} is more than {free} swaps this month.</source>
        <translation>{day} 的换班 #{id} 超过本月 {free} 次。</translation>
    </message>
    <message>
        <source>Complaint {complaint_no}, confirmed against this person {at}.</source>
        <translation>投诉 {complaint_no}：经核实属实（{at} 确认）。</translation>
    </message>
    <message>
        <source>Dispute {dispute_no} on order {order_no} was not handled by its deadline {at}.</source>
        <translation>订单 {order_no} 的维权 {dispute_no} 未在期限 {at} 前处理。</translation>
    </message>
    <message>
        <source>Case {case_no} (order {order_no}): the refund was not handled by the platform&apos;s deadline {at}.</source>
        <translation>售后单 {case_no}（订单 {order_no}）：未在平台期限 {at} 前处理退款。</translation>
    </message>
    <message>
        <source>Case {case_no} (order {order_no}): the exchange shipped {at} and the customer was not told its tracking number within a day.</source>
        <translation>售后单 {case_no}（订单 {order_no}）：换货于 {at} 发出，一天内没有告知客户换货运单号。</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <source>Printed by {name}, {at}</source>
        <translation>打印：{name}，{at}</translation>
    </message>
    <message>
        <source>Score sheet {month}</source>
        <translation>奖罚评分表 {month}</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Deduction (元)</source>
        <translation>扣款（元）</translation>
    </message>
    <message>
        <source>Reward (元)</source>
        <translation>奖励（元）</translation>
    </message>
    <message>
        <source>Team rule (元)</source>
        <translation>主管团队奖罚（元）</translation>
    </message>
    <message>
        <source>Net (元)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Order {key}</source>
        <translation>订单 {key}</translation>
    </message>
    <message>
        <source>Case {key}</source>
        <translation>售后单 {key}</translation>
    </message>
    <message>
        <source>Request #{key}</source>
        <translation>请求 #{key}</translation>
    </message>
    <message>
        <source>Complaint #{key}</source>
        <translation>投诉 #{key}</translation>
    </message>
    <message>
        <source>Swap #{key}</source>
        <translation>换班 #{key}</translation>
    </message>
    <message>
        <source>Dispute {key}</source>
        <translation>维权 {key}</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>Below {points}: dismissal</source>
        <translation>低于 {points} 分：解雇</translation>
    </message>
    <message>
        <source>{points} or more: reward</source>
        <translation>{points} 分及以上：奖励</translation>
    </message>
    <message>
        <source>{points} points · deduction {deduction} 元 · reward {reward} 元 · net {net} 元</source>
        <translation>{points} 分 · 扣款 {deduction} 元 · 奖励 {reward} 元 · 合计 {net} 元</translation>
    </message>
    <message>
        <source>submitted by {name}</source>
        <translation>提交人 {name}</translation>
    </message>
    <message>
        <source>approved by {name}</source>
        <translation>批准人 {name}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>明细</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>AfterDesk {version} self-test ({system}, {language})</source>
        <translation>售后台 {version} 自检（{system}，{language}）</translation>
    </message>
    <message>
        <source>Self-test FAILED: {checks}</source>
        <translation>自检未通过：{checks}</translation>
    </message>
    <message>
        <source>Self-test passed.</source>
        <translation>自检通过。</translation>
    </message>
</context>
<context>
    <name>Sensitivity</name>
    <message>
        <source>Clear</source>
        <translation>明文</translation>
    </message>
    <message>
        <source>Masked by the platform</source>
        <translation>平台已打码</translation>
    </message>
    <message>
        <source>Encrypted by the platform</source>
        <translation>平台已加密</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>empty: the local file on this PC</source>
        <translation>留空：使用本机的本地文件</translation>
    </message>
    <message>
        <source>Changes apply the next time AfterDesk starts.</source>
        <translation>修改将在下次启动售后台时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>A copy is taken every day and checked; 14 daily and 8 weekly copies are kept. Choose a USB drive or a synced folder (OneDrive, 坚果云 …): a copy on the same disk is lost with it.</source>
        <translation>每天自动备份一份并校验；保留 14 份每日备份和 8 份每周备份。请选择 U 盘或同步文件夹（OneDrive、坚果云等）：和数据库在同一块硬盘上的备份会随硬盘一起丢失。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>The rotation gives every team but customer service its first shift, e.g. the warehouse&apos;s once you add one. A code already in the list changes that shift.</source>
        <translation>排班时，客服以外的每个班组都排它的第一个班次，例如添加仓库班次后即排仓库。选择列表中已有的代码即修改该班次。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ShopNameDialog</name>
    <message>
        <source>Name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>The first shop</source>
        <translation>第一家店铺</translation>
    </message>
    <message>
        <source>More shops, and changes to this one, are made later on the Shops page.</source>
        <translation>以后可在“店铺”页面添加更多店铺或修改这家店铺。</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>as your customers know it, e.g. 小林家居旗舰店</source>
        <translation>顾客看到的店名，例如 小林家居旗舰店</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Orders paid after this time are printed the next day.</source>
        <translation>此时间之后付款的订单，次日再打印发货。</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Sender details printed on the labels</source>
        <translation>面单上打印的寄件人信息</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>退货地址</translation>
    </message>
    <message>
        <source>Default courier</source>
        <translation>默认快递</translation>
    </message>
    <message>
        <source>Same-day cut-off</source>
        <translation>当日发货截单时间</translation>
    </message>
</context>
<context>
    <name>ShopsDialog</name>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
</context>
<context>
    <name>ShopsPage</name>
    <message>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Shops: the sender on each shop&apos;s labels</source>
        <translation>店铺：各店铺面单上的寄件人</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New shop…</source>
        <translation>新建店铺…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>e.g. the shop&apos;s name or the warehouse</source>
        <translation>例如：店铺名称或仓库</translation>
    </message>
    <message>
        <source>e.g. 0571-88886666</source>
        <translation>例如：0571-88886666</translation>
    </message>
    <message>
        <source>province, city, district and street, where returns go</source>
        <translation>省、市、区县和街道地址，退货寄到这里</translation>
    </message>
    <message>
        <source>Deadlines and complaint categories…</source>
        <translation>时限与投诉类别…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Save shop</source>
        <translation>保存店铺</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>退货地址</translation>
    </message>
    <message>
        <source>Default courier</source>
        <translation>默认快递</translation>
    </message>
    <message>
        <source>Printed documents in</source>
        <translation>单据语言</translation>
    </message>
    <message>
        <source>Only an administrator can change these details.</source>
        <translation>只有管理员可以修改这些信息。</translation>
    </message>
    <message>
        <source>Sender details printed on the labels</source>
        <translation>面单上打印的寄件人信息</translation>
    </message>
    <message>
        <source>Save cut-off</source>
        <translation>保存截单时间</translation>
    </message>
    <message>
        <source>Same-day dispatch</source>
        <translation>当日发货</translation>
    </message>
    <message>
        <source>Orders paid by</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>today are in the printer&apos;s list for today&apos;s batch (the cut-off).</source>
        <translation>之前付款的订单，列入打单员今日批次的待打印列表（即截单时间）。</translation>
    </message>
    <message>
        <source>Items have no barcodes: the packing desk ticks them off by hand</source>
        <translation>商品没有条码：打包台上手工勾选</translation>
    </message>
    <message>
        <source>Packing desk</source>
        <translation>打包贴单</translation>
    </message>
    <message>
        <source>This shop prints its labels with the platform&apos;s e-waybill tool</source>
        <translation>本店用平台电子面单工具打印面单</translation>
    </message>
    <message>
        <source>Then its batches print dispatch notes only, and its waybill numbers come with Import waybills.</source>
        <translation>勾选后，本店批次只打印发货单，运单号通过“导入运单号”导入。</translation>
    </message>
    <message>
        <source>Number pools and courier patterns…</source>
        <translation>单号池与快递单号规则…</translation>
    </message>
    <message>
        <source>Waybill numbers</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>No sender phone or return address yet</source>
        <translation>尚未填写寄件人电话或退货地址</translation>
    </message>
    <message>
        <source>{shop} ({platform})</source>
        <translation>{shop}（{platform}）</translation>
    </message>
    <message>
        <source>Saved the sender details of {shop}.</source>
        <translation>已保存 {shop} 的寄件人信息。</translation>
    </message>
    <message>
        <source>{shop}: items are ticked off by hand at the packing desk.</source>
        <translation>{shop}：打包台上手工勾选商品。</translation>
    </message>
    <message>
        <source>{shop}: items are checked by their barcodes at the packing desk.</source>
        <translation>{shop}：打包台上扫描商品条码核对。</translation>
    </message>
    <message>
        <source>{shop}: batches print dispatch notes only; import the e-waybill tool&apos;s numbers (Import waybills).</source>
        <translation>{shop}：批次只打印发货单；请导入电子面单工具的运单号（导入运单号）。</translation>
    </message>
    <message>
        <source>{shop}: batches print AfterDesk&apos;s shipping labels.</source>
        <translation>{shop}：批次打印 AfterDesk 的快递面单。</translation>
    </message>
    <message>
        <source>How long each kind of task and each complaint may take, the working hours they run in, and the complaint categories.</source>
        <translation>每类任务和每条投诉可用的时间、计时所按的工作时间，以及投诉类别。</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>The same-day cut-off is now {time}.</source>
        <translation>当日发货截单时间已改为 {time}。</translation>
    </message>
    <message>
        <source>New shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <source>Rename {shop}</source>
        <translation>为 {shop} 改名</translation>
    </message>
    <message>
        <source>{old} is now called {new}.</source>
        <translation>{old} 已改名为 {new}。</translation>
    </message>
    <message>
        <source>Added the shop {shop}: import its orders on the Import page.</source>
        <translation>已添加店铺 {shop}：请在“导入”页导入它的订单。</translation>
    </message>
</context>
<context>
    <name>ShowMore</name>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Showing {shown} of {open}.</source>
        <translation>显示 {shown} / 共 {open} 条。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to AfterDesk (售后台)</source>
        <translation>登录售后台</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo accounts (password: {password})</source>
        <translation>演示账号（密码：{password}）</translation>
    </message>
    <message>
        <source>Click an account to fill it in; double-click to sign in.</source>
        <translation>单击账号自动填入，双击直接登录。</translation>
    </message>
</context>
<context>
    <name>SignoffForm</name>
    <message>
        <source>What you found, e.g. 鞋头开胶属实</source>
        <translation>验货情况，例如：鞋头开胶属实</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>验货结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>验货说明</translation>
    </message>
    <message>
        <source>Inspection photos (optional)</source>
        <translation>验货照片（选填）</translation>
    </message>
    <message>
        <source>Signed with your name and the time: {name}</source>
        <translation>将以您的姓名和时间签字：{name}</translation>
    </message>
</context>
<context>
    <name>SignoffResult</name>
    <message>
        <source>As described</source>
        <translation>与描述相符</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <source>Not fit for resale</source>
        <translation>不可二次销售</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
</context>
<context>
    <name>SpecialKind</name>
    <message>
        <source>Courier</source>
        <translation>指定快递</translation>
    </message>
    <message>
        <source>Invoice title (发票抬头)</source>
        <translation>发票抬头</translation>
    </message>
    <message>
        <source>Greeting card (贺卡)</source>
        <translation>贺卡</translation>
    </message>
    <message>
        <source>Delivery time</source>
        <translation>送货时间</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>SpecialRequestDialog</name>
    <message>
        <source>Special request on order {order_no}</source>
        <translation>订单 {order_no} 的特殊要求</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>The courier the customer wants, e.g. 顺丰</source>
        <translation>客户指定的快递，例如：顺丰</translation>
    </message>
    <message>
        <source>The invoice title, e.g. 杭州悦步科技有限公司</source>
        <translation>发票抬头，例如：杭州悦步科技有限公司</translation>
    </message>
    <message>
        <source>The card&apos;s text, e.g. 生日快乐！</source>
        <translation>贺卡内容，例如：生日快乐！</translation>
    </message>
    <message>
        <source>When to deliver, e.g. 周末白天</source>
        <translation>送货时间，例如：周末白天</translation>
    </message>
    <message>
        <source>What the customer asks for</source>
        <translation>客户的要求</translation>
    </message>
    <message>
        <source>(nothing yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Add account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid (not printed)</source>
        <translation>未打单</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打单</translation>
    </message>
    <message>
        <source>Packed and labelled</source>
        <translation>已打包贴单</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已完结</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>StaleModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Printed in batch</source>
        <translation>打印批次</translation>
    </message>
    <message>
        <source>Printed at</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Changed after printing at</source>
        <translation>打印后修改时间</translation>
    </message>
    <message>
        <source>The order was changed at {changed}, after its slips were printed at {printed}: the printed copy is out of date, reprint it.</source>
        <translation>订单在 {printed} 打印后，于 {changed} 被修改：打印件已过期，请补打。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>AfterDesk cannot open its window: this computer lacks system libraries that Qt needs to draw on the screen ({libraries}).
Install them, then start AfterDesk again:
  Debian / Ubuntu:  {apt}
  Fedora:           {dnf}</source>
        <translation>AfterDesk 无法打开窗口：这台电脑缺少 Qt 在屏幕上显示所需的系统库（{libraries}）。
请先安装，然后重新启动 AfterDesk：
  Debian / Ubuntu：{apt}
  Fedora：         {dnf}</translation>
    </message>
</context>
<context>
    <name>SupervisorTabs</name>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
</context>
<context>
    <name>SwapDialog</name>
    <message>
        <source>Ask to swap a shift</source>
        <translation>申请换班</translation>
    </message>
    <message>
        <source>Your colleague agrees first (Agree to swap, on their Roster page), then the supervisor approves: the roster changes only then. More than 3 swaps a month cost 2 points each.</source>
        <translation>先由同事同意（在其值班表页面点“同意换班”），再由主管批准：批准后值班表才会改变。每月换班超过3次，每次扣2分。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Swap with</source>
        <translation>与谁换班</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SwapState</name>
    <message>
        <source>Waiting for the colleague</source>
        <translation>等待同事同意</translation>
    </message>
    <message>
        <source>Waiting for the supervisor</source>
        <translation>等待主管批准</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>TaskKind</name>
    <message>
        <source>Cases waiting for a refund</source>
        <translation>待退款的售后单</translation>
    </message>
    <message>
        <source>Platform refund deadline near</source>
        <translation>平台退款期限将到</translation>
    </message>
    <message>
        <source>Disputes on the platform</source>
        <translation>平台维权中</translation>
    </message>
    <message>
        <source>Printer requests overdue</source>
        <translation>打单请求超时</translation>
    </message>
    <message>
        <source>Changes waiting for the customer&apos;s confirmation</source>
        <translation>待客户确认的修改</translation>
    </message>
    <message>
        <source>Paid orders not printed by the cut-off</source>
        <translation>截单前未打单的已付款订单</translation>
    </message>
    <message>
        <source>Made-to-order goods past 48 h</source>
        <translation>定制商品超过 48 小时</translation>
    </message>
    <message>
        <source>Unannounced parcels waiting</source>
        <translation>待联系买家的无登记包裹</translation>
    </message>
    <message>
        <source>Exchanges shipped, customer not told</source>
        <translation>换货已发出，未告知客户</translation>
    </message>
    <message>
        <source>Exchanges not confirmed received</source>
        <translation>换货未确认收到</translation>
    </message>
    <message>
        <source>Complaints past a deadline</source>
        <translation>超时的投诉</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已过</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Late by {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>{by} {at}: {text}</source>
        <translation>{by} {at}：{text}</translation>
    </message>
</context>
<context>
    <name>TellChannel</name>
    <message>
        <source>旺旺 / IM</source>
        <translation>旺旺 / IM</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Platform message</source>
        <translation>平台消息</translation>
    </message>
</context>
<context>
    <name>TrendListDialog</name>
    <message>
        <source>Nothing counted.</source>
        <translation>本周没有计入的记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n counted.</source>
        <translation>
            <numerusform>共计 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <source>Per week (Monday to Sunday, local time), the last twelve weeks; the lighter bar is the week still running. Click a bar to see the cases it counts.</source>
        <translation>按周统计（周一至周日，本地时间），最近十二周；颜色较浅的柱子是尚未结束的本周。点击柱子可查看计入的售后单。</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Paid orders in the twelve weeks: {orders}; refunds: {refunds}.</source>
        <translation>十二周内付款订单：{orders}；退款：{refunds}。</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{measure} · week of {monday} · {shop}</source>
        <translation>{measure} · {monday} 当周 · {shop}</translation>
    </message>
    <message>
        <source>Weeks of {first} to {last} (Monday to Sunday, local time)</source>
        <translation>{first} 至 {last} 各周（周一至周日，本地时间）</translation>
    </message>
    <message>
        <source>Printed by {name} at {time}</source>
        <translation>打印人 {name}，{time}</translation>
    </message>
    <message>
        <source>Trends — {shop}</source>
        <translation>趋势 — {shop}</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
    <message>
        <source>trends-{date}</source>
        <translation>趋势-{date}</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>UnannouncedDialog</name>
    <message>
        <source>Register an unannounced return</source>
        <translation>登记无登记退件</translation>
    </message>
    <message>
        <source>A parcel came back that no after-sales case expects. Register it so after-sales can contact the buyer and follow it up.</source>
        <translation>收到一个没有对应售后单的退回包裹。请登记，以便售后联系买家并跟进。</translation>
    </message>
    <message>
        <source>e.g. 顺丰, 圆通, 中通</source>
        <translation>例如：顺丰、圆通、中通</translation>
    </message>
    <message>
        <source>If the label or a note names it</source>
        <translation>如面单或纸条上有写明</translation>
    </message>
    <message>
        <source>An after-sales card (售后服务卡) or a note is in the parcel</source>
        <translation>包裹内有售后服务卡或纸条</translation>
    </message>
    <message>
        <source>What is in the parcel, its condition, what the card or note says</source>
        <translation>包裹内的物品、状况，售后卡或纸条上写的内容</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Contents / notes</source>
        <translation>内容 / 备注</translation>
    </message>
    <message>
        <source>Photos (optional)</source>
        <translation>照片（选填）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Photos of the parcel</source>
        <translation>包裹照片</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Give the new password in AFTERDESK_NEW_PASSWORD.</source>
        <translation>请通过 AFTERDESK_NEW_PASSWORD 提供新密码。</translation>
    </message>
    <message>
        <source>Say who you are: --user NAME or AFTERDESK_USER.</source>
        <translation>请说明操作人：--user 用户名 或 AFTERDESK_USER。</translation>
    </message>
    <message>
        <source>No password for {user}: set AFTERDESK_PASSWORD or run interactively.</source>
        <translation>没有 {user} 的密码：请设置 AFTERDESK_PASSWORD，或在终端中交互运行。</translation>
    </message>
    <message>
        <source>“{url}” is not a database address.</source>
        <translation>“{url}”不是有效的数据库地址。</translation>
    </message>
    <message>
        <source>A SQLite database needs a file path: {url}</source>
        <translation>SQLite 数据库需要文件路径：{url}</translation>
    </message>
    <message>
        <source>Unsupported database “{url}”: use sqlite:///FILE or postgresql://HOST/NAME.</source>
        <translation>不支持的数据库“{url}”：请使用 sqlite:///文件 或 postgresql://服务器/库名。</translation>
    </message>
    <message>
        <source>The database stayed busy; nothing was saved. Please try again.</source>
        <translation>数据库一直忙碌，未保存任何内容。请重试。</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up on the server, with pg_dump.</source>
        <translation>PostgreSQL 数据库请在服务器上用 pg_dump 备份。</translation>
    </message>
    <message>
        <source>{where} is not an AfterDesk database file.</source>
        <translation>{where} 不是售后台的数据库文件。</translation>
    </message>
    <message>
        <source>Cannot reach the database {where}: {reason}</source>
        <translation>无法连接数据库 {where}：{reason}</translation>
    </message>
    <message>
        <source>This database was made by a newer AfterDesk (schema {revision}). Please update AfterDesk on this computer.</source>
        <translation>该数据库由更新版本的售后台创建（结构版本 {revision}）。请先升级本机的售后台。</translation>
    </message>
    <message>
        <source>{where} already holds other tables; AfterDesk will not write into it.</source>
        <translation>{where} 中已有其他数据表，售后台不会写入。</translation>
    </message>
    <message>
        <source>The schema change left a row of {table} pointing nowhere; nothing was changed.</source>
        <translation>数据库结构变更后，{table} 中有记录指向不存在的数据；未作任何更改。</translation>
    </message>
    <message>
        <source>{where} holds no AfterDesk database yet: run “afterdesk init” to create one.</source>
        <translation>{where} 中还没有售后台数据库：请运行“afterdesk init”创建。</translation>
    </message>
    <message>
        <source>The database {where} has an older schema ({revision}): run “afterdesk init” to upgrade it (a SQLite file is backed up first).</source>
        <translation>数据库 {where} 的结构是旧版本（{revision}）：请运行“afterdesk init”升级（SQLite 文件会先备份）。</translation>
    </message>
    <message>
        <source>{field}: {problem} Nothing was saved.</source>
        <translation>{field}：{problem} 未保存任何内容。</translation>
    </message>
    <message>
        <source>This needs the {role} role.</source>
        <translation>此操作需要“{role}”角色。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space, then try again.</source>
        <translation>磁盘已满：没有保存任何内容。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>“{username}” is not a valid user name: 2–32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>“{username}”不是有效的用户名：需 2–32 个字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>That password is among the first any guesser tries: choose another.</source>
        <translation>这个密码是猜密码的人最先会试的那些之一：请换一个。</translation>
    </message>
    <message>
        <source>Type a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Unknown role “{role}”. Known roles: {known}.</source>
        <translation>未知角色“{role}”。可用角色：{known}。</translation>
    </message>
    <message>
        <source>Give the account at least one role.</source>
        <translation>请至少为账号分配一个角色。</translation>
    </message>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被占用。</translation>
    </message>
    <message>
        <source>{username} already signs as “{name}”: give a name that tells them apart.</source>
        <translation>{username} 已用“{name}”签名：请换一个能区分两人的名字。</translation>
    </message>
    <message>
        <source>This database already has an administrator.</source>
        <translation>该数据库已有管理员。</translation>
    </message>
    <message>
        <source>There is no user {username}.</source>
        <translation>没有用户 {username}。</translation>
    </message>
    <message>
        <source>You cannot take the administrator role from yourself.</source>
        <translation>不能取消自己的管理员角色。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>Your current password is not right; nothing changed.</source>
        <translation>当前密码不对；没有做任何修改。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>请输入你的用户名。</translation>
    </message>
    <message>
        <source>The account {username} is disabled.</source>
        <translation>账号 {username} 已停用。</translation>
    </message>
    <message>
        <source>The demo takes between 0 and 5,000,000 orders.</source>
        <translation>演示数据的订单数须在 0 到 5,000,000 之间。</translation>
    </message>
    <message>
        <source>This database already has staff accounts; the demo only fills a new database.</source>
        <translation>该数据库已有员工账号；演示数据只能装入新数据库。</translation>
    </message>
    <message>
        <source>{field}: “{value}” has full-width characters; type it as 0–9 and “.”.</source>
        <translation>{field}：“{value}”含全角字符；请用半角数字 0–9 和“.”输入。</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not an amount of money (digits, at most two decimals).</source>
        <translation>{field}：“{value}”不是有效的金额（数字，最多两位小数）。</translation>
    </message>
    <message>
        <source>{field}: {value} is more than {max}.</source>
        <translation>{field}：{value} 超过上限 {max}。</translation>
    </message>
    <message>
        <source>Tracking number {number} already belongs to case {other}.</source>
        <translation>单号 {number} 已属于售后单 {other}。</translation>
    </message>
    <message>
        <source>There is no after-sales case {case_no}.</source>
        <translation>没有售后单 {case_no}。</translation>
    </message>
    <message>
        <source>Case {case_no} was changed by {name} at {time} while you had it open. Reload it and try again; nothing was saved.</source>
        <translation>售后单 {case_no} 在您打开期间已被 {name} 于 {time} 修改。请重新载入后再试；本次未保存任何内容。</translation>
    </message>
    <message>
        <source>There is no order {order_no}.</source>
        <translation>没有订单 {order_no}。</translation>
    </message>
    <message>
        <source>Order {order_no} is “{stage}”: a {type} case cannot be opened.</source>
        <translation>订单 {order_no} 为“{stage}”状态，不能开“{type}”售后单。</translation>
    </message>
    <message>
        <source>“Cannot be photographed” only applies to a quality claim.</source>
        <translation>“无法拍照”只适用于质量问题。</translation>
    </message>
    <message>
        <source>No goods come back on a {type} case.</source>
        <translation>“{type}”售后单不涉及退回商品。</translation>
    </message>
    <message>
        <source>Order {order_no} is “{stage}”: not possible now.</source>
        <translation>订单 {order_no} 当前为“{stage}”：现在不能这样操作。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: not possible now.</source>
        <translation>售后单 {case_no} 当前为“{state}”：现在不能这样操作。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: the claim can no longer be changed.</source>
        <translation>售后单 {case_no} 为“{state}”，问题描述已不能修改。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: no exchange is on its way.</source>
        <translation>售后单 {case_no} 为“{state}”：没有在途的换货。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: no refund is pending on it.</source>
        <translation>售后单 {case_no} 为“{state}”：没有待退的款。</translation>
    </message>
    <message>
        <source>The signature (---date name) is added automatically; please remove “---”.</source>
        <translation>签名（---日期 姓名）会自动加上，请删除“---”。</translation>
    </message>
    <message>
        <source>Note {id} is not a note of order {order_no}.</source>
        <translation>备注 {id} 不属于订单 {order_no}。</translation>
    </message>
    <message>
        <source>Order {order_no} is in more than one shop ({shops}): say which, as “{example}”.</source>
        <translation>订单 {order_no} 在多个店铺中都有（{shops}）：请指明店铺，例如“{example}”。</translation>
    </message>
    <message>
        <source>Order {order_no} was changed at {time} by an import or the system while you had it open. Reload it and try again; nothing was saved.</source>
        <translation>订单 {order_no} 在你打开期间于 {time} 被导入或系统修改。请重新载入后再试；没有保存任何内容。</translation>
    </message>
    <message>
        <source>Order {order_no} was changed by {name} at {time} while you had it open. Reload it and try again; nothing was saved.</source>
        <translation>订单 {order_no} 在您打开期间已被 {name} 于 {time} 修改。请重新载入后再试；本次未保存任何内容。</translation>
    </message>
    <message>
        <source>An order cannot go from “{frm}” to “{to}”.</source>
        <translation>订单不能从“{frm}”变为“{to}”。</translation>
    </message>
    <message>
        <source>“{number}” is not a tracking number.</source>
        <translation>“{number}”不是有效的物流单号。</translation>
    </message>
    <message>
        <source>{field} cannot be empty.</source>
        <translation>{field}不能为空。</translation>
    </message>
    <message>
        <source>{field} is too long: {length} characters, at most {max_len}.</source>
        <translation>{field}过长：{length} 个字符，最多 {max_len} 个。</translation>
    </message>
    <message>
        <source>{field} contains a control character (U+{code:04X}).</source>
        <translation>{field}含有控制字符（U+{code:04X}）。</translation>
    </message>
    <message>
        <source>{field}: {value} is not between {low} and {high}.</source>
        <translation>{field}：{value} 不在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Give at least one part of the new address, e.g. --street or --phone.</source>
        <translation>请至少给出新地址的一部分，例如 --street 或 --phone。</translation>
    </message>
    <message>
        <source>Write an attribute as name=value, e.g. 尺码=40.</source>
        <translation>属性请写成 名称=值，例如 尺码=40。</translation>
    </message>
    <message>
        <source>Unknown label size “{size}”: use 100x150, 76x130 or 100x180.</source>
        <translation>未知的面单尺寸“{size}”：请使用 100x150、76x130 或 100x180。</translation>
    </message>
    <message>
        <source>Unknown paper size “{size}”: use A5 or A4.</source>
        <translation>未知的纸张尺寸“{size}”：请使用 A5 或 A4。</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was recorded.</source>
        <translation>打印已取消，未记录任何内容。</translation>
    </message>
    <message>
        <source>Order {order_no} has no recipient phone: the courier will refuse it.</source>
        <translation>订单 {order_no} 没有收件人电话：快递公司会拒收。</translation>
    </message>
    <message>
        <source>Order {order_no} has no recipient name or address to print.</source>
        <translation>订单 {order_no} 没有可打印的收件人姓名或地址。</translation>
    </message>
    <message>
        <source>Order {order_no}: “{number}” cannot be printed as a Code 128 barcode.</source>
        <translation>订单 {order_no}：“{number}”无法打印为 Code 128 条码。</translation>
    </message>
    <message>
        <source>Order {order_no}: the tracking number is too long for a {size} mm label.</source>
        <translation>订单 {order_no}：物流单号对 {size} 毫米面单来说太长。</translation>
    </message>
    <message>
        <source>Order {order_no}: the recipient&apos;s name is too long.</source>
        <translation>订单 {order_no}：收件人姓名太长。</translation>
    </message>
    <message>
        <source>Order {order_no}: the address is too long for a {size} mm label even in small print. Use the 100x180 label or ask the customer for a shorter address.</source>
        <translation>订单 {order_no}：即使用小号字，地址对 {size} 毫米面单也太长。请使用 100x180 面单，或请客户提供更短的地址。</translation>
    </message>
    <message>
        <source>Order {order_no}: the shop&apos;s return address is too long to print.</source>
        <translation>订单 {order_no}：店铺的退货地址太长，无法打印。</translation>
    </message>
    <message>
        <source>Order {order_no}: the special requests are too long for a {size} mm label; use the 100x180 label.</source>
        <translation>订单 {order_no}：特殊要求对 {size} 毫米面单来说太长，请使用 100x180 面单。</translation>
    </message>
    <message>
        <source>Order {order_no}: the order number is too long for a {size} mm label.</source>
        <translation>订单 {order_no}：订单号对 {size} 毫米面单来说太长。</translation>
    </message>
    <message>
        <source>“{phone}” is not a phone number: a mobile like 13800138000, a landline like 0571-88886666, or +country code and number.</source>
        <translation>“{phone}”不是有效的电话号码：手机如 13800138000，座机如 0571-88886666，或 +国家代码和号码。</translation>
    </message>
    <message>
        <source>“{postcode}” is not a postcode.</source>
        <translation>“{postcode}”不是有效的邮编。</translation>
    </message>
    <message>
        <source>An address has no part “{part}”.</source>
        <translation>地址没有“{part}”这一项。</translation>
    </message>
    <message>
        <source>Order {order_no} has no item {sku}. Its items: {skus}.</source>
        <translation>订单 {order_no} 中没有商品 {sku}。该订单的商品：{skus}。</translation>
    </message>
    <message>
        <source>“{sku}” is not a SKU.</source>
        <translation>“{sku}”不是有效的 SKU。</translation>
    </message>
    <message>
        <source>The shop&apos;s SKU {sku} is {its}, not {wanted}: give the SKU of {wanted}.</source>
        <translation>店铺的 SKU {sku} 是 {its}，不是 {wanted}：请填写 {wanted} 的 SKU。</translation>
    </message>
    <message>
        <source>Several of the shop&apos;s SKUs are {wanted}: {skus}. Give the one to use.</source>
        <translation>店铺有多个 SKU 是 {wanted}：{skus}。请指定要用哪一个。</translation>
    </message>
    <message>
        <source>The shop has no SKU of {title} that is {wanted}: give the SKU of the new item.</source>
        <translation>店铺没有 {title} 的 {wanted} 的 SKU：请填写新商品的 SKU。</translation>
    </message>
    <message>
        <source>The item already is {what}: there is nothing to change.</source>
        <translation>商品已经是 {what}，无需修改。</translation>
    </message>
    <message>
        <source>Order {order_no} is already cancelled.</source>
        <translation>订单 {order_no} 已作废。</translation>
    </message>
    <message>
        <source>Order {order_no} is “{stage}”: it can no longer be changed.</source>
        <translation>订单 {order_no} 为“{stage}”状态，已无法修改。</translation>
    </message>
    <message>
        <source>The new address is the same as the old one.</source>
        <translation>新地址与原地址相同。</translation>
    </message>
    <message>
        <source>The order already says “{text}”.</source>
        <translation>订单上已经是“{text}”。</translation>
    </message>
    <message>
        <source>Order {order_no} already has a cancellation under way (#{id}).</source>
        <translation>订单 {order_no} 已有正在处理的取消请求（#{id}）。</translation>
    </message>
    <message>
        <source>There is no request #{id}.</source>
        <translation>没有请求 #{id}。</translation>
    </message>
    <message>
        <source>Request #{id} is “{state}”: it cannot become “{to}”.</source>
        <translation>请求 #{id} 为“{state}”，不能变为“{to}”。</translation>
    </message>
    <message>
        <source>Give a time between 1 and 1440 minutes.</source>
        <translation>请填写 1 到 1440 分钟之间的时间。</translation>
    </message>
    <message>
        <source>Recorded, but the PDF could not be put at {path}: {reason}. It is kept as {temp}.</source>
        <translation>已记录，但 PDF 无法保存到 {path}：{reason}。文件保留为 {temp}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder. Nothing was recorded.</source>
        <translation>无法写入 {path}：这是一个文件夹。未记录任何内容。</translation>
    </message>
    <message>
        <source>This computer has no “lp” command (CUPS). The PDF is saved at {path}; print it from there.</source>
        <translation>这台电脑没有 “lp” 命令（CUPS）。PDF 已保存在 {path}，请从那里打印。</translation>
    </message>
    <message>
        <source>The printer {queue} did not take the job: {reason}. The PDF is saved at {path}; print it again from there (the batch is recorded).</source>
        <translation>打印机 {queue} 未接受任务：{reason}。PDF 已保存在 {path}，请从那里重新打印（批次已登记）。</translation>
    </message>
    <message>
        <source>There is no batch {batch_no}.</source>
        <translation>没有批次 {batch_no}。</translation>
    </message>
    <message>
        <source>Nothing to reprint.</source>
        <translation>没有需要重打的内容。</translation>
    </message>
    <message>
        <source>Order {order_no} has no printed slips to reprint (it is “{stage}”).</source>
        <translation>订单 {order_no} 没有可重打的单据（当前为“{stage}”）。</translation>
    </message>
    <message>
        <source>Unknown document “{kind}”.</source>
        <translation>未知的单据“{kind}”。</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day: write it as 16:00.</source>
        <translation>“{text}”不是有效的时间：请写成 16:00 的格式。</translation>
    </message>
    <message>
        <source>There is no shop “{name}”.</source>
        <translation>没有店铺“{name}”。</translation>
    </message>
    <message>
        <source>Unknown document language “{text}”: use zh (Chinese), en (English) or both.</source>
        <translation>未知的单据语言“{text}”：请用 zh（中文）、en（英文）或 both（中英双语）。</translation>
    </message>
    <message>
        <source>Order {order_no} is awaiting payment: it prints once an import from the platform says it is paid.</source>
        <translation>订单 {order_no} 待付款：平台导出显示已付款后才会打单。</translation>
    </message>
    <message>
        <source>Order {order_no}: the recipient&apos;s details are “{how}”, so a label printed here would not reach them. Print its label in the platform&apos;s own shipping tool, or ask the buyer for the address and change it here (an address change makes it printable).</source>
        <translation>订单 {order_no}：收件人信息“{how}”，在这里打印的快递单送不到收件人。请在平台自己的发货工具中打印面单，或向买家要到地址后在这里修改地址（改地址后即可打单）。</translation>
    </message>
    <message>
        <source>Order {order_no}: a cancellation is under way (#{id}).</source>
        <translation>订单 {order_no}：正在取消中（#{id}）。</translation>
    </message>
    <message>
        <source>Order {order_no}: change #{id} waits for the customer&apos;s confirmation.</source>
        <translation>订单 {order_no}：修改 #{id} 正在等待客户确认。</translation>
    </message>
    <message>
        <source>Order {order_no}: request #{id} is open; the slips already show the change. Mark it done after printing.</source>
        <translation>订单 {order_no}：请求 #{id} 尚未处理；单据已体现修改，打印后请标记为已完成。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>No order can be printed now: batch {batch_no}, printed by {name} at {time} while this one was drawn, took them. Nothing was recorded.</source>
        <translation>现在没有可打印的订单：本批生成期间，批次 {batch_no}（{name}，{time}）已打印了这些订单。未作任何记录。</translation>
    </message>
    <message>
        <source>Not waiting to print (unknown, or printed already): {orders}</source>
        <translation>不在待打印之列（未知或已打印）：{orders}</translation>
    </message>
    <message>
        <source>Changed while the batch was being drawn: it prints with the next batch.</source>
        <translation>本批打印期间订单有改动：留到下一批打印。</translation>
    </message>
    <message>
        <source>No order can be printed now ({held} held back, see the list).</source>
        <translation>目前没有可打印的订单（{held} 个被暂缓，见列表）。</translation>
    </message>
    <message>
        <source>Orders kept changing while the batch was being printed; nothing was recorded. Please print again.</source>
        <translation>打印期间订单不断被修改，未记录任何内容。请重新打印。</translation>
    </message>
    <message>
        <source>Case {case_no} was already refunded ({amount}, by {name}): there is no second refund.</source>
        <translation>售后单 {case_no} 已退款（{amount}，经办人 {name}），不能重复退款。</translation>
    </message>
    <message>
        <source>No refund before the warehouse has inspected the returned goods and signed for them (case {case_no}).</source>
        <translation>仓库验货签字之前不能退款（售后单 {case_no}）。</translation>
    </message>
    <message>
        <source>No refund before the order printer has signed “original parcel received” (case {case_no}).</source>
        <translation>打单人员签收“原包裹已收到”之前不能退款（售后单 {case_no}）。</translation>
    </message>
    <message>
        <source>No exchange is shipped before the warehouse has signed for the return, unless a supervisor approves it on case {case_no}.</source>
        <translation>仓库签收退货之前不能发出换货，除非主管在售后单 {case_no} 上批准。</translation>
    </message>
    <message>
        <source>“{action}” does not apply to a {type} case.</source>
        <translation>“{action}”不适用于“{type}”售后单。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: “{action}” is not possible now.</source>
        <translation>售后单 {case_no} 为“{state}”，现在不能“{action}”。</translation>
    </message>
    <message>
        <source>Case {case_no} is a quality claim: first add at least one photo and where the defect is, or record that the defect cannot be photographed (lining, insole).</source>
        <translation>售后单 {case_no} 是质量问题：请先添加至少一张照片并注明问题部位，或登记该问题无法拍照（如内里、鞋垫）。</translation>
    </message>
    <message>
        <source>Not a quality problem: the customer pays the return freight. Free return freight needs a supervisor&apos;s approval on the case first.</source>
        <translation>非质量问题：退回运费由客户承担。免运费须先由主管在售后单上批准。</translation>
    </message>
    <message>
        <source>Say what is approved: free freight or early exchange.</source>
        <translation>请说明批准内容：免运费或先发换货。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: there is nothing left to approve.</source>
        <translation>售后单 {case_no} 为“{state}”，已无可批准的事项。</translation>
    </message>
    <message>
        <source>Free return freight needs no approval on a quality claim, and applies only to returns and exchanges.</source>
        <translation>质量问题的免运费无需批准；免运费只适用于退货和换货。</translation>
    </message>
    <message>
        <source>Case {case_no} is not an exchange.</source>
        <translation>售后单 {case_no} 不是换货。</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: there is no exchange left to print.</source>
        <translation>售后单 {case_no} 为“{state}”，没有待打印的换货单。</translation>
    </message>
    <message>
        <source>The exchange order of case {case_no} was printed by {name} at {time}: say why it is printed again.</source>
        <translation>售后单 {case_no} 的换货单已由 {name} 于 {time} 打印过：请说明补打原因。</translation>
    </message>
    <message>
        <source>Order {order_no} was already refunded in full (case {other}): there is no second refund.</source>
        <translation>订单 {order_no} 已全额退款（售后单 {other}），不能重复退款。</translation>
    </message>
    <message>
        <source>A refund of {amount} is more than the order&apos;s payment allows: {paid} paid, {earlier} refunded already.</source>
        <translation>退款 {amount} 超过订单可退金额：实付 {paid}，已退 {earlier}。</translation>
    </message>
    <message>
        <source>The exchange was shipped: only the return freight is reimbursed (amount 0).</source>
        <translation>换货已发出：只报销退回运费（退款金额为 0）。</translation>
    </message>
    <message>
        <source>A refund needs an amount above 0.</source>
        <translation>退款金额必须大于 0。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is too large: {mb} MB, at most {max} MB.</source>
        <translation>{name} 太大：{mb} MB，最多 {max} MB。</translation>
    </message>
    <message>
        <source>{name} is not a photo (JPEG, PNG or WebP).</source>
        <translation>{name} 不是照片（JPEG、PNG 或 WebP）。</translation>
    </message>
    <message>
        <source>{name} is too large: over {mp} megapixels.</source>
        <translation>{name} 太大：超过 {mp} 百万像素。</translation>
    </message>
    <message>
        <source>{name} is too large ({width}×{height} pixels): at most {mp} megapixels.</source>
        <translation>{name} 太大（{width}×{height} 像素）：最多 {mp} 百万像素。</translation>
    </message>
    <message>
        <source>{name} is damaged or cut short; send it again.</source>
        <translation>{name} 已损坏或不完整，请重新发送。</translation>
    </message>
    <message>
        <source>{name} is not a photo file.</source>
        <translation>{name} 不是照片文件。</translation>
    </message>
    <message>
        <source>Case {case_no} is closed: no more photos.</source>
        <translation>售后单 {case_no} 已结案，不能再添加照片。</translation>
    </message>
    <message>
        <source>{name} is already on case {case_no} (added by {who} at {time}).</source>
        <translation>{name} 已在售后单 {case_no} 中（{who} 于 {time} 添加）。</translation>
    </message>
    <message>
        <source>{name} was given twice.</source>
        <translation>{name} 重复提供了两次。</translation>
    </message>
    <message>
        <source>There is no photo #{id}.</source>
        <translation>没有照片 #{id}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>“{text}” is not a date (YYYY-MM-DD).</source>
        <translation>“{text}”不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The register is exported as an .xlsx file: {path}</source>
        <translation>登记表导出为 .xlsx 文件：{path}</translation>
    </message>
    <message>
        <source>Case {case_no} is not a parcel recall.</source>
        <translation>售后单 {case_no} 不是快件退回。</translation>
    </message>
    <message>
        <source>Shop “{shop}” has no return address, so the recall slip could not say where the parcel goes back to. An administrator sets it on the Shops page (or with “afterdesk print sender”); then print the slip again.</source>
        <translation>店铺“{shop}”还没有设置退货地址，退回单的“退回至”将无法填写。请管理员在“店铺”页面（或用“afterdesk print sender”）设置后再打印。</translation>
    </message>
    <message>
        <source>{number} is too long to print as a barcode on the recall slip.</source>
        <translation>{number} 太长，无法在快件退回单上打印成条码。</translation>
    </message>
    <message>
        <source>Documents are written as .pdf files: {path}</source>
        <translation>文档须保存为 .pdf 文件：{path}</translation>
    </message>
    <message>
        <source>Case {case_no} is “{state}”: a recall slip is printed only while the parcel is still with the courier.</source>
        <translation>售后单 {case_no} 为“{state}”：只有包裹仍在快递公司手中时才能打印快件退回单。</translation>
    </message>
    <message>
        <source>No audit head was recorded for batch {batch_no}: type the head printed on its cover sheet instead.</source>
        <translation>批次 {batch_no} 没有记录审计链头：请改为输入其批次封面上打印的审计链。</translation>
    </message>
    <message>
        <source>The application role {role} does not exist on the server: create it first (README, “A team on several PCs”).</source>
        <translation>服务器上没有应用角色 {role}：请先创建它（见 README“多台电脑共用：PostgreSQL”）。</translation>
    </message>
    <message>
        <source>The application role {role} must be neither a superuser nor the owner who runs init: every PC holds its password.</source>
        <translation>应用角色 {role} 不能是超级用户，也不能是执行 init 的所有者：每台电脑都保存着它的密码。</translation>
    </message>
    <message>
        <source>The application role {role} owns {things}, so it could drop the triggers that keep notes and the audit log append-only. As a superuser, give them to the owner (REASSIGN OWNED BY {role} TO {owner}; ALTER DATABASE … OWNER TO {owner}) and run init again.</source>
        <translation>应用角色 {role} 拥有 {things}，因此能删除保证备注和审计日志只增不改的触发器。请以超级用户把它们交给所有者（REASSIGN OWNED BY {role} TO {owner}; ALTER DATABASE … OWNER TO {owner}），然后再次运行 init。</translation>
    </message>
    <message>
        <source>{path} is the database itself: choose another file. Nothing was written.</source>
        <translation>{path} 是数据库文件本身：请另选文件。未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>无法写入 {path}：这是一个文件夹。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist: create it or choose another.</source>
        <translation>文件夹 {folder} 不存在：请先创建，或另选文件夹。</translation>
    </message>
    <message>
        <source>{path} exists already: choose a new file name, or say to replace it (--overwrite).</source>
        <translation>{path} 已存在：请换一个文件名，或明确要求替换它（--overwrite）。</translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written. Free some space and try again.</source>
        <translation>磁盘已满：未写入 {path}。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Batch {batch_no} has no missing file on this PC.</source>
        <translation>批次 {batch_no} 在本机没有缺失的文件。</translation>
    </message>
    <message>
        <source>The PDF of batch {batch_no} is lost: it is drawn again as a reprint; say why.</source>
        <translation>批次 {batch_no} 的 PDF 已丢失：将作为重打重新生成，请填写原因。</translation>
    </message>
    <message>
        <source>The column {column} holds {length} characters; at most {limit} fit.</source>
        <translation>列 {column} 有 {length} 个字符，最多只能 {limit} 个。</translation>
    </message>
    <message>
        <source>The column {column} is empty.</source>
        <translation>列 {column} 为空。</translation>
    </message>
    <message>
        <source>The column {column} has no amount.</source>
        <translation>列 {column} 没有金额。</translation>
    </message>
    <message>
        <source>The column {column} holds “{value}”, not an amount.</source>
        <translation>列 {column} 的内容“{value}”不是金额。</translation>
    </message>
    <message>
        <source>The column {column} holds a negative amount ({value}).</source>
        <translation>列 {column} 的金额为负数（{value}）。</translation>
    </message>
    <message>
        <source>The column {column} holds an amount too large ({value}).</source>
        <translation>列 {column} 的金额过大（{value}）。</translation>
    </message>
    <message>
        <source>The column {column} holds “{value}”, not a quantity.</source>
        <translation>列 {column} 的内容“{value}”不是数量。</translation>
    </message>
    <message>
        <source>The column {column} holds “{value}”, not a real date.</source>
        <translation>列 {column} 的内容“{value}”不是有效日期。</translation>
    </message>
    <message>
        <source>The column {column} holds “{value}”: the file was saved by a spreadsheet program, which rounded the long numbers. Download the export again and import it without opening it first.</source>
        <translation>列 {column} 的内容是“{value}”：文件被电子表格软件保存过，长数字已被四舍五入。请重新下载导出文件，不要先打开就直接导入。</translation>
    </message>
    <message>
        <source>The column {column} holds garbled text (“{value}”): the file was once opened with the wrong encoding and saved. Download the export again.</source>
        <translation>列 {column} 是乱码（“{value}”）：文件曾用错误的编码打开并保存。请重新下载导出文件。</translation>
    </message>
    <message>
        <source>The column {column} holds an unknown order status “{value}”.</source>
        <translation>列 {column} 的订单状态“{value}”无法识别。</translation>
    </message>
    <message>
        <source>The order {order_no} is in the file twice with different values (first at line {line}); export again or remove one of them.</source>
        <translation>订单 {order_no} 在文件中出现两次且内容不同（第一次在第 {line} 行）；请重新导出或删除其中一条。</translation>
    </message>
    <message>
        <source>The column mapping lacks {fields}.</source>
        <translation>列对应关系缺少 {fields}。</translation>
    </message>
    <message>
        <source>{file} has no column named {columns} (the mapping expects it).</source>
        <translation>{file} 中没有名为 {columns} 的列（列对应关系需要它）。</translation>
    </message>
    <message>
        <source>The items file has no items for the order {order_no}.</source>
        <translation>宝贝报表中没有订单 {order_no} 的宝贝。</translation>
    </message>
    <message>
        <source>The order {order_no} has {kinds} kinds of items and the orders file does not say how many of each: import it together with its items file (ExportOrderDetailList…).</source>
        <translation>订单 {order_no} 有 {kinds} 种宝贝，订单报表没有写明每种的数量：请与宝贝报表（ExportOrderDetailList…）一起导入。</translation>
    </message>
    <message>
        <source>No file was given to import.</source>
        <translation>没有选择要导入的文件。</translation>
    </message>
    <message>
        <source>Choose which column holds which field first.</source>
        <translation>请先选择每个字段对应的列。</translation>
    </message>
    <message>
        <source>{file} is a Shopify products export: import it as the catalogue, not as orders.</source>
        <translation>{file} 是 Shopify 商品导出：请作为商品目录导入，而不是订单。</translation>
    </message>
    <message>
        <source>Import one file at a time (only Taobao/Tmall takes two: the orders file and its items file).</source>
        <translation>请一次导入一个文件（只有淘宝/天猫可同时导入两个：订单报表和宝贝报表）。</translation>
    </message>
    <message>
        <source>{file} is a Taobao/Tmall items file (宝贝报表): import it together with its orders file (订单报表, ExportOrderList…).</source>
        <translation>{file} 是淘宝/天猫的宝贝报表：请与对应的订单报表（ExportOrderList…）一起导入。</translation>
    </message>
    <message>
        <source>Import one Taobao/Tmall orders file with at most one items file at a time.</source>
        <translation>每次导入一个淘宝/天猫订单报表，最多配一个宝贝报表。</translation>
    </message>
    <message>
        <source>{file} is not a complete {format} export: the columns {columns} are missing.</source>
        <translation>{file} 不是完整的 {format} 导出文件：缺少列 {columns}。</translation>
    </message>
    <message>
        <source>{file} is not an order export AfterDesk knows. The nearest is {format}, which would have the columns {columns}. Choose the columns by hand (Other CSV/XLSX) instead.</source>
        <translation>{file} 不是售后台认识的订单导出文件。最接近的是 {format}，但它还应有列 {columns}。请改为手动选择列（其他 CSV/XLSX）。</translation>
    </message>
    <message>
        <source>{file} has its column names but no orders.</source>
        <translation>{file} 只有列名，没有订单。</translation>
    </message>
    <message>
        <source>{file} is not a Shopify products export: the columns {columns} are missing.</source>
        <translation>{file} 不是 Shopify 商品导出：缺少列 {columns}。</translation>
    </message>
    <message>
        <source>{file} is not a CSV or XLSX export ({why}).</source>
        <translation>{file} 不是 CSV 或 XLSX 导出文件（{why}）。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {why}</source>
        <translation>无法读取 {file}：{why}</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} 是空文件。</translation>
    </message>
    <message>
        <source>{file} is an old Excel .xls file: save it as .xlsx or CSV first.</source>
        <translation>{file} 是旧版 Excel .xls 文件：请先另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>{file} is not a CSV or XLSX file.</source>
        <translation>{file} 不是 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <source>{file} is a zip holding {count} CSV files: unzip it and import the export itself.</source>
        <translation>{file} 是包含 {count} 个 CSV 文件的压缩包：请解压后导入导出文件本身。</translation>
    </message>
    <message>
        <source>The column names of {file} are garbled (Chinese text saved with the wrong encoding). Download the export again from the platform, without opening and saving it in another program.</source>
        <translation>{file} 的列名是乱码（中文用错误的编码保存过）。请从平台重新下载导出文件，不要用其他程序打开后再保存。</translation>
    </message>
    <message>
        <source>{file} ends in the middle of line {line}: the file was cut short. Download the export again.</source>
        <translation>{file} 在第 {line} 行中途结束：文件不完整。请重新下载导出文件。</translation>
    </message>
    <message>
        <source>Line {line} has {found} columns where the header has {width}.</source>
        <translation>第 {line} 行有 {found} 列，而表头有 {width} 列。</translation>
    </message>
    <message>
        <source>{file} changes its text encoding at line {line} (it began as {encoding}); download the export again.</source>
        <translation>{file} 从第 {line} 行起编码改变（开头是 {encoding}）；请重新下载导出文件。</translation>
    </message>
    <message>
        <source>Line {line} holds a formula in {columns}; save the sheet with values only (copy, paste as values) and import it again.</source>
        <translation>第 {line} 行的 {columns} 是公式；请把表格保存为纯数值（复制后“粘贴为数值”）再导入。</translation>
    </message>
    <message>
        <source>There is no database at {path}. Check the address; a new database is made with “afterdesk init”.</source>
        <translation>{path} 处没有数据库。请检查地址；新数据库用“afterdesk init”创建。</translation>
    </message>
    <message>
        <source>Scan or type a case, order or tracking number.</source>
        <translation>请扫描或输入售后单号、订单号或快递单号。</translation>
    </message>
    <message>
        <source>The column {column} holds “{value}”, not a two-letter country code.</source>
        <translation>列 {column} 的内容“{value}”不是两个字母的国家代码。</translation>
    </message>
    <message>
        <source>There is no import {id}.</source>
        <translation>没有第 {id} 次导入。</translation>
    </message>
    <message>
        <source>Keep “ours” (AfterDesk&apos;s value) or “theirs”.</source>
        <translation>请选择保留“ours”（售后台的值）或“theirs”（平台的值）。</translation>
    </message>
    <message>
        <source>There is no conflict {id}.</source>
        <translation>没有冲突 {id}。</translation>
    </message>
    <message>
        <source>Conflict {id} was settled already by {name}.</source>
        <translation>冲突 {id} 已由 {name} 处理过。</translation>
    </message>
    <message>
        <source>Order {order_no} is “{stage}”: record the platform&apos;s value as a change request (the slips must follow), then settle keeping ours.</source>
        <translation>订单 {order_no} 为“{stage}”状态：请把平台的值登记为修改请求（单据需随之更改），然后以保留售后台的值处理此冲突。</translation>
    </message>
    <message>
        <source>Order {order_no}: {field} is {length} characters long, at most {limit} fit. Nothing of this order was stored.</source>
        <translation>订单 {order_no}：{field} 长 {length} 个字符，最多只能 {limit} 个。该订单未存入任何内容。</translation>
    </message>
    <message>
        <source>The order has no order number.</source>
        <translation>该订单没有订单号。</translation>
    </message>
    <message>
        <source>Order {order_no} is in the file twice with different values (lines {first} and {line}): only the first was taken. Export again, or fix the file.</source>
        <translation>订单 {order_no} 在文件中出现两次且内容不同（第 {first} 行和第 {line} 行）：只导入了第一次。请重新导出，或修正文件。</translation>
    </message>
    <message>
        <source>Reading the file stopped unexpectedly. What came in is kept: import the same file again to complete it.</source>
        <translation>读取文件意外中断。已导入的订单都已保存：再次导入同一文件即可完成剩余部分。</translation>
    </message>
    <message>
        <source>SKU {sku}: the SKU or its title is too long.</source>
        <translation>SKU {sku}：SKU 或其标题过长。</translation>
    </message>
    <message>
        <source>Unknown platform “{platform}”: use one of {known}.</source>
        <translation>未知平台“{platform}”：请使用以下之一：{known}。</translation>
    </message>
    <message>
        <source>There is already a shop “{name}”.</source>
        <translation>已有店铺“{name}”。</translation>
    </message>
    <message>
        <source>The shop is already called “{name}”.</source>
        <translation>店铺已经叫“{name}”。</translation>
    </message>
    <message>
        <source>The shop “{name}” sells on {shop_platform}, but this file is a {platform} export. Choose the right shop.</source>
        <translation>店铺“{name}”在 {shop_platform} 上销售，但这个文件是 {platform} 的导出。请选择正确的店铺。</translation>
    </message>
    <message>
        <source>No shop sells on {platform} yet: name the shop this export belongs to (Shop on the Import page, --shop on the command line); this import creates it.</source>
        <translation>还没有在{platform}上销售的店铺：请指明该导出文件所属的店铺（导入页面的“店铺”，命令行的 --shop）；本次导入会创建该店铺。</translation>
    </message>
    <message>
        <source>Several shops sell on {platform} ({shops}): say which one this export belongs to.</source>
        <translation>有多个店铺在 {platform} 上销售（{shops}）：请指明该导出文件属于哪个店铺。</translation>
    </message>
    <message>
        <source>--map takes FIELD=COLUMN (e.g. order_no=单号), not {given}.</source>
        <translation>--map 的写法是 字段=列名（例如 order_no=单号），而不是 {given}。</translation>
    </message>
    <message>
        <source>Name the shop this file belongs to: its column mapping is kept per shop.</source>
        <translation>请指明这个文件属于哪个店铺：列对应关系按店铺保存。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <source>Line {line}: {field} “{value}” has a space in it.</source>
        <translation>第 {line} 行：{field}“{value}”中有空格。</translation>
    </message>
    <message>
        <source>Line {line}: barcode {barcode} is given SKU {sku}, but line {first} gave it {other}. A barcode is one SKU; nothing was loaded.</source>
        <translation>第 {line} 行：条码 {barcode} 对应 SKU {sku}，但第 {first} 行给的是 {other}。一个条码只能对应一个 SKU；未导入任何内容。</translation>
    </message>
    <message>
        <source>The file has no barcode and SKU pairs.</source>
        <translation>文件中没有“条码,SKU”对。</translation>
    </message>
    <message>
        <source>Scan the order barcode on the dispatch note.</source>
        <translation>请扫描发货单上的订单条码。</translation>
    </message>
    <message>
        <source>Unknown barcode {code}: no order or exchange has this number. Scan the barcode at the top of the dispatch note.</source>
        <translation>未知条码 {code}：没有订单或换货单是这个号码。请扫描发货单顶部的条码。</translation>
    </message>
    <message>
        <source>Order {order_no} is packed already ({name}, {time}). A second parcel must not go out: ask {ask}.</source>
        <translation>订单 {order_no} 已打包（{name}，{time}）。不能再发第二个包裹：请询问{ask}。</translation>
    </message>
    <message>
        <source>Order {order_no} is not printed yet: it cannot be packed from this dispatch note. Ask {ask} (a preview or an old print is not the order&apos;s slip).</source>
        <translation>订单 {order_no} 尚未打单：不能凭这张发货单打包。请询问{ask}（预览或旧的打印件不是该订单的单据）。</translation>
    </message>
    <message>
        <source>Order {order_no} is cancelled: do not pack it. Give the dispatch note and label to {ask}; the goods go back to stock.</source>
        <translation>订单 {order_no} 已作废：不要打包。把发货单和快递单交给{ask}；货品退回库存。</translation>
    </message>
    <message>
        <source>Order {order_no} is “{stage}”: it is not packed again here.</source>
        <translation>订单 {order_no} 处于“{stage}”：不在此重新打包。</translation>
    </message>
    <message>
        <source>Order {order_no}: a cancellation is under way (#{id}, asked by {name} at {time}). Do not pack it: give the dispatch note and label to {ask}.</source>
        <translation>订单 {order_no}：正在取消（#{id}，{name} 于 {time} 提出）。不要打包：把发货单和快递单交给{ask}。</translation>
    </message>
    <message>
        <source>Order {order_no}: change #{id} ({summary}) waits for the customer&apos;s confirmation. Put the order aside and ask {name}.</source>
        <translation>订单 {order_no}：修改 #{id}（{summary}）正在等待客户确认。先把此单放一边，并询问{name}。</translation>
    </message>
    <message>
        <source>Order {order_no}: change #{id} ({summary}, asked by {name}) is with the order printer. Give the dispatch note and label to {ask} to amend or reprint them.</source>
        <translation>订单 {order_no}：修改 #{id}（{summary}，{name} 提出）在打单人员处处理中。把发货单和快递单交给{ask}修改或重新打印。</translation>
    </message>
    <message>
        <source>Order {order_no} changed after its slips were printed (batch {batch_no}, {printed}; changed by {name} at {time}): this dispatch note and label are out of date. Give them to {ask} for a reprint.</source>
        <translation>订单 {order_no} 在打单后被修改过（批次 {batch_no}，{printed}；{name} 于 {time} 修改）：这张发货单和快递单已过期。请交给{ask}重新打印。</translation>
    </message>
    <message>
        <source>Case {case_no} has no order to send an exchange for.</source>
        <translation>售后单 {case_no} 没有可发换货的订单。</translation>
    </message>
    <message>
        <source>The exchange of case {case_no} is packed already ({name}, {time}). A second parcel must not go out: ask {ask}.</source>
        <translation>售后单 {case_no} 的换货已打包（{name}，{time}）。不能再发第二个包裹：请询问{ask}。</translation>
    </message>
    <message>
        <source>Case {case_no} has no exchange parcel waiting to be packed (not printed, or sent already). Ask {ask}.</source>
        <translation>售后单 {case_no} 没有待打包的换货包裹（未打印或已发出）。请询问{ask}。</translation>
    </message>
    <message>
        <source>Scan the item&apos;s barcode.</source>
        <translation>请扫描商品条码。</translation>
    </message>
    <message>
        <source>One too many: {title} {attributes} ({sku}) is ticked {quantity} times already, as many as ordered. Put this one back.</source>
        <translation>多了一件：{title} {attributes}（{sku}）已勾选 {quantity} 件，与订购数量相同。请把这件放回去。</translation>
    </message>
    <message>
        <source>Wrong size or colour: {code} is {its}. This order wants {title} {attributes} ({sku}).</source>
        <translation>尺码或颜色不对：{code} 是 {its}。此订单要的是 {title} {attributes}（{sku}）。</translation>
    </message>
    <message>
        <source>Wrong size or colour: {code}. This order wants {title} {attributes} ({sku}).</source>
        <translation>尺码或颜色不对：{code}。此订单要的是 {title} {attributes}（{sku}）。</translation>
    </message>
    <message>
        <source>Wrong item: {code} is not in this order (not one of its SKUs or product barcodes). Still to pack: {left}.</source>
        <translation>商品不对：{code} 不在此订单中（不是它的 SKU 或商品条码）。还需打包：{left}。</translation>
    </message>
    <message>
        <source>Items of {shop} are checked by scanning their barcodes, not ticked by hand (the shop&apos;s setting, on the Shops page).</source>
        <translation>{shop} 的商品需扫描条码核对，不能手工勾选（店铺设置，见“店铺”页）。</translation>
    </message>
    <message>
        <source>There is no such item line in this order.</source>
        <translation>此订单没有这一行商品。</translation>
    </message>
    <message>
        <source>{title} {attributes} ({sku}) is ticked off already.</source>
        <translation>{title} {attributes}（{sku}）已勾选完。</translation>
    </message>
    <message>
        <source>Order {order_no} changed while it was on the packing desk: scan its dispatch note again. Nothing was saved.</source>
        <translation>订单 {order_no} 在打包台上时被修改了：请重新扫描发货单。未保存任何内容。</translation>
    </message>
    <message>
        <source>Not everything is checked yet. Still to pack: {left}.</source>
        <translation>还没有全部核对。还需打包：{left}。</translation>
    </message>
    <message>
        <source>Scan the waybill number on the shipping label to confirm it.</source>
        <translation>请扫描快递单上的运单号以确认。</translation>
    </message>
    <message>
        <source>Label and order do not belong together: the label says {scanned}, order {order_no} has waybill number {number}. Find this order&apos;s label.</source>
        <translation>快递单与订单不符：快递单上是 {scanned}，订单 {order_no} 的运单号是 {number}。请找到此订单的快递单。</translation>
    </message>
    <message>
        <source>Order {order_no} has no courier, and its shop no default courier: ask {ask} to set one before the label&apos;s number can be recorded.</source>
        <translation>订单 {order_no} 没有快递公司，店铺也没有默认快递：请先让{ask}设置，才能记录快递单号。</translation>
    </message>
    <message>
        <source>Give the branch&apos;s list FILE or --range FIRST-LAST.</source>
        <translation>请给出网点发的单号清单文件，或 --range 起始号-结束号。</translation>
    </message>
    <message>
        <source>{courier} numbers cannot be loaded as a range (they carry a check digit or letters): load the list the branch gave.</source>
        <translation>{courier}的单号不能按号段装入（含校验位或字母）：请装入网点给的单号清单。</translation>
    </message>
    <message>
        <source>“{text}” is not a range: write FIRST-LAST, both of the same length (e.g. {example}-…).</source>
        <translation>“{text}”不是号段：请写成 起始号-结束号，两端位数相同（例如 {example}-…）。</translation>
    </message>
    <message>
        <source>The range {text} holds {count} numbers: a range holds 1 to {most}.</source>
        <translation>号段 {text} 含 {count} 个单号：一个号段只能含 1 到 {most} 个。</translation>
    </message>
    <message>
        <source>The number {number} is in the list twice (lines {first} and {second}). Nothing was loaded.</source>
        <translation>单号 {number} 在清单中出现两次（第 {first} 行和第 {second} 行）。没有装入任何单号。</translation>
    </message>
    <message>
        <source>{count} numbers do not fit the {courier} pattern {pattern} (line: number) {lines}. Nothing was loaded.</source>
        <translation>有 {count} 个单号不符合{courier}的单号规则 {pattern}（行：单号）{lines}。没有装入任何单号。</translation>
    </message>
    <message>
        <source>There are no numbers to load.</source>
        <translation>没有可装入的单号。</translation>
    </message>
    <message>
        <source>{count} of these {courier} numbers were loaded before (the first, {number}, into the pool of {shop} on {date}): the same numbers cannot be loaded twice. Nothing was loaded.</source>
        <translation>其中 {count} 个{courier}单号已经装入过（第一个 {number}，于 {date} 装入 {shop} 的单号池）：同一批单号不能装入两次。没有装入任何单号。</translation>
    </message>
    <message>
        <source>The number {number} is already the waybill number of order {order_no}. Nothing was loaded.</source>
        <translation>单号 {number} 已是订单 {order_no} 的运单号。没有装入任何单号。</translation>
    </message>
    <message>
        <source>Give the branch&apos;s list of numbers or a range, not both.</source>
        <translation>请给出网点的单号清单或号段，二者只选其一。</translation>
    </message>
    <message>
        <source>The warning threshold is a number of waybills from 0 to 1000000.</source>
        <translation>预警数量是 0 到 1000000 之间的运单数。</translation>
    </message>
    <message>
        <source>The {courier} number pool of {shop} has {left} numbers left; this batch needs {need}. Nothing was printed or recorded: an administrator loads the branch&apos;s next numbers (afterdesk waybills load), or print fewer orders.</source>
        <translation>{shop} 的{courier}单号池只剩 {left} 个单号，本批需要 {need} 个。没有打印，也没有登记：请管理员装入网点的新单号（afterdesk waybills load），或少打几单。</translation>
    </message>
    <message>
        <source>The {courier} number pool of {shop} has {left} numbers left after this batch (the shop warns below {threshold}): ask the branch for more.</source>
        <translation>本批打印后，{shop} 的{courier}单号池只剩 {left} 个单号（店铺设定少于 {threshold} 个时提醒）：请向网点再要单号。</translation>
    </message>
    <message>
        <source>No courier “{courier}” is known (known: {known}). An administrator adds it with “afterdesk waybills courier CODE --name … --pattern …”.</source>
        <translation>没有名为“{courier}”的快递公司（已有：{known}）。管理员可用“afterdesk waybills courier 代码 --name … --pattern …”添加。</translation>
    </message>
    <message>
        <source>“{number}” is not a {courier} waybill number: {courier} numbers match the pattern {pattern} (for example {example}).</source>
        <translation>“{number}”不是{courier}的运单号：{courier}运单号须符合规则 {pattern}（例如 {example}）。</translation>
    </message>
    <message>
        <source>“{pattern}” is not a valid pattern (regular expression): {why}.</source>
        <translation>“{pattern}”不是有效的单号规则（正则表达式）：{why}。</translation>
    </message>
    <message>
        <source>The pattern “{pattern}” would accept an empty number.</source>
        <translation>规则“{pattern}”会接受空单号。</translation>
    </message>
    <message>
        <source>A new courier {code} needs a name and a pattern (--name, --pattern).</source>
        <translation>新快递公司 {code} 需要名称和单号规则（--name、--pattern）。</translation>
    </message>
    <message>
        <source>“{name}” already names the courier {other}.</source>
        <translation>“{name}”已是快递公司 {other} 的名称。</translation>
    </message>
    <message>
        <source>The waybill number {number} is already order {other}&apos;s.</source>
        <translation>运单号 {number} 已属于订单 {other}。</translation>
    </message>
    <message>
        <source>“{text}” is not a date: write it as 2026-12-06.</source>
        <translation>“{text}”不是日期：请写成 2026-12-06 的样子。</translation>
    </message>
    <message>
        <source>Unknown export format “{format}”: use taobao, jd, douyin, pdd, shopify or csv.</source>
        <translation>未知的导出格式“{format}”：可用 taobao、jd、douyin、pdd、shopify 或 csv。</translation>
    </message>
    <message>
        <source>The shop&apos;s shipments kept changing while the file was written; nothing was recorded. Try again.</source>
        <translation>写文件期间店铺的发货记录一直在变，未登记任何内容。请再试一次。</translation>
    </message>
    <message>
        <source>Waybill {number} was handed over already, on manifest {manifest} at {time}.</source>
        <translation>运单 {number} 已经交接过了：交接单 {manifest}，{time}。</translation>
    </message>
    <message>
        <source>Waybill {number} was scanned twice: it is in the list already (scanned at {time}). Count it once.</source>
        <translation>运单 {number} 重复扫描：已在交接清单中（{time} 扫入），只计一次。</translation>
    </message>
    <message>
        <source>Waybill {number} is in the hand-over list of {other} already.</source>
        <translation>运单 {number} 已在 {other} 的交接清单中。</translation>
    </message>
    <message>
        <source>Waybill {number} belongs to {other}, not {courier}: this parcel goes with {other}&apos;s hand-over.</source>
        <translation>运单 {number} 属于 {other}，不是 {courier}：此包裹应交给 {other}。</translation>
    </message>
    <message>
        <source>Order {order_no} (waybill {number}) was cancelled: keep the parcel back and return the goods to stock.</source>
        <translation>订单 {order_no}（运单 {number}）已作废：请扣下包裹，商品退回库存。</translation>
    </message>
    <message>
        <source>Order {order_no} (waybill {number}) is shipped already.</source>
        <translation>订单 {order_no}（运单 {number}）已发货。</translation>
    </message>
    <message>
        <source>Order {order_no} (waybill {number}) is “{stage}”, not packed: it goes through the packing desk first.</source>
        <translation>订单 {order_no}（运单 {number}）为“{stage}”，尚未打包：请先到打包台打包贴单。</translation>
    </message>
    <message>
        <source>Order {order_no} (waybill {number}) has a cancellation under way, asked by {name}: keep the parcel back and ask them.</source>
        <translation>订单 {order_no}（运单 {number}）正在取消中（{name} 提出）：请扣下包裹并与提出人确认。</translation>
    </message>
    <message>
        <source>Order {order_no} (waybill {number}) has a change under way, asked by {name}: keep the parcel back; it is reprinted and packed again.</source>
        <translation>订单 {order_no}（运单 {number}）有修改正在处理（{name} 提出）：请扣下包裹，补打后重新打包。</translation>
    </message>
    <message>
        <source>Order {order_no} (waybill {number}) was changed after it was packed ({time}, {name}): the parcel may not match it. Retrieve it; the printer reprints and it is packed again.</source>
        <translation>订单 {order_no}（运单 {number}）在打包后被修改过（{time}，{name}）：包裹可能与订单不符。请取回包裹，打单人员补打后重新打包。</translation>
    </message>
    <message>
        <source>The exchange of case {case_no} (waybill {number}) is shipped already ({time}).</source>
        <translation>售后单 {case_no} 的换货（运单号 {number}）已发出（{time}）。</translation>
    </message>
    <message>
        <source>The exchange of case {case_no} (waybill {number}) is not packed: it goes through the packing desk first.</source>
        <translation>售后单 {case_no} 的换货（运单号 {number}）尚未打包：请先经打包台打包贴单。</translation>
    </message>
    <message>
        <source>No order has waybill number {number}: check the label, or record the number on its order first.</source>
        <translation>没有运单号为 {number} 的订单：请核对面单，或先在订单上登记此运单号。</translation>
    </message>
    <message>
        <source>Waybill {number} is not in the hand-over list of {courier}.</source>
        <translation>运单 {number} 不在 {courier} 的交接清单中。</translation>
    </message>
    <message>
        <source>The hand-over list of {courier} is empty: scan the parcels first.</source>
        <translation>{courier} 的交接清单是空的：请先扫描包裹。</translation>
    </message>
    <message>
        <source>The hand-over list of {courier} kept changing while the manifest was printed; nothing was recorded. Try again.</source>
        <translation>打印交接单期间 {courier} 的交接清单一直在变，未登记任何内容。请再试一次。</translation>
    </message>
    <message>
        <source>{count} orders of this batch have no courier or no waybill number ({orders}): print packing labels for them instead (marked as not a shipping label) or hold them back. Nothing was printed.</source>
        <translation>本批有 {count} 个订单没有快递公司或运单号（{orders}）：请选择改为打印打包标签（标明非快递面单）或暂不打印这些订单。没有打印任何单据。</translation>
    </message>
    <message>
        <source>Order {order_no} has no courier or no waybill number: held back (load the pool, import the numbers, or type its number in).</source>
        <translation>订单 {order_no} 没有快递公司或运单号：暂不打印（请装入单号池、导入单号或录入单号）。</translation>
    </message>
    <message>
        <source>{count} orders have no courier or no waybill number and print packing labels, not shipping labels: {orders}.</source>
        <translation>{count} 个订单没有快递公司或运单号，打印的是打包标签，不是快递面单：{orders}。</translation>
    </message>
    <message>
        <source>{file} is not an e-waybill export: the columns {columns} are missing (order number, courier and waybill number are needed).</source>
        <translation>{file} 不是电子面单导出文件：缺少列 {columns}（需要订单号、快递公司和运单号）。</translation>
    </message>
    <message>
        <source>The waybill number {number} is on line {line} too.</source>
        <translation>运单号 {number} 在第 {line} 行也出现了。</translation>
    </message>
    <message>
        <source>Order {order_no} is printed with waybill number {number} already: a new number goes through a change request and a reprint.</source>
        <translation>订单 {order_no} 已按运单号 {number} 打印：更换单号须提修改请求并补打。</translation>
    </message>
    <message>
        <source>{where} has an older schema ({revision}). Take a backup on the server first, e.g. pg_dump -Fc -f afterdesk-before-upgrade.dump {name}, then run “afterdesk init --pg-dump-done”.</source>
        <translation>{where} 的数据库结构较旧（{revision}）。请先在服务器上备份，例如 pg_dump -Fc -f afterdesk-before-upgrade.dump {name}，然后运行“afterdesk init --pg-dump-done”。</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored on the server, with pg_restore (README, “Backup”).</source>
        <translation>PostgreSQL 数据库在服务器上用 pg_restore 恢复（见 README 的“Backup”一节）。</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{path} was made by a newer AfterDesk (schema {revision}). Please update AfterDesk on this computer first.</source>
        <translation>{path} 由更新版本的 AfterDesk 创建（数据库结构 {revision}）。请先更新这台电脑上的 AfterDesk。</translation>
    </message>
    <message>
        <source>The audit log of the copy fails its check ({count} problems; the first: {problem}).</source>
        <translation>备份中的审计日志未通过校验（{count} 处问题；第一处：{problem}）。</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not there (a USB drive not plugged in?). No backup was taken.</source>
        <translation>备份文件夹 {folder} 不存在（U 盘没有插上？）。本次未备份。</translation>
    </message>
    <message>
        <source>{path} is the database itself: choose a backup.</source>
        <translation>{path} 就是当前数据库本身：请选择一个备份文件。</translation>
    </message>
    <message>
        <source>{path} is open in AfterDesk (or another program): close it, then restore. Nothing was replaced.</source>
        <translation>{path} 正在被 AfterDesk（或其他程序）打开：请先关闭，再恢复。没有替换任何文件。</translation>
    </message>
    <message>
        <source>“{text}” is not a shift: write it as 09:00-11:30, 12:30-18:30.</source>
        <translation>“{text}”不是有效的班次：请写成 09:00-11:30, 12:30-18:30。</translation>
    </message>
    <message>
        <source>“{text}” is not a time of day.</source>
        <translation>“{text}”不是有效的时间。</translation>
    </message>
    <message>
        <source>The shift “{text}” ends before it starts.</source>
        <translation>班次“{text}”的结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>Shifts overlap: “{text}”.</source>
        <translation>班次有重叠：“{text}”。</translation>
    </message>
    <message>
        <source>“{port}” is not a port: a number like 5432.</source>
        <translation>“{port}”不是端口号：应为数字，例如 5432。</translation>
    </message>
    <message>
        <source>The server {host} refused the password of the user {user}.</source>
        <translation>服务器 {host} 拒绝了用户 {user} 的密码。</translation>
    </message>
    <message>
        <source>The server {host} has no database “{database}”. Check the name, or have it made on the server (createdb -O {user} {database}).</source>
        <translation>服务器 {host} 上没有数据库“{database}”。请检查名称，或在服务器上创建它（createdb -O {user} {database}）。</translation>
    </message>
    <message>
        <source>The server {host} has no user “{user}”.</source>
        <translation>服务器 {host} 上没有用户“{user}”。</translation>
    </message>
    <message>
        <source>The server {host}:{port} cannot be reached. Check the address and the port, and that the server is running and lets this PC in. ({reason})</source>
        <translation>无法连接服务器 {host}:{port}。请检查地址和端口，并确认服务器正在运行且允许本机连接。（{reason}）</translation>
    </message>
    <message>
        <source>The database “{database}” on {host} holds other tables, not AfterDesk&apos;s: choose an empty database for AfterDesk.</source>
        <translation>{host} 上的数据库“{database}”中有其他程序的表，不是售后台的：请为售后台选择一个空数据库。</translation>
    </message>
    <message>
        <source>The user {user} may not create AfterDesk&apos;s tables in “{database}”. The administrator sets the database up once with “afterdesk init --owner-url …” (README, “A team on several PCs”); then this PC joins it.</source>
        <translation>用户 {user} 无权在“{database}”中创建售后台的数据表。请管理员先用“afterdesk init --owner-url …”初始化一次数据库（见 README“A team on several PCs”），然后本机即可加入。</translation>
    </message>
    <message>
        <source>The two passwords differ. Please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>“{text}” is not a day: write it as 2026-11-03.</source>
        <translation>“{text}”不是日期：请写成 2026-11-03。</translation>
    </message>
    <message>
        <source>There is no account {username}.</source>
        <translation>没有账号 {username}。</translation>
    </message>
    <message>
        <source>The roster is printed as a .pdf file: {path}</source>
        <translation>值班表打印为 .pdf 文件：{path}</translation>
    </message>
    <message>
        <source>The rotation changes every 1 to 31 days.</source>
        <translation>轮班间隔为 1 到 31 天。</translation>
    </message>
    <message>
        <source>There is no shift “{code}”: {known}.</source>
        <translation>没有班次“{code}”：可用 {known}。</translation>
    </message>
    <message>
        <source>{username} has no shift on {day} to swap.</source>
        <translation>{username} 在 {day} 没有班次可换。</translation>
    </message>
    <message>
        <source>{a} and {b} work the same shift on {day}.</source>
        <translation>{a} 和 {b} 在 {day} 上的是同一个班。</translation>
    </message>
    <message>
        <source>{username} already has a swap on {other} (#{id}): the procedure allows no swaps on consecutive days.</source>
        <translation>{username} 在 {other} 已有换班(#{id}):按制度不允许连续换班。</translation>
    </message>
    <message>
        <source>Swap with a colleague, not yourself.</source>
        <translation>请与同事换班，不能与自己换。</translation>
    </message>
    <message>
        <source>Swap #{id} waits for {username} to agree: the supervisor approves a swap the two people asked for.</source>
        <translation>换班 #{id} 还在等待 {username} 同意：主管只批准双方都申请的换班。</translation>
    </message>
    <message>
        <source>Only {username} can agree to swap #{id}.</source>
        <translation>只有 {username} 可以同意换班 #{id}。</translation>
    </message>
    <message>
        <source>Only {a} or {b} can withdraw swap #{id}.</source>
        <translation>只有 {a} 或 {b} 可以撤回换班 #{id}。</translation>
    </message>
    <message>
        <source>There is no swap #{id}.</source>
        <translation>没有换班申请 #{id}。</translation>
    </message>
    <message>
        <source>Swap #{id} is already “{state}”.</source>
        <translation>换班 #{id} 已是“{state}”。</translation>
    </message>
    <message>
        <source>The score rule “{code}” is turned off.</source>
        <translation>评分条款“{code}”已停用。</translation>
    </message>
    <message>
        <source>Evidence is an order, case, request or complaint.</source>
        <translation>依据须为订单、售后单、请求或投诉。</translation>
    </message>
    <message>
        <source>Entry #{id} is another person&apos;s.</source>
        <translation>评分记录 #{id} 属于其他人。</translation>
    </message>
    <message>
        <source>There is no score entry #{id}.</source>
        <translation>没有评分记录 #{id}。</translation>
    </message>
    <message>
        <source>Entry #{id} is already “{state}”.</source>
        <translation>评分记录 #{id} 已是“{state}”。</translation>
    </message>
    <message>
        <source>The score sheet is written as .xlsx or .pdf: {path}</source>
        <translation>评分表只能导出为 .xlsx 或 .pdf：{path}</translation>
    </message>
    <message>
        <source>“{text}” is not a month: write it as 2026-11.</source>
        <translation>“{text}”不是月份：请写成 2026-11。</translation>
    </message>
    <message>
        <source>The sheet of {month} is submitted: nothing in it changes unless an administrator sends it back.</source>
        <translation>{month} 的评分表已提交：管理员退回之前，不能再修改。</translation>
    </message>
    <message>
        <source>The sheet of {month} is approved and locked: a correction is a new entry in {next}.</source>
        <translation>{month} 的评分表已批准并锁定：更正须作为 {next} 的新记录登记。</translation>
    </message>
    <message>
        <source>There is no score rule “{code}”.</source>
        <translation>没有评分条款“{code}”。</translation>
    </message>
    <message>
        <source>Rule “{code}” needs the points (--points).</source>
        <translation>条款“{code}”需要填写分数（--points）。</translation>
    </message>
    <message>
        <source>A correction is between −100 and +100 points.</source>
        <translation>更正分数须在 −100 到 +100 之间。</translation>
    </message>
    <message>
        <source>Rule “{code}” gives {low} to {high} points.</source>
        <translation>条款“{code}”的分数为 {low} 到 {high}。</translation>
    </message>
    <message>
        <source>A rule is worth between −100 and +100 points.</source>
        <translation>条款分数须在 −100 到 +100 之间。</translation>
    </message>
    <message>
        <source>The sheet of {month} is already “{state}”.</source>
        <translation>{month} 的评分表已是“{state}”。</translation>
    </message>
    <message>
        <source>{count} proposals of {month} are not decided yet: confirm or dismiss them first.</source>
        <translation>{month} 还有 {count} 条建议未处理：请先确认或驳回。</translation>
    </message>
    <message>
        <source>The sheet of {month} is “{state}”: only a submitted sheet is approved.</source>
        <translation>{month} 的评分表为“{state}”：只有已提交的评分表才能批准。</translation>
    </message>
    <message>
        <source>The sheet of {month} is “{state}”: only a submitted sheet is sent back.</source>
        <translation>{month} 的评分表为“{state}”：只有已提交的评分表才能退回。</translation>
    </message>
    <message>
        <source>There is no active staff account “{name}”.</source>
        <translation>没有在用的员工账号“{name}”。</translation>
    </message>
    <message>
        <source>{name} is not in after-sales: only after-sales or the supervisor own complaints.</source>
        <translation>{name} 不是售后人员：投诉只能由售后客服或客服主管负责。</translation>
    </message>
    <message>
        <source>There is no complaint {complaint_no}.</source>
        <translation>没有投诉单 {complaint_no}。</translation>
    </message>
    <message>
        <source>Complaint {complaint_no} was changed while you had it open. Reload it and try again; nothing was saved.</source>
        <translation>投诉单 {complaint_no} 在您打开期间已被他人修改。请重新载入后再试；未保存任何内容。</translation>
    </message>
    <message>
        <source>“{category}” is not one of the shop&apos;s categories: {categories}.</source>
        <translation>“{category}”不是本店的投诉类别：{categories}。</translation>
    </message>
    <message>
        <source>Complaint {complaint_no} is “{state}”: not possible now.</source>
        <translation>投诉单 {complaint_no} 状态为“{state}”：现在不能这样操作。</translation>
    </message>
    <message>
        <source>Complaint {complaint_no} names no staff member to confirm it against.</source>
        <translation>投诉单 {complaint_no} 没有指明被投诉的员工，无法确认责任。</translation>
    </message>
    <message>
        <source>Complaint {complaint_no} was already confirmed by {name} at {time}.</source>
        <translation>投诉单 {complaint_no} 已由 {name} 于 {time} 确认。</translation>
    </message>
    <message>
        <source>“{text}” is not a date and time: write it as 2026-12-10 18:00.</source>
        <translation>“{text}”不是日期时间：请写成 2026-12-10 18:00。</translation>
    </message>
    <message>
        <source>Case {case_no} is not linked to an order yet: link it before the dispute.</source>
        <translation>售后单 {case_no} 尚未关联订单：请先关联订单再登记维权。</translation>
    </message>
    <message>
        <source>The deadline {time} has already passed: check the platform&apos;s date.</source>
        <translation>截止时间 {time} 已经过去：请核对平台上的日期。</translation>
    </message>
    <message>
        <source>Dispute {dispute_no} is already recorded.</source>
        <translation>维权 {dispute_no} 已登记过。</translation>
    </message>
    <message>
        <source>Dispute {dispute_no} already ended: {outcome} ({name}, {time}).</source>
        <translation>维权 {dispute_no} 已结束：{outcome}（{name}，{time}）。</translation>
    </message>
    <message>
        <source>There is no dispute {dispute_no}.</source>
        <translation>没有维权 {dispute_no}。</translation>
    </message>
    <message>
        <source>Case {case_no} is not linked to an order: no evidence pack yet.</source>
        <translation>售后单 {case_no} 未关联订单：暂不能生成证据包。</translation>
    </message>
    <message>
        <source>The evidence pack is a PDF: name it “….pdf”.</source>
        <translation>证据包是 PDF 文件：请命名为“….pdf”。</translation>
    </message>
    <message>
        <source>“{month}” is not a month: write it as 2026-11.</source>
        <translation>“{month}”不是月份：请写成 2026-11。</translation>
    </message>
    <message>
        <source>Give at least one category.</source>
        <translation>请至少填写一个类别。</translation>
    </message>
    <message>
        <source>“{name}” is used by {count} complaint(s): retire it instead of deleting it.</source>
        <translation>“{name}”已用于 {count} 条投诉：请停用，不能删除。</translation>
    </message>
    <message>
        <source>The category “{name}” is listed twice.</source>
        <translation>类别“{name}”重复了。</translation>
    </message>
    <message>
        <source>The categories were changed while you had them open. Reload them and try again; nothing was saved.</source>
        <translation>您打开期间投诉类别已被他人修改。请重新载入后再试；未保存任何内容。</translation>
    </message>
    <message>
        <source>A deadline is between 0 and {max} hours; {value} is not.</source>
        <translation>时限应在 0 到 {max} 小时之间；{value} 不符合。</translation>
    </message>
    <message>
        <source>The resolution deadline cannot come before the first response&apos;s.</source>
        <translation>解决时限不能早于首次响应时限。</translation>
    </message>
    <message>
        <source>“{text}” is not a channel: im, phone, sms or platform.</source>
        <translation>“{text}”不是告知方式：im、phone、sms 或 platform。</translation>
    </message>
    <message>
        <source>{name} told the customer of case {case_no} already, at {time}.</source>
        <translation>{name} 已于 {time} 告知售后单 {case_no} 的客户。</translation>
    </message>
    <message>
        <source>Case {case_no}: receipt was confirmed already, by {name} at {time}.</source>
        <translation>售后单 {case_no}：{name} 已于 {time} 确认客户收到。</translation>
    </message>
    <message>
        <source>The deadline {time} has passed already: check the date and time.</source>
        <translation>期限 {time} 已过：请检查日期和时间。</translation>
    </message>
    <message>
        <source>“{text}” is not a date and time: write it as 2026-12-08 18:00.</source>
        <translation>“{text}”不是日期时间：请写成 2026-12-08 18:00。</translation>
    </message>
    <message>
        <source>Order {order_no} is marked made to order already.</source>
        <translation>订单 {order_no} 已标为定制。</translation>
    </message>
    <message>
        <source>“{kind}” is not a kind of task. Kinds: {kinds}.</source>
        <translation>“{kind}”不是任务种类。种类：{kinds}。</translation>
    </message>
    <message>
        <source>“{text}” is not a number of hours between 0.1 and 720.</source>
        <translation>“{text}”不是 0.1 到 720 之间的小时数。</translation>
    </message>
    <message>
        <source>The deadline of “{kind}” is set elsewhere (see docs/supervision.md).</source>
        <translation>“{kind}”的期限在别处设置（见 docs/supervision.md）。</translation>
    </message>
    <message>
        <source>There is no open task “{kind}” for {key}: it may be done already.</source>
        <translation>{key} 没有未完成的“{kind}”任务：可能已经办完。</translation>
    </message>
    <message>
        <source>There is no account {user}.</source>
        <translation>没有账号 {user}。</translation>
    </message>
    <message>
        <source>The account {user} is disabled: give the task to someone at work.</source>
        <translation>账号 {user} 已停用：请把任务交给在岗的人。</translation>
    </message>
    <message>
        <source>{name} is not {role}: this task needs someone who is.</source>
        <translation>{name} 不是{role}：此任务需要该岗位的人。</translation>
    </message>
    <message>
        <source>The task is {name}&apos;s already.</source>
        <translation>任务已经是 {name} 的。</translation>
    </message>
    <message>
        <source>“{text}” is not a date: write it as 2026-12-08.</source>
        <translation>“{text}”不是日期：请写成 2026-12-08。</translation>
    </message>
    <message>
        <source>{date} has not come yet.</source>
        <translation>{date} 还没到。</translation>
    </message>
    <message>
        <source>You recorded today&apos;s review already, at {time}.</source>
        <translation>您已于 {time} 记录了今天的检查。</translation>
    </message>
    <message>
        <source>“{code}” is not a shift code: a letter, then letters, digits or _, at most 24 (e.g. warehouse_day).</source>
        <translation>“{code}” 不是班次代码:以字母开头,其后为字母、数字或 _,最多 24 个字符(例如 warehouse_day)。</translation>
    </message>
    <message>
        <source>“{team}” is not a team: {teams}.</source>
        <translation>“{team}” 不是班组:{teams}。</translation>
    </message>
    <message>
        <source>A shift needs its hours, e.g. 09:00-11:30, 12:30-18:30.</source>
        <translation>班次需要填写时间,例如 09:00-11:30, 12:30-18:30。</translation>
    </message>
    <message>
        <source>“{text}” is not a band: write each as from-down to:元 a point, e.g. 100-90:10, 90-80:20.</source>
        <translation>“{text}”不是分数段：每段写成 起-止:每分金额，例如 100-90:10, 90-80:20。</translation>
    </message>
    <message>
        <source>The money rules need a band.</source>
        <translation>扣款规则至少需要一个分数段。</translation>
    </message>
    <message>
        <source>The band {high}-{low} does not fit: bands go from high to low, within 0 to 200 points, and do not overlap.</source>
        <translation>分数段 {high}-{low} 不合适：分数段须从高到低排列，在 0 到 200 分之间，且互不重叠。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Held back / needs care</source>
        <translation>暂缓 / 需注意</translation>
    </message>
</context>
<context>
    <name>WaybillsDialog</name>
    <message>
        <source>Waybill numbers</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Number pools</source>
        <translation>单号池</translation>
    </message>
    <message>
        <source>Courier patterns</source>
        <translation>快递单号规则</translation>
    </message>
    <message>
        <source>Only an administrator loads numbers or changes patterns.</source>
        <translation>只有管理员可以导入单号或修改单号规则。</translation>
    </message>
    <message>
        <source>The branch&apos;s list (CSV, XLSX or text)</source>
        <translation>网点给的单号清单（CSV、XLSX 或文本）</translation>
    </message>
    <message>
        <source>A range FIRST-LAST</source>
        <translation>号段 起始-结束</translation>
    </message>
    <message>
        <source>choose the file the branch sent</source>
        <translation>选择网点发来的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Load numbers</source>
        <translation>导入单号</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Load the numbers a courier&apos;s branch issued</source>
        <translation>导入快递网点分配的单号</translation>
    </message>
    <message>
        <source>Save threshold</source>
        <translation>保存提醒阈值</translation>
    </message>
    <message>
        <source>Warn when a pool of this shop has fewer than</source>
        <translation>本店单号池少于</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>个单号时提醒</translation>
    </message>
    <message>
        <source>The branch&apos;s list of waybill numbers</source>
        <translation>网点的运单号清单</translation>
    </message>
    <message>
        <source>Lists of numbers (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>单号清单 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Loaded {count} {courier} numbers for {shop}: {left} left.</source>
        <translation>已为 {shop} 导入 {count} 个{courier}单号：剩余 {left} 个。</translation>
    </message>
    <message>
        <source>{shop}: the Printing page warns when a pool has fewer than {n}.</source>
        <translation>{shop}：单号池少于 {n} 个时，打印页面会提醒。</translation>
    </message>
    <message>
        <source>e.g. SF</source>
        <translation>例如 SF</translation>
    </message>
    <message>
        <source>other spellings, separated by commas</source>
        <translation>其他写法，用逗号分隔</translation>
    </message>
    <message>
        <source>Numbers run in sequence (may be loaded as a range)</source>
        <translation>单号连续（可按号段导入）</translation>
    </message>
    <message>
        <source>Save courier</source>
        <translation>保存快递公司</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>单号规则</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>A pattern is a regular expression a whole number must match; the example must fit it. Numbers that do not fit are refused with the pattern named.</source>
        <translation>单号规则是整个单号必须匹配的正则表达式；示例必须符合规则。不符合规则的单号会被拒绝，并注明规则。</translation>
    </message>
    <message>
        <source>Add or change a courier (choose one in the list to change it)</source>
        <translation>新增或修改快递公司（在列表中选择一家即可修改）</translation>
    </message>
    <message>
        <source>Saved the courier {name} ({code}): numbers must match {pattern}.</source>
        <translation>已保存快递公司 {name}（{code}）：单号须符合 {pattern}。</translation>
    </message>
</context>
<context>
    <name>_ApproveForm</name>
    <message>
        <source>why this case is an exception</source>
        <translation>为什么这个售后单破例</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 中必须给出一个</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多需要一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>忽略了多余的值 %r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>意外的选项：%s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>未知的命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>altered</source>
        <translation>被篡改</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>被删除</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>被插入</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>末尾被截断</translation>
    </message>
    <message>
        <source>rewritten</source>
        <translation>被重写</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>unrecorded</source>
        <translation>无审计记录</translation>
    </message>
    <message>
        <source>entries {first}..{last}</source>
        <translation>第 {first}..{last} 条</translation>
    </message>
    <message>
        <source>does not follow its predecessor</source>
        <translation>与上一条不相接</translation>
    </message>
    <message>
        <source>{action} {key}</source>
        <translation>{action} {key}</translation>
    </message>
    <message>
        <source>the log should end at entry {last}</source>
        <translation>日志应到第 {last} 条为止</translation>
    </message>
    <message>
        <source>{checked} entries left; the printed head {head} counts {count}</source>
        <translation>只剩 {checked} 条；打印的审计链 {head} 共 {count} 条</translation>
    </message>
    <message>
        <source>the history up to entry {count} no longer leads to the printed head {head}: an earlier entry was changed and the chain re-hashed</source>
        <translation>到第 {count} 条为止的历史已与打印的审计链 {head} 不符：之前的记录被改过，且整条链被重新计算</translation>
    </message>
    <message>
        <source>note {note} (order {order}): {field} recorded “{recorded}”, now “{now}”</source>
        <translation>备注 {note}（订单 {order}）：{field} 记录为“{recorded}”，现在为“{now}”</translation>
    </message>
    <message>
        <source>case {case}: {field} recorded “{recorded}”, now “{now}”</source>
        <translation>售后单 {case}：{field} 记录为“{recorded}”，现在为“{now}”</translation>
    </message>
    <message>
        <source>notes {first}..{last} ({action}) changed since loading</source>
        <translation>备注 {first}..{last}（{action}）导入后被改过</translation>
    </message>
    <message>
        <source>note {note} (order {order}) has no audit entry</source>
        <translation>备注 {note}（订单 {order}）没有审计记录</translation>
    </message>
    <message>
        <source>case {case}: {field} “{now}” has no audit entry</source>
        <translation>售后单 {case}：{field}“{now}”没有审计记录</translation>
    </message>
    <message>
        <source>note {note} (order {order}) is gone</source>
        <translation>备注 {note}（订单 {order}）已不存在</translation>
    </message>
    <message>
        <source>follow-up {followup} ({task}): {field} recorded “{recorded}”, now “{now}”</source>
        <translation>跟进记录 {followup}（{task}）：{field} 记录为“{recorded}”，现为“{now}”</translation>
    </message>
    <message>
        <source>follow-up {followup} ({task}) has no audit entry</source>
        <translation>跟进记录 {followup}（{task}）没有审计记录</translation>
    </message>
    <message>
        <source>follow-up {followup} ({task}) is gone</source>
        <translation>跟进记录 {followup}（{task}）已不存在</translation>
    </message>
    <message>
        <source>review of {day} by {name}: {field} recorded “{recorded}”, now “{now}”</source>
        <translation>{name} 的 {day} 每日检查：{field} 记录为“{recorded}”，现为“{now}”</translation>
    </message>
    <message>
        <source>review of {day} by {name} has no audit entry</source>
        <translation>{name} 的 {day} 每日检查没有审计记录</translation>
    </message>
    <message>
        <source>review of {day} by {name} is gone</source>
        <translation>{name} 的 {day} 每日检查已不存在</translation>
    </message>
    <message>
        <source>complaint {complaint}, step {step}: {field} recorded “{recorded}”, now “{now}”</source>
        <translation>投诉 {complaint} 的步骤 {step}：{field} 记录为“{recorded}”，现为“{now}”</translation>
    </message>
    <message>
        <source>complaint {complaint}, step {step} has no audit entry</source>
        <translation>投诉 {complaint} 的步骤 {step} 没有审计记录</translation>
    </message>
    <message>
        <source>complaint {complaint}, step {step} is gone</source>
        <translation>投诉 {complaint} 的步骤 {step} 已不存在</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Unexpected error: this is a bug. Details are above.</source>
        <translation>意外错误：这是程序缺陷，详情见上方。</translation>
    </message>
    <message>
        <source>Audit log intact: {n} entries checked.</source>
        <translation>审计日志完好：已检查 {n} 条记录。</translation>
    </message>
    <message>
        <source>Entry {entry}: {kind} ({detail})</source>
        <translation>第 {entry} 条：{kind}（{detail}）</translation>
    </message>
    <message>
        <source>No orders found.</source>
        <translation>未找到订单。</translation>
    </message>
    <message>
        <source>Recipient: {name}  {phone}</source>
        <translation>收件人：{name}  {phone}</translation>
    </message>
    <message>
        <source>Address: {address}  {postcode}</source>
        <translation>地址：{address}  {postcode}</translation>
    </message>
    <message>
        <source>Buyer: {buyer}</source>
        <translation>买家：{buyer}</translation>
    </message>
    <message>
        <source>Paid: {time}</source>
        <translation>付款时间：{time}</translation>
    </message>
    <message>
        <source>Courier: {courier} {number}</source>
        <translation>快递：{courier} {number}</translation>
    </message>
    <message>
        <source>Buyer message: {text}</source>
        <translation>买家留言：{text}</translation>
    </message>
    <message>
        <source>The old database was copied to {path}</source>
        <translation>旧数据库已复制到 {path}</translation>
    </message>
    <message>
        <source>Schema created or upgraded: {where}</source>
        <translation>数据库结构已创建或升级：{where}</translation>
    </message>
    <message>
        <source>Schema already up to date: {where}</source>
        <translation>数据库结构已是最新：{where}</translation>
    </message>
    <message>
        <source>Application role {role}: does the day&apos;s work, may only add to notes and the audit log, and owns nothing.</source>
        <translation>应用角色 {role}：可以做日常工作，对备注和审计日志只能新增，不拥有任何对象。</translation>
    </message>
    <message>
        <source>Owner (administrator) password for {where}: </source>
        <translation>{where} 的所有者（管理员）密码：</translation>
    </message>
    <message>
        <source>The database already has data; the demo was not loaded.</source>
        <translation>数据库中已有数据，未装入演示数据。</translation>
    </message>
    <message>
        <source>Demo shop ready: {orders} orders, {items} items, {notes} notes.</source>
        <translation>演示店铺已就绪：{orders} 个订单，{items} 个商品行，{notes} 条备注。</translation>
    </message>
    <message>
        <source>Accounts (password “demo”): {users}</source>
        <translation>账号（密码均为“demo”）：{users}</translation>
    </message>
    <message>
        <source>Backup written to {path} and checked ({entries} audit entries).</source>
        <translation>备份已写入 {path} 并已校验（{entries} 条审计记录）。</translation>
    </message>
    <message>
        <source>Older backup removed: {path}</source>
        <translation>已删除较旧的备份：{path}</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>The current database cannot be opened ({where}); restoring over it.</source>
        <translation>当前数据库无法打开（{where}）；将用备份覆盖它。</translation>
    </message>
    <message>
        <source>Restored {source} to {where} (schema {revision}, {entries} audit entries checked).</source>
        <translation>已将 {source} 恢复到 {where}（数据库结构 {revision}，已校验 {entries} 条审计记录）。</translation>
    </message>
    <message>
        <source>The database it replaced is kept as {path}</source>
        <translation>被替换的数据库保留为 {path}</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat it: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>The password cannot be kept in a keyring here: {why}.</source>
        <translation>此处无法把密码保存到系统钥匙串：{why}。</translation>
    </message>
    <message>
        <source>Database password for {where}: </source>
        <translation>{where} 的数据库密码：</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>URGENT </source>
        <translation>【加急】</translation>
    </message>
    <message>
        <source>asked by {name} at {time}</source>
        <translation>{name} 于 {time} 提出</translation>
    </message>
    <message>
        <source>done by {name} at {time}</source>
        <translation>{name} 于 {time} 完成</translation>
    </message>
    <message>
        <source>The item will carry SKU {sku}.</source>
        <translation>该商品将使用 SKU {sku}。</translation>
    </message>
    <message>
        <source>Open requests are highlighted after {n} minutes.</source>
        <translation>未处理的请求超过 {n} 分钟后高亮显示。</translation>
    </message>
    <message>
        <source>Sent to printer {queue}: {job}</source>
        <translation>已发送到打印机 {queue}：{job}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <source>{count} orders waiting</source>
        <translation>{count} 个订单待打印</translation>
    </message>
    <message>
        <source>Add --without-waybill packing or --without-waybill hold.</source>
        <translation>请加上 --without-waybill packing（打印打包标签）或 --without-waybill hold（暂不打印）。</translation>
    </message>
    <message>
        <source>Batch {batch}: {count} orders printed to {path}</source>
        <translation>批次 {batch}：已打印 {count} 个订单到 {path}</translation>
    </message>
    <message>
        <source>Held back: {text}</source>
        <translation>暂不打印：{text}</translation>
    </message>
    <message>
        <source>Changed while drawing, held back for the next batch: {orders}</source>
        <translation>打印期间有改动，已留到下一批：{orders}</translation>
    </message>
    <message>
        <source>Reprinted {count} orders to {path}</source>
        <translation>已补打 {count} 个订单到 {path}</translation>
    </message>
    <message>
        <source>{pages} pages written to {path}</source>
        <translation>已写入 {pages} 页到 {path}</translation>
    </message>
    <message>
        <source>Recorded, but its PDF never reached {path}; draw it again with “afterdesk print place {batch}”.</source>
        <translation>已记录，但其 PDF 没有写到 {path}；请用“afterdesk print place {batch}”重新生成。</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>{order_no}: printed copy out of date (batch {batch}); reprint it</source>
        <translation>{order_no}：已打印的单据已过期（批次 {batch}），请补打</translation>
    </message>
    <message>
        <source>Orders of {shop} without a courier go with {courier}.</source>
        <translation>{shop} 没有快递公司的订单默认发{courier}。</translation>
    </message>
    <message>
        <source>{shop} has no default courier.</source>
        <translation>{shop} 没有默认快递公司。</translation>
    </message>
    <message>
        <source>No cases found.</source>
        <translation>未找到售后单。</translation>
    </message>
    <message>
        <source>{n} cases written to {path}</source>
        <translation>已将 {n} 个售后单写入 {path}</translation>
    </message>
    <message>
        <source>due {time}</source>
        <translation>时限 {time}</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>order: {order_no}</source>
        <translation>订单：{order_no}</translation>
    </message>
    <message>
        <source>about staff member: {name}</source>
        <translation>被投诉员工：{name}</translation>
    </message>
    <message>
        <source>satisfaction: attitude {a}, speed {s}, accuracy {c}</source>
        <translation>满意度：态度 {a}，速度 {s}，准确 {c}</translation>
    </message>
    <message>
        <source>no first response by the deadline</source>
        <translation>超过首次响应时限未响应</translation>
    </message>
    <message>
        <source>not resolved by the deadline</source>
        <translation>超过解决时限未解决</translation>
    </message>
    <message>
        <source>Give --priority, --respond and --resolve together.</source>
        <translation>请同时给出 --priority、--respond 和 --resolve。</translation>
    </message>
    <message>
        <source>{priority}: first response {respond} h, resolved {resolve} h</source>
        <translation>{priority}：首次响应 {respond} 小时，解决 {resolve} 小时</translation>
    </message>
    <message>
        <source>other cases of this order: {numbers}</source>
        <translation>该订单的其他售后单：{numbers}</translation>
    </message>
    <message>
        <source>reason: {text}</source>
        <translation>原因：{text}</translation>
    </message>
    <message>
        <source>(defect location missing)</source>
        <translation>（未注明问题部位）</translation>
    </message>
    <message>
        <source>quality problem at: {where}</source>
        <translation>质量问题部位：{where}</translation>
    </message>
    <message>
        <source>the defect cannot be photographed (recorded)</source>
        <translation>问题无法拍照（已登记）</translation>
    </message>
    <message>
        <source>photos: {n}</source>
        <translation>照片：{n}</translation>
    </message>
    <message>
        <source>return parcel: {courier} {tracking}</source>
        <translation>退回包裹：{courier} {tracking}</translation>
    </message>
    <message>
        <source>freight: {payer}; advanced by the customer: {amount}</source>
        <translation>运费：{payer}；客户垫付：{amount}</translation>
    </message>
    <message>
        <source>free return freight approved</source>
        <translation>已批准免退货运费</translation>
    </message>
    <message>
        <source>early exchange approved</source>
        <translation>已批准先发换货</translation>
    </message>
    <message>
        <source>warehouse signed</source>
        <translation>仓库已签收</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>exchange shipped</source>
        <translation>换货已发出</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>inspection: {result} {notes}</source>
        <translation>验货：{result} {notes}</translation>
    </message>
    <message>
        <source>refund {amount} ({method}), freight reimbursed {freight}</source>
        <translation>退款 {amount}（{method}），报销运费 {freight}</translation>
    </message>
    <message>
        <source>exchange parcel: {courier} {tracking}</source>
        <translation>换货包裹：{courier} {tracking}</translation>
    </message>
    <message>
        <source>Recall slip of case {case_no} reprinted (copy {copy}) to {path}</source>
        <translation>售后单 {case_no} 的快件退回单已补打（第 {copy} 次），保存到 {path}</translation>
    </message>
    <message>
        <source>Recall slip of case {case_no} written to {path}</source>
        <translation>售后单 {case_no} 的快件退回单已保存到 {path}</translation>
    </message>
    <message>
        <source>Register written to {path} (cases: {n}, pages: {pages})</source>
        <translation>登记表已保存到 {path}（共 {n} 条，{pages} 页）</translation>
    </message>
    <message>
        <source>Exchange order of case {case_no} reprinted (copy {copy}) to {path}</source>
        <translation>售后单 {case_no} 的换货单已补打（第 {copy} 次），保存到 {path}</translation>
    </message>
    <message>
        <source>Exchange order of case {case_no} written to {path}</source>
        <translation>售后单 {case_no} 的换货单已保存到 {path}</translation>
    </message>
    <message>
        <source>No exchange is waiting to be printed.</source>
        <translation>没有待打印的换货单。</translation>
    </message>
    <message>
        <source>signed for by {name} {time}</source>
        <translation>{name} 于 {time} 签收</translation>
    </message>
    <message>
        <source>early exchange approved by {name} {time}</source>
        <translation>{name} 于 {time} 批准先发换货</translation>
    </message>
    <message>
        <source>printed {count}×, last by {name} {time}</source>
        <translation>已打印 {count} 次，最近一次：{name} {time}</translation>
    </message>
    <message>
        <source>  line {line} ({order_no}): {problem}</source>
        <translation>  第 {line} 行（{order_no}）：{problem}</translation>
    </message>
    <message>
        <source>New {new}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}, refused {refused}.</source>
        <translation>新增 {new}，更新 {updated}，未变 {unchanged}，冲突 {conflicts}，拒收 {refused}。</translation>
    </message>
    <message>
        <source>{shop} (new shop)</source>
        <translation>{shop}（新店铺）</translation>
    </message>
    <message>
        <source>Format: {format} ({files}). Shop: {shop}.</source>
        <translation>格式：{format}（{files}）。店铺：{shop}。</translation>
    </message>
    <message>
        <source>This file was imported already (run {run}); nothing was changed.</source>
        <translation>该文件已导入过（第 {run} 次导入）；未作任何更改。</translation>
    </message>
    <message>
        <source>Continued an interrupted import of this file after {count} records.</source>
        <translation>从中断处继续导入该文件（已导入 {count} 条记录）。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written. The first orders:</source>
        <translation>试运行：未写入任何内容。前几个订单：</translation>
    </message>
    <message>
        <source>Stopped as asked: {count} orders came in. Import the same file again to finish.</source>
        <translation>已按要求停止：已导入 {count} 个订单。再次导入同一文件即可完成。</translation>
    </message>
    <message>
        <source>This file was imported already; nothing was changed.</source>
        <translation>该文件已导入过；未作任何更改。</translation>
    </message>
    <message>
        <source>Catalogue of {shop}: new {new}, updated {updated}, unchanged {unchanged}, refused {refused}.</source>
        <translation>{shop} 的商品目录：新增 {new}，更新 {updated}，未变 {unchanged}，拒收 {refused}。</translation>
    </message>
    <message>
        <source>Say where to save the refused rows: --out FILE.csv</source>
        <translation>请指明拒收行保存到哪里：--out 文件.csv</translation>
    </message>
    <message>
        <source>{count} refused rows saved to {path}.</source>
        <translation>已将 {count} 条拒收行保存到 {path}。</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>unfinished at line {line}</source>
        <translation>未完成，停在第 {line} 行</translation>
    </message>
    <message>
        <source>Conflict {id} on {order_no} ({field}) settled: kept {kept}.</source>
        <translation>订单 {order_no} 的冲突 {id}（{field}）已处理：保留 {kept}。</translation>
    </message>
    <message>
        <source>  Buyer message: {text}</source>
        <translation>  买家留言：{text}</translation>
    </message>
    <message>
        <source>Nothing is packed yet: give the shipping label&apos;s number with --waybill NO.</source>
        <translation>尚未打包：请用 --waybill 单号 给出快递单上的运单号。</translation>
    </message>
    <message>
        <source>Order {order_no} packed by {name} at {time}: waybill {courier} {waybill}.</source>
        <translation>订单 {order_no} 已由 {name} 于 {time} 打包：运单 {courier} {waybill}。</translation>
    </message>
    <message>
        <source>The label&apos;s number is now the order&apos;s waybill number.</source>
        <translation>快递单上的号码已记录为订单的运单号。</translation>
    </message>
    <message>
        <source>{shop}: {added} barcodes added, {changed} changed, {unchanged} unchanged.</source>
        <translation>{shop}：新增 {added} 个条码，修改 {changed} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>{shop}: items are ticked by hand at the packing desk.</source>
        <translation>{shop}：打包台上手工勾选商品。</translation>
    </message>
    <message>
        <source>{shop}: items are checked by scanning their barcodes at the packing desk.</source>
        <translation>{shop}：打包台上扫描商品条码核对。</translation>
    </message>
    <message>
        <source>Loaded {count} {courier} numbers for {shop}; {left} are free now.</source>
        <translation>已为 {shop} 装入 {count} 个{courier}单号；现有 {left} 个可用。</translation>
    </message>
    <message>
        <source>No number pool has been loaded.</source>
        <translation>尚未装入任何单号池。</translation>
    </message>
    <message>
        <source>{shop}  {courier}: {left} left, {taken} used</source>
        <translation>{shop}  {courier}：剩 {left} 个，已用 {taken} 个</translation>
    </message>
    <message>
        <source>Warning: the {courier} pool of {shop} is below {threshold}: ask the branch for more numbers.</source>
        <translation>警告：{shop} 的{courier}单号池已少于 {threshold} 个：请向网点再要单号。</translation>
    </message>
    <message>
        <source>{shop}: its number pools will warn below {threshold} numbers.</source>
        <translation>{shop}：单号池少于 {threshold} 个单号时提醒。</translation>
    </message>
    <message>
        <source>{courier} at {shop}: warn below {threshold} numbers ({left} left).</source>
        <translation>{shop} 的{courier}单号池：少于 {threshold} 个单号时提醒（现剩 {left} 个）。</translation>
    </message>
    <message>
        <source>Waybill numbers recorded for {recorded} orders, {unchanged} unchanged, {refused} rows refused.</source>
        <translation>已为 {recorded} 个订单记录运单号，{unchanged} 个未变，{refused} 行被拒。</translation>
    </message>
    <message>
        <source>Nothing was recorded: every row was refused.</source>
        <translation>没有记录任何运单号：每一行都被拒了。</translation>
    </message>
    <message>
        <source>Refused: {text}</source>
        <translation>拒收：{text}</translation>
    </message>
    <message>
        <source>exchange {case_no} of order {order_no}</source>
        <translation>订单 {order_no} 的换货 {case_no}</translation>
    </message>
    <message>
        <source>{number} added ({orders}): {count} parcels for {courier}</source>
        <translation>{number} 已扫入（{orders}）：{courier} 共 {count} 件</translation>
    </message>
    <message>
        <source>{number} taken out: {count} parcels left for {courier}</source>
        <translation>{number} 已移出：{courier} 还剩 {count} 件</translation>
    </message>
    <message>
        <source>{courier}: {count} parcels</source>
        <translation>{courier}：{count} 件</translation>
    </message>
    <message>
        <source>No hand-over list is open.</source>
        <translation>没有未确认的交接清单。</translation>
    </message>
    <message>
        <source>Manifest {manifest}: {count} parcels handed to {courier}, orders shipped; printed to {path}</source>
        <translation>交接单 {manifest}：{count} 件已交给 {courier}，订单已发货；已打印到 {path}</translation>
    </message>
    <message>
        <source>Print batches ({count})</source>
        <translation>打单批次（{count}）</translation>
    </message>
    <message>
        <source>Hand-over manifests ({count})</source>
        <translation>交接单（{count}）</translation>
    </message>
    <message>
        <source>Exchanges shipped ({count})</source>
        <translation>已发出的换货（{count}）</translation>
    </message>
    <message>
        <source>No new shipments for {shop} since the last export; {path} has the headers only.</source>
        <translation>{shop} 自上次导出以来没有新的发货；{path} 只有表头。</translation>
    </message>
    <message>
        <source>{count} shipments of {shop} written to {path} ({again} with a new waybill number)</source>
        <translation>{shop} 的 {count} 条发货已写入 {path}（其中 {again} 条为更换的运单号）</translation>
    </message>
    <message>
        <source>Roster of {month}: {n} people, changing every {every} days.</source>
        <translation>{month} 值班表：{n} 人，每 {every} 天轮一次班。</translation>
    </message>
    <message>
        <source>Kept on top of the new rotation: days the supervisor set: {edits}; approved swaps: {swaps}.</source>
        <translation>保留在新的轮班之上：主管设置的日子：{edits}；已批准的换班：{swaps}。</translation>
    </message>
    <message>
        <source>off (no shift)</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>{day} {person}: {shift}</source>
        <translation>{day} {person}：{shift}</translation>
    </message>
    <message>
        <source>Beyond 3 swaps this month for {names}: the procedure deducts 2 points for each (the score sheet proposes it).</source>
        <translation>{names} 本月换班超过3次:按制度每次扣2分(评分表会提出扣分)。</translation>
    </message>
    <message>
        <source>Swap #{id} asked: {colleague} agrees (roster agree {id}), then the supervisor approves it; it counts only then.</source>
        <translation>换班 #{id} 已申请：先由 {colleague} 同意（roster agree {id}），再由主管批准，批准后才生效。</translation>
    </message>
    <message>
        <source>beyond 3 this month: {names}</source>
        <translation>本月换班超过3次:{names}</translation>
    </message>
    <message>
        <source>Swap #{id} agreed: it waits for the supervisor&apos;s approval.</source>
        <translation>换班 #{id} 已同意：等待主管批准。</translation>
    </message>
    <message>
        <source>Swap #{id} withdrawn.</source>
        <translation>换班 #{id} 已撤回。</translation>
    </message>
    <message>
        <source>Swap #{id} approved.</source>
        <translation>换班 #{id} 已批准。</translation>
    </message>
    <message>
        <source>Swap #{id} refused.</source>
        <translation>换班 #{id} 已拒绝。</translation>
    </message>
    <message>
        <source>Nobody is on duty now.</source>
        <translation>现在无人在班。</translation>
    </message>
    <message>
        <source>{month}: {found} failures found, {added} new proposals.</source>
        <translation>{month}：发现 {found} 处问题，新增 {added} 条建议。</translation>
    </message>
    <message>
        <source>Entry #{id} confirmed: {points:+d}.</source>
        <translation>评分记录 #{id} 已确认：{points:+d}。</translation>
    </message>
    <message>
        <source>Entry #{id} dismissed.</source>
        <translation>评分记录 #{id} 已驳回。</translation>
    </message>
    <message>
        <source>Entry #{id}: {points:+d} for {user} in {month}.</source>
        <translation>评分记录 #{id}：{user} 在 {month} {points:+d}。</translation>
    </message>
    <message>
        <source>The sheet of {month} is submitted.</source>
        <translation>{month} 的评分表已提交。</translation>
    </message>
    <message>
        <source>The sheet of {month} is approved and locked.</source>
        <translation>{month} 的评分表已批准并锁定。</translation>
    </message>
    <message>
        <source>The sheet of {month} is sent back to the supervisor: open again.</source>
        <translation>{month} 的评分表已退回主管，可以重新修改。</translation>
    </message>
    <message>
        <source>{path}: the sheet of {month}, {n} people.</source>
        <translation>{path}：{month} 评分表，{n} 人。</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>(off)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>{high}–{low}: {rate} 元</source>
        <translation>{high}–{low}：{rate} 元</translation>
    </message>
    <message>
        <source>Each point lost costs its band&apos;s rate: {bands} a point.</source>
        <translation>每扣一分按所在分数段计扣款：{bands}（每分）。</translation>
    </message>
    <message>
        <source>Below {dismissal_below} points: flagged for dismissal.</source>
        <translation>低于 {dismissal_below} 分：标记为解雇。</translation>
    </message>
    <message>
        <source>{reward_at} points or more: a {reward} 元 reward.</source>
        <translation>{reward_at} 分及以上：奖励 {reward} 元。</translation>
    </message>
    <message>
        <source>The supervisor: +{team_bonus} 元 when half the team has {team_full_marks} points or more; −{team_penalty} 元 when anyone of the team is below {team_failure_below}.</source>
        <translation>主管：团队半数及以上达到 {team_full_marks} 分，奖励 {team_bonus} 元；团队中有人低于 {team_failure_below} 分，扣 {team_penalty} 元。</translation>
    </message>
    <message>
        <source>deadline {time}</source>
        <translation>截止 {time}</translation>
    </message>
    <message>
        <source>claim: {text}</source>
        <translation>诉求：{text}</translation>
    </message>
    <message>
        <source>Evidence pack of {ref}: {pages} pages, {photos} photos → {path}</source>
        <translation>{ref} 的证据包：{pages} 页，{photos} 张照片 → {path}</translation>
    </message>
    <message>
        <source>{sign}{h} h {m:02d} min</source>
        <translation>{sign}{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>late by {span}</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余 {span}</translation>
    </message>
    <message>
        <source>{deadline}  {kind}  {key}  {title}  ({who}, {left})</source>
        <translation>{deadline}  {kind}  {key}  {title}  （{who}，{left}）</translation>
    </message>
    <message>
        <source>Reminder from {by} at {at}: {text}</source>
        <translation>{by} 于 {at} 提醒：{text}</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>没有待办任务。</translation>
    </message>
    <message>
        <source>Showing {shown} of {open}: {kind}.</source>
        <translation>显示 {shown} / 共 {open} 条：{kind}。</translation>
    </message>
    <message>
        <source>For the rest: --all, or --limit N (rows of each kind).</source>
        <translation>查看其余：--all，或 --limit N（每类条数）。</translation>
    </message>
    <message>
        <source>Reviewed by {by} at {at}.</source>
        <translation>{by} 已于 {at} 检查。</translation>
    </message>
    <message>
        <source>Not reviewed yet on {date}.</source>
        <translation>{date} 尚未检查。</translation>
    </message>
    <message>
        <source>No review on: {days}</source>
        <translation>以下日期未检查：{days}</translation>
    </message>
    <message>
        <source>== {kind}: {open} open, {overdue} overdue</source>
        <translation>== {kind}：未完成 {open}，超时 {overdue}</translation>
    </message>
    <message>
        <source>{key} is {name}&apos;s now.</source>
        <translation>{key} 现在由 {name} 负责。</translation>
    </message>
    <message>
        <source>Reminder sent to {name}.</source>
        <translation>已提醒 {name}。</translation>
    </message>
    <message>
        <source>the team</source>
        <translation>全组</translation>
    </message>
    <message>
        <source>{hours} h, {clock}</source>
        <translation>{hours} 小时，{clock}</translation>
    </message>
    <message>
        <source>{kind}: {deadline}</source>
        <translation>{kind}：{deadline}</translation>
    </message>
    <message>
        <source>{kind} at {shop}</source>
        <translation>{kind}（{shop}）</translation>
    </message>
    <message>
        <source>{kind}: {deadline}.</source>
        <translation>{kind}：{deadline}。</translation>
    </message>
    <message>
        <source>on the clock</source>
        <translation>按自然时间</translation>
    </message>
    <message>
        <source>working hours</source>
        <translation>按工作时间</translation>
    </message>
    <message>
        <source>Working hours: {hours}.</source>
        <translation>工作时间：{hours}。</translation>
    </message>
    <message>
        <source>Order {order_no}: made to order, 48 h to ship.</source>
        <translation>订单 {order_no}：定制，48 小时内发货。</translation>
    </message>
</context>
</TS>
