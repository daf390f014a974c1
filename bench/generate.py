"""Generate a synthetic organisation of N OKR sets for the benchmarks.

One company set for the year, teams (about one per 20 people, parent: the company, objectives
aligned to company objectives or key results) and individuals (parent: a team, objectives
aligned to their team's key results), both for a quarter inside that year. Every set has
3 objectives x 3 key results, each key result 10 weekly check-ins with a note, and KR weights
that sum to 100. Titles are Chinese or English, in the article's domain (a 3C-electronics
seller on Amazon). The same (n, seed) always gives byte-identical files, and the result is
valid: `okr check` reports no errors (bench/run.py asserts it before timing).

    python bench/generate.py OUT_DIR --n 1000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

YEAR = 2024
COMPANY_CYCLE = str(YEAR)
QUARTER = 1
TEAM_CYCLE = f"{YEAR}-Q{QUARTER}"
PEOPLE_PER_TEAM = 20
OBJECTIVES = 3
KEY_RESULTS = 3
CHECKINS = 10
# Each objective's KR weights, summing to 100 (docs/method.md, rule 9).
WEIGHT_PATTERNS: tuple[tuple[int, int, int], ...] = (
    (40, 30, 30),
    (50, 25, 25),
    (34, 33, 33),
    (20, 30, 50),
    (50, 30, 20),
    (30, 40, 30),
)
# Share of sets written in Chinese (the rest in English), as in a Shenzhen company with
# overseas staff.
CHINESE_SHARE = 0.7


@dataclass(frozen=True)
class KrTemplate:
    """A key result pattern. `zh`/`en` are formatted with start, target, unit and deadline."""

    zh: str
    en: str
    unit_zh: str = ""
    unit_en: str = ""
    start: tuple[float, float] = (0, 0)  # range of the starting value
    change: tuple[float, float] = (
        1.5,
        2.0,
    )  # target = start * change (or + change when start is 0)
    decimals: int = 0
    scales: bool = True  # a count that grows with the level (team totals, company totals)
    milestone: bool = False


@dataclass(frozen=True)
class ObjectiveTemplate:
    zh: str
    en: str
    key_results: tuple[KrTemplate, ...]
    committed: bool = False


@dataclass(frozen=True)
class Function:
    """A kind of team: its id stem, display names and the objectives its people write."""

    stem: str
    zh: str
    en: str
    objectives: tuple[ObjectiveTemplate, ...]


def _ms(zh: str, en: str) -> KrTemplate:
    return KrTemplate(zh, en, milestone=True, scales=False)


GROWTH = ObjectiveTemplate(
    "提升个人专业能力，沉淀可复用的方法",
    "Grow my skills and turn them into reusable know-how",
    (
        _ms(
            "{deadline}前输出一套可复用的工作 SOP 并在组内分享",
            "Write a reusable SOP and share it with the team by {deadline}",
        ),
        _ms(
            "完成亚马逊广告进阶课程并通过考试",
            "Finish the advanced Amazon Ads course and pass its exam",
        ),
        _ms(
            "写一篇本季度项目复盘，总结三条经验教训",
            "Write a retrospective of this quarter's project with three lessons",
        ),
        _ms("带一位新同事完成入职培训", "Coach one new colleague through onboarding"),
    ),
)

FUNCTIONS: tuple[Function, ...] = (
    Function(
        "social",
        "社媒运营",
        "Social media",
        (
            ObjectiveTemplate(
                "提升品牌在海外社交媒体上的影响力",
                "Raise our brand's influence on overseas social media",
                (
                    KrTemplate(
                        "{deadline}前 Instagram 目标国家粉丝从 {start} 增长到 {target}",
                        "Grow Instagram followers from {start} to {target} by {deadline}",
                        "粉丝",
                        "followers",
                        (2000, 9000),
                        (1.3, 2.2),
                    ),
                    KrTemplate(
                        "帖子平均互动率从 {start}% 提升到 {target}%",
                        "Lift average post engagement rate from {start}% to {target}%",
                        "%",
                        "%",
                        (0.8, 1.6),
                        (1.3, 2.0),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "品牌提及量从 {start} 次增长到 {target} 次",
                        "Grow brand mentions from {start} to {target}",
                        "次",
                        "mentions",
                        (300, 1200),
                        (1.4, 2.0),
                    ),
                    KrTemplate(
                        "TikTok 短视频总播放量达到 {target} 次",
                        "Reach {target} TikTok video views",
                        "次",
                        "views",
                        (0, 0),
                        (80000, 200000),
                    ),
                ),
            ),
            ObjectiveTemplate(
                "让更多目标用户认识并信任我们的品牌",
                "Get more target customers to know and trust our brand",
                (
                    KrTemplate(
                        "社媒引流到亚马逊店铺的访客从 {start} 增长到 {target}",
                        "Grow social visitors to our Amazon store from {start} to {target}",
                        "访客",
                        "visitors",
                        (1500, 5000),
                        (1.4, 2.0),
                    ),
                    KrTemplate(
                        "用户生成内容（UGC）数量达到 {target} 条",
                        "Collect {target} pieces of user-generated content",
                        "条",
                        "posts",
                        (0, 0),
                        (40, 150),
                    ),
                    KrTemplate(
                        "私信平均回复时间从 {start} 小时缩短到 {target} 小时",
                        "Cut average reply time to messages from {start} h to {target} h",
                        "小时",
                        "h",
                        (10, 24),
                        (0.3, 0.6),
                        1,
                        False,
                    ),
                ),
            ),
            ObjectiveTemplate(
                "打造清晰一致的品牌形象",
                "Build a clear and consistent brand image",
                (
                    _ms(
                        "{deadline}前完成品牌视觉规范并在所有账号上线",
                        "Apply new brand visual guidelines to every account by {deadline}",
                    ),
                    KrTemplate(
                        "品牌话题标签使用量从 {start} 增长到 {target}",
                        "Grow uses of our brand hashtag from {start} to {target}",
                        "次",
                        "uses",
                        (500, 2000),
                        (1.5, 2.5),
                    ),
                    KrTemplate(
                        "正面评论占比从 {start}% 提升到 {target}%",
                        "Lift the share of positive comments from {start}% to {target}%",
                        "%",
                        "%",
                        (60, 75),
                        (1.1, 1.25),
                        1,
                        False,
                    ),
                ),
            ),
        ),
    ),
    Function(
        "influencer",
        "红人营销",
        "Influencer marketing",
        (
            ObjectiveTemplate(
                "借助 KOL 和 KOC 打开新品的海外市场",
                "Open overseas markets for new products through KOLs and KOCs",
                (
                    KrTemplate(
                        "签约合作的 KOL 从 {start} 位增加到 {target} 位",
                        "Sign up KOLs: from {start} to {target}",
                        "位",
                        "KOLs",
                        (5, 20),
                        (1.5, 3.0),
                    ),
                    KrTemplate(
                        "红人视频总播放量达到 {target} 次",
                        "Reach {target} views on influencer videos",
                        "次",
                        "views",
                        (0, 0),
                        (150000, 600000),
                    ),
                    KrTemplate(
                        "红人带来的销售额达到 {target} 美元",
                        "Reach {target} USD of sales from influencers",
                        "美元",
                        "USD",
                        (0, 0),
                        (20000, 90000),
                    ),
                ),
            ),
            ObjectiveTemplate(
                "建立可持续的红人合作体系",
                "Build an influencer programme that lasts",
                (
                    KrTemplate(
                        "KOC 样品测评回收率从 {start}% 提升到 {target}%",
                        "Lift the KOC sample review return rate from {start}% to {target}%",
                        "%",
                        "%",
                        (40, 60),
                        (1.2, 1.5),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "单个合作视频平均成本从 {start} 美元降到 {target} 美元",
                        "Cut the cost per influencer video from {start} USD to {target} USD",
                        "美元",
                        "USD",
                        (300, 800),
                        (0.6, 0.8),
                        0,
                        False,
                    ),
                    _ms(
                        "{deadline}前建成红人资源库并覆盖三个目标国家",
                        "Build an influencer database for three target countries by {deadline}",
                    ),
                ),
            ),
            ObjectiveTemplate(
                "让红人内容带来可衡量的转化",
                "Make influencer content convert, measurably",
                (
                    KrTemplate(
                        "红人专属折扣码使用次数达到 {target} 次",
                        "Reach {target} uses of influencer discount codes",
                        "次",
                        "uses",
                        (0, 0),
                        (300, 1500),
                    ),
                    KrTemplate(
                        "红人内容点击到店转化率从 {start}% 提升到 {target}%",
                        "Lift store conversion from influencer posts from {start}% to {target}%",
                        "%",
                        "%",
                        (1.5, 3.0),
                        (1.3, 1.8),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "复投红人占比从 {start}% 提升到 {target}%",
                        "Lift the share of repeat influencers from {start}% to {target}%",
                        "%",
                        "%",
                        (10, 25),
                        (1.5, 2.0),
                        1,
                        False,
                    ),
                ),
            ),
        ),
    ),
    Function(
        "ads",
        "亚马逊广告",
        "Amazon Ads",
        (
            ObjectiveTemplate(
                "让每一分广告费都花得更值",
                "Make every advertising dollar count",
                (
                    KrTemplate(
                        "广告 ACoS 从 {start}% 降到 {target}%",
                        "Bring ACoS down from {start}% to {target}%",
                        "%",
                        "%",
                        (28, 38),
                        (0.65, 0.8),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "广告点击率从 {start}% 提升到 {target}%",
                        "Lift ad click-through rate from {start}% to {target}%",
                        "%",
                        "%",
                        (0.3, 0.6),
                        (1.3, 1.8),
                        2,
                        False,
                    ),
                    KrTemplate(
                        "广告带来的销售额从 {start} 美元增长到 {target} 美元",
                        "Grow ad-attributed sales from {start} USD to {target} USD",
                        "美元",
                        "USD",
                        (40000, 120000),
                        (1.3, 1.8),
                    ),
                ),
            ),
            ObjectiveTemplate(
                "用广告帮助新品快速起量",
                "Use ads to get new products off the ground",
                (
                    KrTemplate(
                        "新品核心关键词自然排名进入前 {target} 名",
                        "Bring new products' core keywords into the organic top {target}",
                        "名",
                        "rank",
                        (80, 120),
                        (0.15, 0.3),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "新品广告订单量达到 {target} 单",
                        "Reach {target} ad orders for new products",
                        "单",
                        "orders",
                        (0, 0),
                        (800, 3000),
                    ),
                    KrTemplate(
                        "品牌推广广告展示量从 {start} 增长到 {target}",
                        "Grow Sponsored Brands impressions from {start} to {target}",
                        "次",
                        "impressions",
                        (200000, 500000),
                        (1.4, 2.0),
                    ),
                ),
            ),
            ObjectiveTemplate(
                "建立数据驱动的广告投放方法",
                "Run advertising on data, not guesswork",
                (
                    _ms(
                        "{deadline}前搭建广告数据看板并让全组使用",
                        "Build an ads dashboard the whole team uses by {deadline}",
                    ),
                    KrTemplate(
                        "否定关键词覆盖率从 {start}% 提升到 {target}%",
                        "Lift negative keyword coverage from {start}% to {target}%",
                        "%",
                        "%",
                        (30, 50),
                        (1.4, 1.8),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "无效点击花费占比从 {start}% 降到 {target}%",
                        "Cut the share of spend on wasted clicks from {start}% to {target}%",
                        "%",
                        "%",
                        (15, 25),
                        (0.4, 0.6),
                        1,
                        False,
                    ),
                ),
            ),
        ),
    ),
    Function(
        "sales",
        "销售运营",
        "Sales",
        (
            ObjectiveTemplate(
                "成为亚马逊 3C 类目的头部卖家",
                "Become a top 3C electronics seller on Amazon",
                (
                    KrTemplate(
                        "本季度 GMV 从 {start} 美元增长到 {target} 美元",
                        "Grow quarterly GMV from {start} USD to {target} USD",
                        "美元",
                        "USD",
                        (300000, 900000),
                        (1.2, 1.5),
                    ),
                    KrTemplate(
                        "主力产品 Best Seller 排名进入类目前 {target} 名",
                        "Bring our lead product into the category's Best Seller top {target}",
                        "名",
                        "rank",
                        (60, 150),
                        (0.2, 0.4),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "订单量从 {start} 单增长到 {target} 单",
                        "Grow orders from {start} to {target}",
                        "单",
                        "orders",
                        (8000, 20000),
                        (1.2, 1.6),
                    ),
                ),
            ),
            ObjectiveTemplate(
                "提升店铺转化和复购",
                "Convert more visitors and win them back",
                (
                    KrTemplate(
                        "店铺转化率从 {start}% 提升到 {target}%",
                        "Lift store conversion rate from {start}% to {target}%",
                        "%",
                        "%",
                        (8, 12),
                        (1.15, 1.35),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "复购率从 {start}% 提升到 {target}%",
                        "Lift the repeat purchase rate from {start}% to {target}%",
                        "%",
                        "%",
                        (12, 20),
                        (1.2, 1.5),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "Listing 评分从 {start} 提升到 {target}",
                        "Lift the listing rating from {start} to {target}",
                        "星",
                        "stars",
                        (4.1, 4.4),
                        (1.04, 1.08),
                        1,
                        False,
                    ),
                ),
            ),
            ObjectiveTemplate(
                "开拓新的站点和渠道",
                "Open new marketplaces and channels",
                (
                    _ms(
                        "{deadline}前完成日本站开店并上架首批 10 款产品",
                        "Open the Amazon Japan store with the first 10 products by {deadline}",
                    ),
                    KrTemplate(
                        "欧洲站销售额达到 {target} 美元",
                        "Reach {target} USD of sales in European stores",
                        "美元",
                        "USD",
                        (0, 0),
                        (50000, 200000),
                    ),
                    KrTemplate(
                        "独立站月访客从 {start} 增长到 {target}",
                        "Grow monthly visitors to our own web store from {start} to {target}",
                        "访客",
                        "visitors",
                        (3000, 9000),
                        (1.4, 2.0),
                    ),
                ),
            ),
        ),
    ),
    Function(
        "finance",
        "财务",
        "Finance",
        (
            ObjectiveTemplate(
                "每一份季度财报都按时、准确地交付",
                "Deliver every quarterly report on time and right",
                (
                    _ms(
                        "{deadline}前提交季度财务报告，零返工",
                        "Submit the quarterly financial report by {deadline} with no rework",
                    ),
                    KrTemplate(
                        "月结完成时间从 {start} 个工作日缩短到 {target} 个工作日",
                        "Cut the month-end close from {start} to {target} working days",
                        "天",
                        "days",
                        (7, 10),
                        (0.5, 0.7),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "对账差异笔数从 {start} 降到 {target}",
                        "Cut reconciliation differences from {start} to {target}",
                        "笔",
                        "items",
                        (40, 90),
                        (0.2, 0.4),
                        0,
                        False,
                    ),
                ),
                committed=True,
            ),
            ObjectiveTemplate(
                "让现金流更健康",
                "Keep cash flowing",
                (
                    KrTemplate(
                        "应收账款周期从 {start} 天缩短到 {target} 天",
                        "Cut days sales outstanding from {start} to {target}",
                        "天",
                        "days",
                        (35, 50),
                        (0.6, 0.8),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "库存周转天数从 {start} 天降到 {target} 天",
                        "Cut days of inventory from {start} to {target}",
                        "天",
                        "days",
                        (70, 100),
                        (0.6, 0.8),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "亚马逊回款到账时间从 {start} 天缩短到 {target} 天",
                        "Cut the Amazon payout delay from {start} to {target} days",
                        "天",
                        "days",
                        (14, 21),
                        (0.5, 0.7),
                        0,
                        False,
                    ),
                ),
                committed=True,
            ),
            ObjectiveTemplate(
                "用数据支持经营决策",
                "Back business decisions with numbers",
                (
                    _ms(
                        "{deadline}前上线按 SKU 的利润分析表",
                        "Launch a profit-per-SKU report by {deadline}",
                    ),
                    KrTemplate(
                        "预算偏差从 {start}% 降到 {target}%",
                        "Cut budget variance from {start}% to {target}%",
                        "%",
                        "%",
                        (10, 18),
                        (0.4, 0.6),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "自动化生成的报表占比从 {start}% 提升到 {target}%",
                        "Lift the share of automated reports from {start}% to {target}%",
                        "%",
                        "%",
                        (20, 40),
                        (1.5, 2.2),
                        1,
                        False,
                    ),
                ),
            ),
        ),
    ),
    Function(
        "service",
        "客户服务",
        "Customer service",
        (
            ObjectiveTemplate(
                "让每一位买家都愿意再来",
                "Make every buyer want to come back",
                (
                    KrTemplate(
                        "差评率从 {start}% 降到 {target}%",
                        "Cut the negative review rate from {start}% to {target}%",
                        "%",
                        "%",
                        (2.5, 4.0),
                        (0.4, 0.6),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "店铺反馈评分从 {start} 提升到 {target}",
                        "Lift seller feedback from {start} to {target}",
                        "星",
                        "stars",
                        (4.3, 4.6),
                        (1.03, 1.06),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "首次响应时间从 {start} 小时缩短到 {target} 小时",
                        "Cut first response time from {start} h to {target} h",
                        "小时",
                        "h",
                        (8, 20),
                        (0.2, 0.4),
                        1,
                        False,
                    ),
                ),
            ),
            ObjectiveTemplate(
                "把售后问题变成产品改进",
                "Turn after-sales problems into product fixes",
                (
                    KrTemplate(
                        "退货率从 {start}% 降到 {target}%",
                        "Cut the return rate from {start}% to {target}%",
                        "%",
                        "%",
                        (5, 9),
                        (0.6, 0.8),
                        1,
                        False,
                    ),
                    _ms(
                        "{deadline}前整理前十大退货原因并提交产品团队",
                        "Hand the top ten return reasons to the product team by {deadline}",
                    ),
                    KrTemplate(
                        "一次解决率从 {start}% 提升到 {target}%",
                        "Lift first-contact resolution from {start}% to {target}%",
                        "%",
                        "%",
                        (60, 75),
                        (1.1, 1.3),
                        1,
                        False,
                    ),
                ),
            ),
        ),
    ),
    Function(
        "supply",
        "供应链",
        "Supply chain",
        (
            ObjectiveTemplate(
                "旺季不断货，淡季不压货",
                "Never out of stock in peak season, never overstocked after it",
                (
                    KrTemplate(
                        "核心 SKU 断货天数从 {start} 天降到 {target} 天",
                        "Cut stock-out days of core SKUs from {start} to {target}",
                        "天",
                        "days",
                        (10, 25),
                        (0.1, 0.3),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "FBA 入库时效从 {start} 天缩短到 {target} 天",
                        "Cut FBA inbound lead time from {start} to {target} days",
                        "天",
                        "days",
                        (12, 20),
                        (0.6, 0.8),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "长期仓储费从 {start} 美元降到 {target} 美元",
                        "Cut long-term storage fees from {start} USD to {target} USD",
                        "美元",
                        "USD",
                        (5000, 15000),
                        (0.4, 0.6),
                    ),
                ),
            ),
            ObjectiveTemplate(
                "降低采购和物流成本",
                "Bring purchasing and shipping costs down",
                (
                    KrTemplate(
                        "单件头程运费从 {start} 美元降到 {target} 美元",
                        "Cut first-leg freight per unit from {start} USD to {target} USD",
                        "美元",
                        "USD",
                        (1.2, 2.0),
                        (0.75, 0.9),
                        2,
                        False,
                    ),
                    KrTemplate(
                        "采购成本降低 {target}%",
                        "Cut purchasing cost by {target}%",
                        "%",
                        "%",
                        (0, 0),
                        (3, 8),
                        1,
                        False,
                    ),
                    _ms(
                        "{deadline}前引入两家备选供应商并完成验厂",
                        "Qualify two backup suppliers, factory audits included, by {deadline}",
                    ),
                ),
            ),
        ),
    ),
    Function(
        "product",
        "产品开发",
        "Product",
        (
            ObjectiveTemplate(
                "推出用户真正想要的新品",
                "Launch products customers actually want",
                (
                    KrTemplate(
                        "上市新品从 {start} 款增加到 {target} 款",
                        "Launch new products: from {start} to {target}",
                        "款",
                        "products",
                        (2, 5),
                        (2.0, 3.0),
                        0,
                        False,
                    ),
                    KrTemplate(
                        "新品上市 30 天内评分达到 {target}",
                        "Reach a {target} rating within 30 days of launch",
                        "星",
                        "stars",
                        (0, 0),
                        (4.3, 4.6),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "新品贡献销售额占比达到 {target}%",
                        "Reach {target}% of sales from new products",
                        "%",
                        "%",
                        (0, 0),
                        (10, 25),
                        1,
                        False,
                    ),
                ),
            ),
            ObjectiveTemplate(
                "提高产品质量和口碑",
                "Raise product quality and reputation",
                (
                    KrTemplate(
                        "质量问题导致的退货从 {start}% 降到 {target}%",
                        "Cut quality-related returns from {start}% to {target}%",
                        "%",
                        "%",
                        (2, 4),
                        (0.4, 0.6),
                        1,
                        False,
                    ),
                    KrTemplate(
                        "A+ 页面转化率从 {start}% 提升到 {target}%",
                        "Lift A+ content conversion from {start}% to {target}%",
                        "%",
                        "%",
                        (9, 13),
                        (1.1, 1.3),
                        1,
                        False,
                    ),
                    _ms(
                        "{deadline}前完成充电器系列的安全认证",
                        "Get safety certification for the charger line by {deadline}",
                    ),
                ),
            ),
        ),
    ),
)

COMPANY = (
    ObjectiveTemplate(
        "成为亚马逊 3C 类目的头部卖家",
        "Become a top 3C electronics seller on Amazon",
        (
            KrTemplate(
                "全年 GMV 从 {start} 美元增长到 {target} 美元",
                "Grow annual GMV from {start} USD to {target} USD",
                "美元",
                "USD",
                (60_000_000, 80_000_000),
                (1.3, 1.5),
                0,
                False,
            ),
            KrTemplate(
                "三款主力产品进入类目 Best Seller 前 {target} 名",
                "Bring three lead products into the category's Best Seller top {target}",
                "名",
                "rank",
                (50, 80),
                (0.1, 0.2),
                0,
                False,
            ),
            KrTemplate(
                "新开站点数量从 {start} 个增加到 {target} 个",
                "Open marketplaces: from {start} to {target}",
                "个",
                "marketplaces",
                (3, 4),
                (2.0, 2.5),
                0,
                False,
            ),
        ),
    ),
    ObjectiveTemplate(
        "提升品牌在海外市场的影响力",
        "Raise our brand's influence in overseas markets",
        (
            KrTemplate(
                "社媒总粉丝从 {start} 增长到 {target}",
                "Grow social media followers from {start} to {target}",
                "粉丝",
                "followers",
                (300000, 500000),
                (1.6, 2.0),
                0,
                False,
            ),
            KrTemplate(
                "品牌搜索量从 {start} 增长到 {target}",
                "Grow branded searches from {start} to {target}",
                "次",
                "searches",
                (100000, 200000),
                (1.5, 2.0),
                0,
                False,
            ),
            KrTemplate(
                "品牌词广告占比从 {start}% 提升到 {target}%",
                "Lift the share of branded-keyword ads from {start}% to {target}%",
                "%",
                "%",
                (10, 15),
                (1.5, 2.0),
                1,
                False,
            ),
        ),
    ),
    ObjectiveTemplate(
        "建立健康、可持续的经营",
        "Run a healthy business that lasts",
        (
            KrTemplate(
                "整体毛利率从 {start}% 提升到 {target}%",
                "Lift gross margin from {start}% to {target}%",
                "%",
                "%",
                (25, 30),
                (1.1, 1.2),
                1,
                False,
            ),
            _ms(
                "每一份季度财报都在截止日前提交",
                "Submit every quarterly report before its deadline",
            ),
            KrTemplate(
                "库存周转天数从 {start} 天降到 {target} 天",
                "Cut days of inventory from {start} to {target}",
                "天",
                "days",
                (80, 100),
                (0.6, 0.75),
                0,
                False,
            ),
        ),
        committed=True,
    ),
)

NOTES_ZH = (
    "按计划推进",
    "本周进展顺利",
    "完成一半，下周继续",
    "与产品团队对齐了需求",
    "调整了打法，效果明显",
    "上周的问题已经复盘并改进",
    "新方案上线，数据还在观察",
    "遇到阻碍：需要设计支持",
    "春节前后需求回落",
    "两条视频爆了，带动了整体数据",
)
NOTES_EN = (
    "On track",
    "Good progress this week",
    "Halfway there, more next week",
    "Aligned requirements with the product team",
    "Changed our approach; clear improvement",
    "Fixed last week's problem after a short review",
    "New plan is live; still watching the numbers",
    "Blocked: need design support",
    "Demand slowed around Chinese New Year",
    "Two videos went viral and lifted everything",
)
# Notes for a week that went backwards.
SETBACK_ZH = ("比上周略有下降，原因在排查", "受平台流量波动影响，略低于预期", "竞品降价，数据回落")
SETBACK_EN = (
    "Slightly down on last week; looking into why",
    "Platform traffic dipped; a bit behind plan",
    "A competitor cut prices and we lost ground",
)

# Chinese names with their pinyin (owner ids are ASCII), and English names.
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("林", "lin"),
    ("罗", "luo"),
    ("高", "gao"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
)
GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("芳", "fang"),
    ("伟", "wei"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("洋", "yang"),
    ("艳", "yan"),
    ("勇", "yong"),
    ("军", "jun"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("霞", "xia"),
    ("晓东", "xiaodong"),
    ("思远", "siyuan"),
    ("子涵", "zihan"),
    ("雨桐", "yutong"),
    ("浩然", "haoran"),
    ("梓萱", "zixuan"),
    ("嘉怡", "jiayi"),
    ("俊杰", "junjie"),
)
FIRST_NAMES: tuple[str, ...] = (
    "alice",
    "ben",
    "chloe",
    "daniel",
    "emma",
    "felix",
    "grace",
    "henry",
    "isla",
    "jack",
    "kate",
    "leo",
    "mia",
    "noah",
    "olivia",
    "paul",
    "quinn",
    "ruby",
    "sam",
    "tara",
    "umar",
    "vera",
    "will",
    "xena",
    "yusuf",
    "zoe",
    "maria",
    "lucas",
    "sofia",
    "omar",
)
LAST_NAMES: tuple[str, ...] = (
    "smith",
    "chen",
    "garcia",
    "muller",
    "tanaka",
    "nguyen",
    "kim",
    "rossi",
    "dubois",
    "silva",
    "novak",
    "khan",
    "brown",
    "lopez",
    "wong",
    "schmidt",
    "ivanova",
    "patel",
    "johnson",
    "park",
    "costa",
    "martin",
    "weber",
    "sato",
    "ali",
)
# Characters that make a plain YAML scalar mean something else, or end it early.
_NEEDS_QUOTES = re.compile(r"[:#{}\[\],&*!|>'\"%@`]|^[-?\s]|\s$")


@dataclass(frozen=True)
class Generated:
    """What `generate` wrote."""

    folder: Path
    sets: int
    teams: int
    individuals: int
    key_results: int
    checkins: int
    bytes: int


@dataclass(frozen=True)
class _Team:
    owner: str
    function: Function
    chinese: bool
    number: int


def _scalar(text: str) -> str:
    """A title as a person would write it: plain when YAML reads it back as the same text."""
    if _NEEDS_QUOTES.search(text) or not text:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    return text


def _number(value: float, decimals: int) -> str:
    if decimals == 0:
        return str(round(value))
    return f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".") or "0"


def _checkin_days(rng: random.Random) -> list[dt.date]:
    """Ten weekly review days from the quarter's start: Fridays, or Mondays (docs/method.md,
    rule 15)."""
    first = dt.date(YEAR, 3 * QUARTER - 2, 1)
    friday = first + dt.timedelta(days=(4 - first.weekday()) % 7)
    day = friday + dt.timedelta(days=rng.choice((0, 3)))
    return [day + dt.timedelta(weeks=week) for week in range(CHECKINS)]


def _progress_path(rng: random.Random, final: float) -> list[float]:
    """Ten cumulative fractions of the way to the target, ending at `final`, with a dip or two."""
    steps = [rng.uniform(0.2, 1.0) for _ in range(CHECKINS)]
    total = sum(steps)
    path: list[float] = []
    reached = 0.0
    for step in steps:
        reached += step / total * final
        path.append(reached)
    for _ in range(rng.randint(0, 2)):  # setbacks happen
        week = rng.randrange(1, CHECKINS - 1)
        path[week] = max(0.0, path[week] - rng.uniform(0.0, 0.05))
    return path


class _Writer:
    """Writes the text of one OKR set, line by line."""

    def __init__(
        self,
        rng: random.Random,
        chinese: bool,
        scale: float,
        reach: tuple[float, float] = (0.3, 1.1),
    ) -> None:
        self.rng = rng
        self.chinese = chinese
        self.scale = scale
        # How far along its way a key result gets by the tenth week (some overshoot).
        self.reach = reach
        self.lines: list[str] = ["---"]
        self.key_results = 0
        self.checkins = 0

    def text(self, template_zh: str, template_en: str) -> str:
        return template_zh if self.chinese else template_en

    def key_result(
        self, index: int, template: KrTemplate, weight: int, days: list[dt.date], deadline: str
    ) -> None:
        rng = self.rng
        out = self.lines
        self.key_results += 1
        indent = "        "
        # The id is optional (default KR<position>); people write it about half the time.
        if rng.random() < 0.5:
            out.append(f"      - id: KR{index + 1}")
            first = f"{indent}title: "
        else:
            first = "      - title: "
        notes = NOTES_ZH if self.chinese else NOTES_EN
        target_value = 0.0
        if template.milestone:
            title = self.text(template.zh, template.en).format(deadline=deadline)
            out.append(first + _scalar(title))
            done_week = rng.randrange(4, CHECKINS + 3)  # past the last check-in: not done yet
            values = ["true" if week >= done_week else "false" for week in range(CHECKINS)]
            out.append(f"{indent}done: {values[-1]}")
            out.append(f"{indent}weight: {weight}")
        else:
            scale = self.scale if template.scales else 1.0
            low, high = template.start
            start = rng.uniform(low, high) * scale
            change = rng.uniform(*template.change)
            target = start * change if start else change * scale
            start_text = _number(start, template.decimals)
            target_text = _number(target, template.decimals)
            if start_text == target_text:  # rounding can meet; a KR must have somewhere to go
                target_text = _number(
                    float(target_text) + (1 if change >= 1 else -1), template.decimals
                )
            start_value, target_value = float(start_text), float(target_text)
            unit = self.text(template.unit_zh, template.unit_en)
            title = self.text(template.zh, template.en).format(
                start=start_text, target=target_text, deadline=deadline
            )
            out.append(first + _scalar(title))
            if start_value != 0 or rng.random() < 0.5:
                out.append(f"{indent}start: {start_text}")
            out.append(f"{indent}target: {target_text}")
            if unit:
                out.append(f"{indent}unit: {_scalar(unit)}")
            out.append(f"{indent}weight: {weight}")
            final = rng.uniform(*self.reach)
            values = [
                _number(start_value + (target_value - start_value) * fraction, template.decimals)
                for fraction in _progress_path(rng, final)
            ]
            if rng.random() < 0.3:  # some people also write `current` by hand (it must agree)
                out.append(f"{indent}current: {values[-1]}")
        out.append(f"{indent}checkins:")
        setbacks = SETBACK_ZH if self.chinese else SETBACK_EN
        previous = values[0]
        for day, value in zip(days, values, strict=True):
            went_back = not template.milestone and abs(float(value) - target_value) > abs(
                float(previous) - target_value
            )
            note = rng.choice(setbacks if went_back else notes)
            previous = value
            out.append(
                f"{indent}  - {{date: {day.isoformat()}, value: {value}, note: {_scalar(note)}}}"
            )
        self.checkins += len(values)

    def objective(
        self,
        index: int,
        template: ObjectiveTemplate,
        aligns: list[str],
        days: list[dt.date],
        deadline: str,
        tags: list[str],
    ) -> None:
        rng = self.rng
        out = self.lines
        title = _scalar(self.text(template.zh, template.en))
        if rng.random() < 0.7:
            out.append(f"  - id: O{index + 1}")
            out.append(f"    title: {title}")
        else:
            out.append(f"  - title: {title}")
        if template.committed:
            out.append("    type: committed")
        elif rng.random() < 0.3:
            out.append("    type: aspirational")
        if len(aligns) == 1 and rng.random() < 0.8:
            out.append(f"    aligns: {aligns[0]}")
        elif aligns:  # a company objective aligns to nothing
            out.append(f"    aligns: [{', '.join(aligns)}]")
        if tags:
            out.append(f"    tags: [{', '.join(tags)}]")
        out.append("    key_results:")
        weights = rng.choice(WEIGHT_PATTERNS)
        for kr_index, kr_template in enumerate(template.key_results[:KEY_RESULTS]):
            self.key_result(kr_index, kr_template, weights[kr_index], days, deadline)

    def body(self, title: str, level: str) -> None:
        if self.chinese:
            context = {
                "company": "公司年度战略：做亚马逊 3C 类目的头部卖家，同时把品牌做进海外用户心里。",
                "team": "团队承接公司目标，每周五例会同步进度，拖动进度条更新关键结果。",
                "individual": "个人 OKR 承接团队的关键结果，每周一更新一次进展。",
            }[level]
            self.lines += [
                "---",
                "",
                f"# {title}",
                "",
                "## 背景",
                "",
                context,
                "",
                "## 复盘",
                "",
                "- 做得好的：",
                "- 做得不好的：",
                "- 原因：",
                "- 需要的支持：",
                "- 下个周期的经验：",
                "",
            ]
        else:
            context = {
                "company": "Our strategy this year: a top 3C seller on Amazon, with a known brand.",
                "team": "We take on part of the company's goals and review progress every Friday.",
                "individual": "My OKRs take on my team's key results; I update them on Mondays.",
            }[level]
            self.lines += [
                "---",
                "",
                f"# {title}",
                "",
                "## Context",
                "",
                context,
                "",
                "## Retrospective",
                "",
                "- What worked:",
                "- What did not:",
                "- Why:",
                "- Support needed:",
                "- Lessons for the next cycle:",
                "",
            ]


def _deadline(chinese: bool, cycle_end: dt.date) -> str:
    if chinese:
        return f"{cycle_end.month}月{cycle_end.day}日"
    return cycle_end.strftime("%B ") + str(cycle_end.day)


def _write(folder: Path, relative: str, lines: list[str]) -> int:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines)).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def _header(
    out: list[str], cycle: str, owner: str, name: str, level: str, parent: str | None
) -> None:
    out.append(f"cycle: {cycle}")
    out.append(f"owner: {owner}")
    out.append(f"name: {_scalar(name)}")
    out.append(f"level: {level}")
    if parent is not None:
        out.append(f"parent: {parent}")
    out.append("objectives:")


def _unique(owner: str, taken: set[str]) -> str:
    candidate, number = owner, 1
    while candidate in taken:
        number += 1
        candidate = f"{owner}-{number}"
    taken.add(candidate)
    return candidate


def generate(folder: Path, n: int, seed: int) -> Generated:
    """Write an organisation of `n` OKR sets into `folder` (which must be empty or absent)."""
    if n < 1:
        raise ValueError("an organisation needs at least one OKR set (the company's)")
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty; generate into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    year_end = dt.date(YEAR, 12, 31)
    quarter_end = (
        dt.date(YEAR, 3 * QUARTER + 1, 1) - dt.timedelta(days=1) if QUARTER < 4 else year_end
    )
    total_bytes = key_results = checkins = 0

    # The company: the crown of the tree (docs/method.md, rule 2), set for the year.
    writer = _Writer(rng, chinese=True, scale=1.0, reach=(0.1, 0.35))  # ten weeks of a year
    _header(writer.lines, COMPANY_CYCLE, "company", "星拓电子 Startop Electronics", "company", None)
    days = _checkin_days(rng)
    for index, template in enumerate(COMPANY):
        writer.objective(index, template, [], days, _deadline(True, year_end), [])
    writer.body("星拓电子 2024 年度 OKR", "company")
    total_bytes += _write(folder, f"{COMPANY_CYCLE}/company.md", writer.lines)
    key_results += writer.key_results
    checkins += writer.checkins

    team_count = 0 if n == 1 else max(1, round((n - 1) / (PEOPLE_PER_TEAM + 1)))
    people = n - 1 - team_count
    taken: set[str] = {"company"}
    teams: list[_Team] = []
    per_function: dict[str, int] = {}
    for index in range(team_count):
        function = FUNCTIONS[index % len(FUNCTIONS)]
        number = per_function.get(function.stem, 0) + 1
        per_function[function.stem] = number
        owner = _unique(f"{function.stem}-{number:02d}", taken)
        teams.append(_Team(owner, function, rng.random() < CHINESE_SHARE, number))

    for team in teams:
        chinese = team.chinese
        writer = _Writer(rng, chinese, scale=8.0)
        name = (
            f"{team.function.zh} {team.number} 组"
            if chinese
            else f"{team.function.en} team {team.number}"
        )
        _header(writer.lines, TEAM_CYCLE, team.owner, name, "team", "company")
        days = _checkin_days(rng)
        for index, template in enumerate(
            rng.sample(team.function.objectives, min(OBJECTIVES, len(team.function.objectives)))
        ):
            goal = rng.randrange(len(COMPANY)) + 1
            # Top-down (rule 3): take on a company objective, or one of its key results.
            ref = (
                f"company/O{goal}"
                if rng.random() < 0.6
                else f"company/O{goal}/KR{rng.randint(1, KEY_RESULTS)}"
            )
            writer.objective(index, template, [ref], days, _deadline(chinese, quarter_end), [])
        if len(team.function.objectives) < OBJECTIVES:
            writer.objective(
                len(team.function.objectives),
                GROWTH,
                [f"company/O{len(COMPANY)}"],
                days,
                _deadline(chinese, quarter_end),
                ["growth"],
            )
        writer.body(name, "team")
        total_bytes += _write(folder, f"{TEAM_CYCLE}/teams/{team.owner}.md", writer.lines)
        key_results += writer.key_results
        checkins += writer.checkins

    for _index in range(people):
        team_index = rng.randrange(len(teams))
        team = teams[team_index]
        chinese = rng.random() < CHINESE_SHARE
        if chinese:
            surname, surname_pinyin = rng.choice(SURNAMES)
            given, given_pinyin = rng.choice(GIVEN_NAMES)
            owner = _unique(f"{surname_pinyin}-{given_pinyin}", taken)
            name = f"{team.function.zh} {surname}{given}"
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            owner = _unique(f"{first}-{last}", taken)
            name = f"{first.title()} {last.title()} ({team.function.en})"
        writer = _Writer(rng, chinese, scale=1.0)
        _header(writer.lines, TEAM_CYCLE, owner, name, "individual", team.owner)
        days = _checkin_days(rng)
        own = team.function.objectives
        chosen = rng.sample(own, min(OBJECTIVES - 1, len(own)))
        # Half the people keep a personal-growth objective (rule 5); the rest serve the team.
        spare = [o for o in own if o not in chosen]
        chosen.append(rng.choice(spare) if spare and rng.random() < 0.5 else GROWTH)
        for index, template in enumerate(chosen):
            # Bottom-up (rule 4): each objective serves a key result of the person's team.
            aligns = [f"{team.owner}/O{rng.randint(1, OBJECTIVES)}/KR{rng.randint(1, KEY_RESULTS)}"]
            if rng.random() < 0.05 and len(teams) > 1:  # and sometimes a collaborating team's
                other = teams[(team_index + rng.randrange(1, len(teams))) % len(teams)]
                aligns.append(
                    f"{other.owner}/O{rng.randint(1, OBJECTIVES)}/KR{rng.randint(1, KEY_RESULTS)}"
                )
            tags = ["growth"] if template is GROWTH else []
            writer.objective(index, template, aligns, days, _deadline(chinese, quarter_end), tags)
        writer.body(name, "individual")
        total_bytes += _write(folder, f"{TEAM_CYCLE}/{team.owner}/{owner}.md", writer.lines)
        key_results += writer.key_results
        checkins += writer.checkins

    return Generated(folder, n, team_count, people, key_results, checkins, total_bytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic organisation of N OKR sets.")
    parser.add_argument("folder", type=Path, help="an empty or new folder")
    parser.add_argument("--n", type=int, default=1000, help="number of OKR sets (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    made = generate(args.folder, args.n, args.seed)
    print(
        f"{made.folder}: {made.sets} OKR sets (1 company, {made.teams} teams, "
        f"{made.individuals} individuals), {made.key_results} key results, "
        f"{made.checkins} check-ins, {made.bytes / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
