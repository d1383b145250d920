package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text a decision carries is checked for hidden characters: a right-to-left override in any of them breaks it. */
class ReviewDecisionTextTest {

    private static final String RLO = "\u202E";

    @Test
    void aHiddenCharacterInAnyTextOfADecisionIsFound() {
        assertThat(new ReviewDecision.Approve("核对无误" + RLO).hasHiddenCharacters()).isTrue();
        assertThat(new ReviewDecision.Reject(List.of("OTHER"), "名称" + RLO + "不符").hasHiddenCharacters()).isTrue();
        assertThat(new ReviewDecision.RequestDocuments(List.of(DocumentVerdict.newVersionNeeded("business-licence", "模糊")),
                "请\u200B重新上传").hasHiddenCharacters()).isTrue();
        assertThat(ReviewDecision.RequestDocuments.of(List.of("business-licence"), "照片\uFEFF模糊").hasHiddenCharacters()).isTrue();
        assertThat(new ReviewDecision.Reject(List.of(), "x", List.of(DocumentVerdict.newVersionNeeded("id-front", "反" + RLO))))
                .satisfies(d -> assertThat(d.hasHiddenCharacters()).isTrue());
    }

    @Test
    void ordinaryTextsOfSeveralLinesPass() {
        assertThat(new ReviewDecision.Approve(null).hasHiddenCharacters()).isFalse();
        assertThat(new ReviewDecision.Reject(List.of("OTHER"), "名称不符；\n请核对后重新申请。").hasHiddenCharacters()).isFalse();
        assertThat(ReviewDecision.RequestDocuments.of(List.of("business-licence"), "照片模糊\r\n请重新拍摄").hasHiddenCharacters()).isFalse();
    }
}
