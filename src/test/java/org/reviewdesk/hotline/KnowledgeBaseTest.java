package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

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
        // 05, 08 and 12 ask about a forgotten password; 01, 02 and 07 only mention the 忘记密码 function
        assertThat(idsFound("忘记密码")).startsWith("faq-05").hasSizeGreaterThan(3);
        assertThat(idsFound("忘记密码").subList(0, 3)).containsExactlyInAnyOrder("faq-05", "faq-08", "faq-12");
    }

    @Test
    void anEntryMatchingMoreOfTheQueryRanksHigher() {
        assertThat(idsFound("忘记密码 人脸")).startsWith("faq-05", "faq-12");
        assertThat(idsFound("忘记密码 营业执照")).startsWith("faq-08");
    }

    @Test
    void theWordsNeedNotBeInTheFaqsOrder() {
        assertThat(idsFound("注册 非四川")).first().isEqualTo("faq-09");
        assertThat(idsFound("无法联系 法定代表人")).first().isEqualTo("faq-11");
    }

    @Test
    void matchesIgnoringCaseAndWidth() {
        assertThat(idsFound("app")).isEqualTo(idsFound("APP")).isEqualTo(idsFound("ＡＰＰ")).contains("faq-01", "faq-03");
    }

    @Test
    void matchesIgnoringQuotesSpacesAndPunctuation() {
        assertThat(idsFound("“信用代码已注册”")).containsExactly("faq-07");
        assertThat(idsFound("信用代码已注册?")).containsExactly("faq-07");
        assertThat(idsFound("信 用 代 码 已 注 册")).containsExactly("faq-07");
        assertThat(idsFound("028-12345")).containsExactlyInAnyOrder("faq-11", "faq-12");
        assertThat(idsFound("02812345")).isEqualTo(idsFound("028-12345"));
    }

    @Test
    void findsNothingForAProblemTheFaqDoesNotCover() {
        assertThat(knowledgeBase.search("公积金提取")).isEmpty();
    }

    @Test
    void aSynonymFindsTheFaqsWord() {
        assertThat(idsFound("失联")).containsExactly("faq-11");
        KnowledgeBase withoutSynonyms = new KnowledgeBase(knowledgeBase.all(), Synonyms.parse("", "none"));
        assertThat(withoutSynonyms.search("失联")).isEmpty();
    }

    @Test
    void operatorsCanReplaceTheSynonyms(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("synonyms.txt"), "# ours\n无法联系 = 玩失踪\n");

        KnowledgeBase ours = new KnowledgeBase(new KnowledgeProperties(new FileSystemResource(file)));

        assertThat(ours.search("玩失踪")).extracting(KnowledgeEntry::id).containsExactly("faq-11");
        assertThat(knowledgeBase.search("玩失踪")).isEmpty();
    }

    @Test
    void aMissingSynonymsFileStopsTheStart(@TempDir Path folder) {
        assertThatThrownBy(() -> new KnowledgeBase(new KnowledgeProperties(new FileSystemResource(folder.resolve("none.txt")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("none.txt");
    }

    @Test
    void marksTheQuerysWordsAndTheirSynonyms() {
        assertThat(knowledgeBase.marks("法人 联系不上")).contains("法人", "法定代表人", "联系不上", "无法联系");
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
