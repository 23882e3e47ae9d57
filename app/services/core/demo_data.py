"""The demo shop's sample data: names, places, products and couriers (no logic)."""

from __future__ import annotations

from decimal import Decimal

from app.models import Stage

# name, platform, and the sender block its labels and recall slips print
SHOPS = [
    ("悦步鞋履旗舰店", "tmall", "悦步客服", "0571-88886666", "浙江省杭州市余杭区良睦路1399号"),
    ("Maple & Pine Outfitters", "shopify", "Maple & Pine", "0571-88887777", "杭州市文一西路1号"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志文辉鹏宇浩然子涵梓萱欣怡雨轩思远晨曦小明小红佳琪俊杰婷婷嘉怡梦瑶一鸣"  # noqa: E501
LATIN_FIRST = [
    "Emily",
    "James",
    "Olivia",
    "Liam",
    "Sophia",
    "Noah",
    "Ava",
    "Lucas",
    "Mia",
    "Ethan",
    "Chloé",
    "Zoë",
    "Mateo",
    "Isabella",
    "Jack",
    "Grace",
    "Leo",
    "Hannah",
]
LATIN_LAST = [
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Taylor",
    "Anderson",
    "Thomas",
    "Moore",
    "Martin",
    "O'Brien",
    "Müller",
    "Dubois",
    "Chen",
]
PLACES = [
    ("浙江省", "杭州市", "西湖区", "310012"),
    ("浙江省", "宁波市", "鄞州区", "315100"),
    ("广东省", "深圳市", "南山区", "518052"),
    ("广东省", "广州市", "天河区", "510620"),
    ("北京市", "北京市", "朝阳区", "100020"),
    ("上海市", "上海市", "浦东新区", "200120"),
    ("江苏省", "南京市", "鼓楼区", "210009"),
    ("四川省", "成都市", "武侯区", "610041"),
    ("湖北省", "武汉市", "洪山区", "430070"),
    ("福建省", "厦门市", "思明区", "361001"),
    ("山东省", "青岛市", "市南区", "266001"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "830002"),
]
STREETS = [
    "文三路",
    "学院路",
    "科技园南路",
    "天河北路",
    "建国路",
    "世纪大道",
    "中山北路",
    "人民南路",
    "珞喻路",
    "鹭江道",
    "香港中路",
    "解放南路",
]
PRODUCTS = [
    ("XB-RUN", "轻跑系列 男子缓震跑鞋", Decimal("399.00"), "尺码", ["39", "40", "41", "42", "43"]),
    ("XB-CAN", "经典帆布鞋 低帮", Decimal("159.00"), "尺码", ["35", "36", "37", "38", "39", "40"]),
    ("XB-BOOT", "真皮马丁靴 女款", Decimal("599.00"), "尺码", ["35", "36", "37", "38"]),
    ("MP-TEE", "Organic cotton tee", Decimal("129.00"), "Size", ["S", "M", "L", "XL"]),
    ("MP-HOOD", "Fleece hoodie 连帽卫衣", Decimal("289.00"), "尺码", ["M", "L", "XL", "XXL"]),
    ("XB-SOCK", "运动袜 三双装", Decimal("39.90"), "尺码", ["均码"]),
]
COLOURS = ["黑", "白", "灰", "藏青", "卡其"]
# courier, how its waybill numbers begin and how many digits follow: each fits the pattern
# the courier is seeded with (migration 0013), as real numbers do (SF123456789012,
# YT1234567890123, 75123456789012, 4312345678901, 1123456789012, JDVA01234567890)
COURIERS = [
    ("顺丰速运", "SF", 12),
    ("圆通速递", "YT", 13),
    ("中通快递", "75", 12),
    ("韵达快递", "43", 11),
    ("EMS", "11", 11),
    ("京东物流", "JDVA", 11),
]
STAGE_WEIGHTS = [
    (Stage.PAID, 30),
    (Stage.PRINTED, 14),
    (Stage.PACKED, 10),
    (Stage.SHIPPED, 24),
    (Stage.DELIVERED, 11),
    (Stage.CLOSED, 8),
    (Stage.CANCELLED, 3),
]
MESSAGES = [
    "",
    "",
    "",
    "请尽快发货，谢谢！",
    "麻烦发顺丰",
    "送人的，不要放发货单价格",
    "Please gift wrap",
    "下午送货",
]
NOTE_SAMPLES = [
    ("客户拍下{a}，要求修改成{b}，已修改妥当", False),
    ("客户要求修改地址，新地址为：{addr}", True),
    ("客户要求发票抬头：杭州悦步科技有限公司", True),
    ("客户要求贺卡写：生日快乐！", True),
    ("客户要求周六上午送达", False),
]
