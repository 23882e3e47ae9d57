<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddNoteDialog</name>
    <message>
        <source>Note on order {order_no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer asked and what you did, e.g. 客户要求修改地址，新地址为：…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flag (红旗): the order printer must see this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a correction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed automatically: …---{date} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <source>Corrects note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for signing in, e.g. zhangsan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signs their notes, e.g. 张三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Password for the database {where}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot be remembered on this PC ({why}), so it is asked once per session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened (details are in the log).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <source>AfterDesk cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another database: a SQLite file (sqlite:///C:/path/afterdesk.sqlite) or the team&apos;s server (postgresql://user@host/afterdesk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AfterDesk database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AfterDesk database (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>Tracking number</source>
        <translation>物流单号</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to AfterDesk (售后台)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no staff yet. Create the first administrator: they add everyone else and give them roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for signing in, e.g. liuyang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signs your notes, e.g. 张三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ. Please type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AfterDesk (售后台) — {name} ({roles}) — {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}. Scan or type in the search box and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;AfterDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside AfterDesk; nothing more was changed. The details are in the log. Please tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>Search for an order or pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order has a red-flag (红旗) note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier</source>
        <translation type="unfinished">快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(corrects note #{id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flag (红旗): for the order printer&apos;s attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courier</source>
        <translation type="unfinished">快递公司</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Order no., tracking no., phone, buyer id or name — or scan a barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} newest orders loaded; scroll for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version. Until then, use the Orders page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record address and attribute changes, special requests and cancellations, each passed to the order printer as a request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns and exchanges, recalls of shipped parcels with the two-copy recall slip, refunds, quality claims with photos, complaints and disputes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print shipping labels and dispatch notes in daily batches, reprint with a reason, void orders, acknowledge change requests, receive recalled parcels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack and ship, inspect returned goods and sign the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily review of orders in refund and in dispute, approvals of exceptions, the duty roster and the monthly score sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shops, couriers and settings.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the local file on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply the next time AfterDesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to AfterDesk (售后台)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts (password: {password})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an account to fill it in; double-click to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
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
        <source>{path} exists already; choose a new file name.</source>
        <translation>{path} 已存在，请换一个文件名。</translation>
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
        <source>This needs the {role} role.</source>
        <translation>此操作需要“{role}”角色。</translation>
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
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins. Try again in {seconds} seconds.</source>
        <translation>登录失败次数过多，请 {seconds} 秒后再试。</translation>
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
        <source>There is no order {order_no}.</source>
        <translation>没有订单 {order_no}。</translation>
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
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
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
        <source>Schema created or upgraded: {where}</source>
        <translation>数据库结构已创建或升级：{where}</translation>
    </message>
    <message>
        <source>Schema already up to date: {where}</source>
        <translation>数据库结构已是最新：{where}</translation>
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
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
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
</context>
</TS>
