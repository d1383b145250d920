package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaqParserTest {

    /** The published FAQ has twelve questions, 一、 to 十二、 (counted in the file). */
    private static final int QUESTIONS_IN_THE_FAQ = 12;

    private final List<KnowledgeEntry> faq = new KnowledgeBase().all();

    private KnowledgeEntry entry(int number) {
        return faq.get(number - 1);
    }

    @Test
    void findsEveryQuestionOfThePublishedFaqInOrder() {
        assertThat(faq).hasSize(QUESTIONS_IN_THE_FAQ);
        assertThat(faq).extracting(KnowledgeEntry::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, QUESTIONS_IN_THE_FAQ).boxed().toList());
    }

    @Test
    void skipsThePageChromeBeforeTheFirstQuestion() {
        assertThat(entry(1).question()).isEqualTo("个人用户注册时提示“证件号已注册”怎么办？");
        assertThat(faq).flatExtracting(KnowledgeEntry::answerParagraphs)
                .noneMatch(p -> p.equals("返回") || p.contains("统一身份认证平台") || p.equals("四川政务服务网常见问题"));
    }

    @Test
    void pairsQuotesThatThePageWritesTheWrongWayRound() {
        assertThat(entry(7).question()).isEqualTo("企业注册时，提示“统一社会信用代码已注册”怎么办？");
    }

    @Test
    void endsEveryQuestionWithAFullWidthQuestionMark() {
        assertThat(faq).extracting(KnowledgeEntry::question).allMatch(q -> q.endsWith("？") && !q.contains("?"));
        assertThat(entry(9).question()).isEqualTo("非四川省注册的企业，怎么注册？");
    }

    @Test
    void keepsTheNumberedItemsOfAnAnswerAsParagraphsInOrder() {
        assertThat(entry(11).question()).isEqualTo("企业法定代表人变更了如何处理？");
        assertThat(entry(11).answerParagraphs()).hasSize(4);
        assertThat(entry(11).answerParagraphs()).extracting(p -> p.substring(0, 2)).containsExactly("1、", "2、", "3、", "4、");
        assertThat(entry(11).answerParagraphs().get(3))
                .isEqualTo("4、原法定代表人无法联系，不能通过登录原账号登录系统注销的，可通过028-12345或者省政务中心线下窗口认证注销。");
    }

    @Test
    void keepsTheLeadParagraphBeforeTheNumberedItems() {
        assertThat(entry(2).answerParagraphs()).hasSize(4);
        assertThat(entry(2).answerParagraphs().get(0)).startsWith("出现此提示，说明您已经是四川政务服务网的用户。");
        assertThat(entry(7).answerParagraphs()).hasSize(1);
    }

    @Test
    void keepsSubItemsAsTheirOwnParagraphs() {
        assertThat(entry(10).answerParagraphs()).hasSize(5);
        assertThat(entry(10).answerParagraphs().get(2)).isEqualTo("(1)法人类型为“企业”，可通过电子营业执照登录，系统会自动更新企业名称。");
        assertThat(entry(10).answerParagraphs().get(4)).isEqualTo("(3)通过省政务中心线下窗口进行认证注销后重新注册。");
    }

    @Test
    void joinsALineThatContinuesAnItemWithoutABlankLine() {
        assertThat(entry(6).answerParagraphs()).containsExactly(
                "1、用户名是您在注册账号时系统为您创建的唯一标识，如其他方式无法登录时，可通过用户名进行登录。",
                "2、用户名构成规则如下：注册时使用的手机号+证件号，如18000000001512000000000000046。",
                "3、用户名在个人中心-账号管理中可查看。");
    }

    @Test
    void makesHalfWidthPunctuationInChineseTextFullWidth() {
        assertThat(entry(4).answerParagraphs().get(2)).isEqualTo("3、PC端可通过电子社保卡扫码登录，APP端(天府通办APP)可通过支付宝授权注册及登录。");
        assertThat(FaqParser.tidy("是吗? 好的,谢谢")).isEqualTo("是吗？好的，谢谢");
        assertThat(FaqParser.tidy("共 1,000 条。Use a, b: c.")).isEqualTo("共 1,000 条。Use a, b: c.");
    }

    @Test
    void removesStraySpacesBetweenChineseCharacters() {
        assertThat(entry(10).answerParagraphs().get(0)).startsWith("1、四川省注册的企业，企业名称变更，");
        assertThat(faq).flatExtracting(KnowledgeEntry::answerParagraphs).noneMatch(p -> p.matches(".*\\p{IsHan}\\s+\\p{IsHan}.*"));
        assertThat(faq).flatExtracting(KnowledgeEntry::answerParagraphs).noneMatch(p -> p.endsWith(" ") || p.endsWith("\u00a0"));
    }

    @Test
    void dropsThePageCounterGluedToTheLastSentence() {
        assertThat(entry(12).answerParagraphs()).last().isEqualTo("3、还可通过028-12345人工方式或者省政务中心线下窗口进行认证处理。");
    }

    @Test
    void tellsPersonalFromLegalPersonQuestions() {
        assertThat(faq.subList(0, 6)).extracting(KnowledgeEntry::category).containsOnly(KnowledgeCategory.PERSONAL);
        assertThat(faq.subList(6, 12)).extracting(KnowledgeEntry::category).containsOnly(KnowledgeCategory.ENTERPRISE);
    }

    @Test
    void readsChineseNumeralsAsHeadingsUseThem() {
        assertThat(List.of("一", "七", "十", "十一", "十二", "二十", "二十三", "一百零五", "两百"))
                .extracting(FaqParser::chineseNumber)
                .containsExactly(1, 7, 10, 11, 12, 20, 23, 105, 200);
    }

    @Test
    void aNumeralListInsideAnAnswerIsNotAQuestion() {
        List<KnowledgeEntry> entries = FaqParser.parse("""
                一、第一个问题?
                答案：
                一、先做这个。
                二、再做那个。
                二、第二个问题？
                答案。
                """);

        assertThat(entries).extracting(KnowledgeEntry::question).containsExactly("第一个问题？", "第二个问题？");
        assertThat(entries.get(0).answerParagraphs()).containsExactly("答案：一、先做这个。二、再做那个。");
    }

    @Test
    void keepsASpaceWhereJoinedLinesMeetInLatinText() {
        List<KnowledgeEntry> entries = FaqParser.parse("一、问题?\nUse the PC\nclient.\n");

        assertThat(entries.get(0).answerParagraphs()).containsExactly("Use the PC client.");
    }
}
