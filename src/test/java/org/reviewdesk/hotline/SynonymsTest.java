package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final Synonyms synonyms = Synonyms.parse("""
            # comment
            法定代表人 = 法人 = 法人代表
            无法联系 ＝ 联系不上   # a comment after a group
            手机号 = 手机号码 = 手机
            """, "test");

    @Test
    void replacesEveryMemberWithTheFirstOfItsGroup() {
        assertThat(synonyms.canonical("法人联系不上")).isEqualTo("法定代表人无法联系");
        assertThat(synonyms.canonical("法人代表无法联系")).isEqualTo("法定代表人无法联系");
    }

    @Test
    void theLongestMemberWinsAtTheSamePlace() {
        assertThat(synonyms.canonical("手机号码换了")).isEqualTo("手机号换了");
        assertThat(synonyms.canonical("手机换了")).isEqualTo("手机号换了");
    }

    @Test
    void membersAreComparedFolded() {
        Synonyms latin = Synonyms.parse("APP = 客户端", "test");

        assertThat(latin.canonical(SearchText.fold("下载客户端"))).isEqualTo("下载app");
        assertThat(latin.canonical(SearchText.fold("ＡＰＰ"))).isEqualTo("app");
    }

    @Test
    void cutsTheTextIntoMembersAndTheRest() {
        assertThat(synonyms.pieces("原法人联系不上了")).containsExactly("原", "法人", "联系不上", "了");
        assertThat(synonyms.group("法人")).containsExactlyInAnyOrder("法定代表人", "法人", "法人代表");
        assertThat(synonyms.group("营业执照")).isEmpty();
    }

    @Test
    void aWordInTwoGroupsIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Synonyms.parse("法人 = 法定代表人\n\n法人 = 企业", "ours.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ours.txt, line 3").hasMessageContaining("'法人'");
    }

    @Test
    void aGroupOfOneWordIsRefused() {
        assertThatThrownBy(() -> Synonyms.parse("法人 = 法人", "ours.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Synonyms.parse("法人 = ？", "ours.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty member");
    }
}
