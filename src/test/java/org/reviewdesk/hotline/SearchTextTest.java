package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsWidthCaseSpacesAndPunctuationAway() {
        assertThat(SearchText.fold(" 忘记密码\u3000企业  ＡPp？")).isEqualTo("忘记密码企业app");
    }

    @Test
    void punctuationAloneFoldsToNothing() {
        assertThat(SearchText.fold("“ - ？")).isEmpty();
    }

    @Test
    void highlightsAMatchInTheOriginalText() {
        String text = "提示”统一社会信用代码已注册”怎么办?";

        List<SearchText.Range> ranges = SearchText.of(text).ranges(List.of("信用代码已注册"));

        assertThat(ranges).hasSize(1);
        assertThat(text.substring(ranges.get(0).start(), ranges.get(0).end())).isEqualTo("信用代码已注册");
    }

    @Test
    void aMatchAcrossSkippedPunctuationCoversIt() {
        String text = "可通过028-12345办理";

        List<SearchText.Range> ranges = SearchText.of(text).ranges(List.of("02812345"));

        assertThat(text.substring(ranges.get(0).start(), ranges.get(0).end())).isEqualTo("028-12345");
    }

    @Test
    void overlappingMatchesMergeIntoOneHighlight() {
        String text = "忘记密码后重置密码";

        List<SearchText.Range> ranges = SearchText.of(text).ranges(List.of("忘记密码", "密码后", "密码"));

        assertThat(ranges).containsExactly(new SearchText.Range(0, 5), new SearchText.Range(7, 9));
    }
}
