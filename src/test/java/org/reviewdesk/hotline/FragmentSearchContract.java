package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The case screen's search by a fragment of a current or former Chinese name, the same on H2 (a scan)
 * and on PostgreSQL (V28's bigram index): {@link FragmentSearchTest}, {@link FragmentSearchPostgresIT}.
 * The names use characters no other test uses (甪, 堇), so each database's other rows never match.
 */
abstract class FragmentSearchContract {

    @Autowired
    CaseScreen screen;
    @Autowired
    EnterpriseAccounts accounts;

    @BeforeEach
    void signInAsAgent() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("fragment-agent", null,
                List.of(new SimpleGrantedAuthority("ROLE_HOTLINE_AGENT"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String open(String name) {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(code, name, LegalPersonType.ENTERPRISE, "王五", "RD-FRAGMENT-" + code, "system");
        return code;
    }

    @Test
    void aTwoCharacterFragmentFindsCurrentAndFormerNamesRankedExactThenPrefixThenInfix() {
        String renamed = open("蜀锦堇纺织有限公司");
        accounts.rename(renamed, "蜀锦甪直数码有限公司", "RD-FRAGMENT-RENAME", "system");
        String prefix = open("甪直茶社");
        String exact = open("甪直");

        CaseScreen.Results byCurrent = screen.search("甪直");
        assertThat(byCurrent.kind()).isEqualTo(CaseScreen.QueryKind.NAME);
        assertThat(byCurrent.hits()).extracting(CaseScreen.Hit::uscc).containsExactly(exact, prefix, renamed);
        assertThat(byCurrent.hits()).allSatisfy(h -> assertThat(h.reason()).isEqualTo(CaseScreen.Reason.NAME));

        CaseScreen.Results byFormer = screen.search("堇纺");
        assertThat(byFormer.hits()).singleElement().satisfies(h -> {
            assertThat(h.uscc()).isEqualTo(renamed);
            assertThat(h.name()).isEqualTo("蜀锦甪直数码有限公司");
            assertThat(h.reason()).isEqualTo(CaseScreen.Reason.FORMER_NAME);
            assertThat(h.detail()).isEqualTo("蜀锦堇纺织有限公司");
        });
        // every bigram of the fragment is in the name, but not in this order: no match
        assertThat(screen.search("直甪").hits()).isEmpty();
        assertThat(screen.search("甪直数码有限").hits()).extracting(CaseScreen.Hit::uscc).containsExactly(renamed);
    }

    @Test
    void aOneCharacterFragmentIsRefusedAndWildcardsAreLiteral() {
        open("甪里堇菜馆");

        CaseScreen.Results one = screen.search("甪");
        assertThat(one.kind()).isEqualTo(CaseScreen.QueryKind.TOO_SHORT);
        assertThat(one.hits()).isEmpty();
        assertThat(screen.search("甪%").hits()).isEmpty();
        assertThat(screen.search("甪_堇").hits()).isEmpty();
        assertThat(screen.search("甪里").hits()).extracting(CaseScreen.Hit::name).containsExactly("甪里堇菜馆");
    }
}
