package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private final KnowledgeBase knowledgeBase = new KnowledgeBase();

    private List<String> idsFound(String query) {
        return knowledgeBase.search(query).stream().map(KnowledgeEntry::id).toList();
    }

    @Test
    void idsFollowTheQuestionNumbersOfTheFaq() {
        assertThat(knowledgeBase.all()).extracting(KnowledgeEntry::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj("faq-%02d"::formatted).toList());
    }

    @Test
    void idsAndTextAreTheSameOnEveryLoad() {
        assertThat(new KnowledgeBase().all()).isEqualTo(knowledgeBase.all());
    }

    @Test
    void everyEntryHasAnAnswer() {
        assertThat(knowledgeBase.all()).allSatisfy(e -> {
            assertThat(e.answerParagraphs()).isNotEmpty();
            assertThat(e.answerParagraphs()).allMatch(p -> !p.isBlank());
        });
    }

    @Test
    void findsAnEntryById() {
        assertThat(knowledgeBase.find("faq-07")).get()
                .extracting(KnowledgeEntry::question).asString().contains("统一社会信用代码已注册");
        assertThat(knowledgeBase.find("faq-99")).isEmpty();
        assertThat(knowledgeBase.find(null)).isEmpty();
    }

    @Test
    void theEntriesCannotBeChanged() {
        assertThatThrownBy(() -> knowledgeBase.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> knowledgeBase.all().get(0).answerParagraphs().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBlankQueryGivesEveryEntryInOrder() {
        assertThat(knowledgeBase.search("  ")).isEqualTo(knowledgeBase.all());
        assertThat(knowledgeBase.search(null)).isEqualTo(knowledgeBase.all());
    }

    @Test
    void questionMatchesRankAboveAnswerOnlyMatches() {
        assertThat(idsFound("忘记密码")).containsExactly("faq-05", "faq-08", "faq-01", "faq-02", "faq-07", "faq-12");
    }

    @Test
    void everyTermMustMatchInTheQuestionOrTheAnswer() {
        assertThat(idsFound("忘记密码 人脸")).containsExactly("faq-05", "faq-12");
        assertThat(idsFound("忘记密码 人脸 营业执照")).containsExactly("faq-12");
    }

    @Test
    void moreTermsInTheQuestionRankHigher() {
        assertThat(idsFound("非四川 注册")).first().isEqualTo("faq-09");
        assertThat(idsFound("非四川 注册")).containsExactlyInAnyOrder("faq-09", "faq-10", "faq-11");
    }

    @Test
    void matchesIgnoringCaseAndWidth() {
        assertThat(idsFound("app")).isEqualTo(idsFound("APP")).isEqualTo(idsFound("ＡＰＰ")).contains("faq-01", "faq-03");
    }

    @Test
    void matchesIgnoringQuotesSpacesAndPunctuation() {
        assertThat(idsFound("“信用代码已注册”")).containsExactly("faq-07");
        assertThat(idsFound("信用代码已注册?")).containsExactly("faq-07");
        assertThat(idsFound("028-12345")).containsExactly("faq-11", "faq-12");
        assertThat(idsFound("02812345")).containsExactly("faq-11", "faq-12");
        assertThat(idsFound("四川省注册的企业")).contains("faq-10", "faq-11");
    }

    @Test
    void findsNothingForAProblemTheFaqDoesNotCover() {
        assertThat(knowledgeBase.search("社保卡补办")).isEmpty();
    }

    @Test
    void eachQuickSearchLeadsToItsAnswer() {
        Map<QuickSearch, String> expected = Map.of(
                QuickSearch.FORGOT_PASSWORD, "faq-05",
                QuickSearch.ID_NUMBER_TAKEN, "faq-01",
                QuickSearch.MOBILE_CHANGED, "faq-03",
                QuickSearch.CREDIT_CODE_TAKEN, "faq-07",
                QuickSearch.OUT_OF_PROVINCE, "faq-09",
                QuickSearch.NAME_CHANGE, "faq-10",
                QuickSearch.REPRESENTATIVE_CHANGE, "faq-11",
                QuickSearch.REPRESENTATIVE_UNREACHABLE, "faq-11");
        assertThat(expected).containsOnlyKeys(QuickSearch.values());
        expected.forEach((quick, id) -> assertThat(idsFound(quick.query())).as(quick.name()).first().isEqualTo(id));
    }
}
