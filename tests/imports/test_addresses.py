"""Chinese addresses split into province / city / district / street / postcode."""

import pytest

from app.services.imports.addresses import province_from_latin, province_name, split_address
from app.services.imports.records import Address


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "浙江省 杭州市 西湖区 文三路 100号 3幢501室(310012)",
            Address(
                province="浙江省",
                city="杭州市",
                district="西湖区",
                street="文三路 100号 3幢501室",
                postcode="310012",
            ),
        ),
        (
            "北京 北京市 朝阳区 建国路 88号 现代城1号楼1201(100022)",
            Address(
                province="北京市",
                city="北京市",
                district="朝阳区",
                street="建国路 88号 现代城1号楼1201",
                postcode="100022",
            ),
        ),
        (
            "上海 上海市 浦东新区 世纪大道 100号(200120)",
            Address(
                province="上海市",
                city="上海市",
                district="浦东新区",
                street="世纪大道 100号",
                postcode="200120",
            ),
        ),
        (
            "天津 天津市 和平区 南京路 20号(000000)",
            Address(province="天津市", city="天津市", district="和平区", street="南京路 20号"),
        ),
        (
            "重庆 重庆市 渝中区 解放碑 步行街 8号（400010）",
            Address(
                province="重庆市",
                city="重庆市",
                district="渝中区",
                street="解放碑 步行街 8号",
                postcode="400010",
            ),
        ),
        (
            "内蒙古自治区 呼和浩特市 新城区 新华大街 1号(010010)",
            Address(
                province="内蒙古自治区",
                city="呼和浩特市",
                district="新城区",
                street="新华大街 1号",
                postcode="010010",
            ),
        ),
        (
            "广西壮族自治区 南宁市 青秀区 民族大道 50号(530022)",
            Address(
                province="广西壮族自治区",
                city="南宁市",
                district="青秀区",
                street="民族大道 50号",
                postcode="530022",
            ),
        ),
        (
            "新疆维吾尔自治区 乌鲁木齐市 天山区 解放南路 1号",
            Address(
                province="新疆维吾尔自治区",
                city="乌鲁木齐市",
                district="天山区",
                street="解放南路 1号",
            ),
        ),
        (
            "广东省 东莞市 长安镇 乌沙社区 兴发南路 12号(523850)",
            Address(
                province="广东省",
                city="东莞市",
                street="长安镇 乌沙社区 兴发南路 12号",
                postcode="523850",
            ),
        ),
        (
            "广东省 中山市 小榄镇 升平路 3号",
            Address(province="广东省", city="中山市", street="小榄镇 升平路 3号"),
        ),
        (
            "海南省 儋州市 那大镇 中兴大街 9号",
            Address(province="海南省", city="儋州市", street="那大镇 中兴大街 9号"),
        ),
        (
            "江苏省 苏州市 昆山市 花桥镇 商银路 6号",
            Address(
                province="江苏省", city="苏州市", district="昆山市", street="花桥镇 商银路 6号"
            ),
        ),
        (
            "四川省 阿坝藏族羌族自治州 九寨沟县 漳扎镇 1号",
            Address(
                province="四川省",
                city="阿坝藏族羌族自治州",
                district="九寨沟县",
                street="漳扎镇 1号",
            ),
        ),
        (
            "内蒙古 鄂尔多斯市 伊金霍洛旗 阿勒腾席热镇 2号",
            Address(
                province="内蒙古自治区",
                city="鄂尔多斯市",
                district="伊金霍洛旗",
                street="阿勒腾席热镇 2号",
            ),
        ),
        (
            "香港特别行政区 香港岛 中西区 德辅道中 1号",
            Address(
                province="香港特别行政区", city="香港岛", district="中西区", street="德辅道中 1号"
            ),
        ),
    ],
)
def test_spaced_addresses(text: str, expected: Address) -> None:
    assert split_address(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "北京朝阳区三环以内建国路88号院2号楼",
            Address(
                province="北京市",
                city="北京市",
                district="朝阳区",
                street="三环以内建国路88号院2号楼",
            ),
        ),
        (
            "浙江省杭州市西湖区文三路100号",
            Address(province="浙江省", city="杭州市", district="西湖区", street="文三路100号"),
        ),
        (
            "上海市上海市徐汇区漕溪北路1号(200030)",
            Address(
                province="上海市",
                city="上海市",
                district="徐汇区",
                street="漕溪北路1号",
                postcode="200030",
            ),
        ),
        (
            "广东省东莞市长安镇乌沙社区兴发南路12号",
            Address(province="广东省", city="东莞市", street="长安镇乌沙社区兴发南路12号"),
        ),
        (
            "宁夏银川市兴庆区解放西街1号",
            Address(
                province="宁夏回族自治区", city="银川市", district="兴庆区", street="解放西街1号"
            ),
        ),
        (
            "甘肃省嘉峪关市雄关区新华路1号",
            Address(province="甘肃省", city="嘉峪关市", street="雄关区新华路1号"),
        ),
    ],
)
def test_addresses_without_spaces(text: str, expected: Address) -> None:
    assert split_address(text) == expected


def test_an_address_not_starting_with_a_province_stays_whole() -> None:
    assert split_address("文三路 100号") == Address(street="文三路 100号")


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("北京", "北京市"),
        ("浙江", "浙江省"),
        ("广西", "广西壮族自治区"),
        ("广西省", "广西壮族自治区"),
        ("江苏省", "江苏省"),
        ("Ontario", "Ontario"),
    ],
)
def test_province_names(written: str, full: str) -> None:
    assert province_name(written) == full


def test_chinese_provinces_as_shopify_writes_them() -> None:
    assert province_from_latin("Zhejiang") == "浙江省"
    assert province_from_latin("GD") == "广东省"
    assert province_from_latin("Inner Mongolia") == "内蒙古自治区"
    assert province_from_latin("上海") == "上海市"
    assert province_name("HI") == "HI"  # a US state, never Hainan, outside Shopify's CN orders
